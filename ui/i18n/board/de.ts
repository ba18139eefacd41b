import common from '../common/de.json';
import lobby from '../lobby/de.json';
import causes from '../causes/de.json';

/** The public board's words in German (common, lobby, causes): one chunk, loaded by a lobby that shows German. */
export default { ...common, ...lobby, ...causes };
