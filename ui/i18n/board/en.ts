import common from '../common/en.json';
import lobby from '../lobby/en.json';
import causes from '../causes/en.json';

/** The public board's words in English (common, lobby, causes): one chunk, loaded by a lobby that shows English. */
export default { ...common, ...lobby, ...causes };
