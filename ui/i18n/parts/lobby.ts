import { addMessages } from '../messages';
import it from '../lobby/it.json';
import en from '../lobby/en.json';
import fr from '../lobby/fr.json';
import es from '../lobby/es.json';
import de from '../lobby/de.json';
import nl from '../lobby/nl.json';

/** The `lobby` part of the catalogue, for the pages that word things with it (importing it makes its keys known). */
addMessages({ it, en, fr, es, de, nl });
