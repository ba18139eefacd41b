import { addMessages } from '../messages';
import it from '../tablet/it.json';
import en from '../tablet/en.json';
import fr from '../tablet/fr.json';
import es from '../tablet/es.json';
import de from '../tablet/de.json';
import nl from '../tablet/nl.json';

/** The `tablet` part of the catalogue, for the pages that word things with it (importing it makes its keys known). */
addMessages({ it, en, fr, es, de, nl });
