import { addMessages } from '../messages';
import it from '../causes/it.json';
import en from '../causes/en.json';
import fr from '../causes/fr.json';
import es from '../causes/es.json';
import de from '../causes/de.json';
import nl from '../causes/nl.json';

/** The `causes` part of the catalogue, for the pages that word things with it (importing it makes its keys known). */
addMessages({ it, en, fr, es, de, nl });
