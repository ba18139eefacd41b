import { addMessages } from '../messages';
import it from '../kiosk/it.json';
import en from '../kiosk/en.json';
import fr from '../kiosk/fr.json';
import es from '../kiosk/es.json';
import de from '../kiosk/de.json';
import nl from '../kiosk/nl.json';

/** The `kiosk` part of the catalogue, for the pages that word things with it (importing it makes its keys known). */
addMessages({ it, en, fr, es, de, nl });
