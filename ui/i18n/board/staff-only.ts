/**
 * Keys of the `common` and `causes` parts that only staff pages say (the teller's errors, the
 * call-why dialog, the pause and transfer prompts, …): the lobby's word chunks leave them out
 * (scripts/vite/precompiled-messages.ts; issue 9, the screen's size). Every page but the lobby
 * still has them. test/unit/lobby-bundle.test.ts fails if a module of the lobby names one.
 */
const PREFIXES = ['common.err.', 'common.duration.', 'causes.cause.', 'causes.callReason.'];

const KEYS = new Set([
  'common.language',
  'causes.promise',
  'causes.noNoticeYet',
  'causes.alertTitle',
  'causes.alertWaiting',
  'causes.noNoticeExplains',
  'causes.postSuggested',
  'causes.longTitle',
  'causes.longBody',
  'causes.longPost',
  'causes.notNow',
  'causes.pauseAsk',
  'causes.pauseKeep',
  'causes.pauseFinish',
  'causes.pausedLate',
  'causes.undoNoShow',
  'causes.posted',
  'causes.callSpecific',
  'causes.callWhy',
  'causes.callInTurn',
  'causes.noShowsToday',
  'causes.transfer',
  'causes.transferTo',
  'causes.transferredToast',
  'causes.calledToast',
  'causes.preventionLabel',
  'causes.preventionPlaceholder',
  'causes.close',
]);

export function staffOnly(key: string): boolean {
  return KEYS.has(key) || PREFIXES.some((p) => key.startsWith(p));
}
