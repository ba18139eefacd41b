import common from '../common/it.json';
import lobby from '../lobby/it.json';
import causes from '../causes/it.json';

/** The public board's words in Italian (common, lobby, causes): one chunk, loaded by a lobby that shows Italian. */
export default { ...common, ...lobby, ...causes };
