import common from '../common/nl.json';
import lobby from '../lobby/nl.json';
import causes from '../causes/nl.json';

/** The public board's words in Dutch (common, lobby, causes): one chunk, loaded by a lobby that shows Dutch. */
export default { ...common, ...lobby, ...causes };
