// The public board's words in every language: what every page but the lobby speaks besides its
// own part (the lobby loads them one language at a time: ../board-words.ts).
import './common';
import './lobby';
import './causes';
