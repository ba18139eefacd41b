import common from '../common/es.json';
import lobby from '../lobby/es.json';
import causes from '../causes/es.json';

/** The public board's words in Spanish (common, lobby, causes): one chunk, loaded by a lobby that shows Spanish. */
export default { ...common, ...lobby, ...causes };
