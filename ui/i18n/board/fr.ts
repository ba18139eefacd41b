import common from '../common/fr.json';
import lobby from '../lobby/fr.json';
import causes from '../causes/fr.json';

/** The public board's words in French (common, lobby, causes): one chunk, loaded by a lobby that shows French. */
export default { ...common, ...lobby, ...causes };
