import { addMessages } from '../messages';
import it from '../common/it.json';
import en from '../common/en.json';
import fr from '../common/fr.json';
import es from '../common/es.json';
import de from '../common/de.json';
import nl from '../common/nl.json';

/** The `common` part of the catalogue, for the pages that word things with it (importing it makes its keys known). */
addMessages({ it, en, fr, es, de, nl });
