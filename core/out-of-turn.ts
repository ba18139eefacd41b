import { z } from 'zod';
import { OUT_OF_TURN_REASONS } from './call-reasons';

// The list, the public wording and the undo window are zod-free (call-reasons.ts), for the screens.
export { OUT_OF_TURN_REASONS, publicCallReason, UNDO_NO_SHOW_MS, type PublicCallReason } from './call-reasons';

export const OutOfTurnReason = z.enum(OUT_OF_TURN_REASONS);
export type OutOfTurnReason = z.infer<typeof OutOfTurnReason>;
