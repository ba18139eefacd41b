import { addMessages } from '../messages';
import it from '../history/it.json';
import en from '../history/en.json';
import fr from '../history/fr.json';
import es from '../history/es.json';
import de from '../history/de.json';
import nl from '../history/nl.json';

/** The `history` part of the catalogue, for the pages that word things with it (importing it makes its keys known). */
addMessages({ it, en, fr, es, de, nl });
