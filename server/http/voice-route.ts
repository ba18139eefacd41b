import { join, resolve } from 'node:path';
import express, { type RequestHandler } from 'express';

/** The clips shipped with Branchboard (scripts/voice/render-voices.ts makes them). */
const SHIPPED = resolve(import.meta.dirname, '..', '..', 'voice');

/**
 * /voice/: the lobby's sound — chime.ogg and one sprite per language (<lang>.ogg + <lang>.json).
 * A manager's recordings of a real voice, put in DATA_DIR/voice/ (same names), win over the
 * shipped ones; nothing is fetched from anywhere else.
 */
export function voiceRoute(dataDir: string): RequestHandler[] {
  const opts = { maxAge: '1h', index: false, dotfiles: 'deny' } as const;
  return [express.static(join(resolve(dataDir), 'voice'), opts), express.static(SHIPPED, { ...opts, fallthrough: false })];
}
