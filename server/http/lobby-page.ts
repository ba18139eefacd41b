import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { publicSnapshot, Slug, type BranchState } from '../../core';
import type { BranchStates } from '../commands/branch-states';
import { sendError } from './errors';

/** The element the lobby reads its first snapshot from (display/main.ts). */
export const SNAPSHOT_ELEMENT_ID = 'bb-snapshot';

/**
 * Run while the page's script is still on its way: a screen's first date or time format sets up
 * the browser's ICU data, 30–150 ms of its main thread in a fresh Chromium renderer, which the
 * board's first render otherwise pays before it is painted (issue 9). Here it fills the wait for
 * the network instead, once the HTML shell is painted (after a frame, so the shell's own first
 * paint is not held up). Allowed by its hash, not by 'unsafe-inline' (`withWarmUpAllowed`).
 */
export const INTL_WARM_UP = 'requestAnimationFrame(()=>setTimeout(()=>new Intl.DateTimeFormat().format(0)))';
const INTL_WARM_UP_HASH = `'sha256-${createHash('sha256').update(INTL_WARM_UP).digest('base64')}'`;

/** The page's Content-Security-Policy (helmet's, set before the route) with the warm-up script's hash among the scripts it runs. */
export function withWarmUpAllowed(csp: string): string {
  return csp.replace(/(^|;)\s*script-src ([^;]*)/, (_all, start: string, sources: string) => `${start}script-src ${sources} ${INTL_WARM_UP_HASH}`);
}

/**
 * The lobby page's HTML with the branch's snapshot in it, as the stream would send it first
 * (issue 9: live data painted without waiting for the WebSocket). The screen draws it at once,
 * then connects with its seq and is caught up like after a reconnect; it shows its data as stale
 * after the same silence as always if the stream never answers. Staff-typed text is data: the
 * JSON is escaped so that no `<` can end the script element.
 */
export function withSnapshot(html: string, branchId: string, state: BranchState, serverTime: number, preload: readonly string[] = []): string {
  const json = JSON.stringify({ branch: branchId, state: publicSnapshot(state), serverTime }).replace(/</g, '\\u003c');
  const links = preload.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`).join('');
  // A function, not a string: in a replacement string `$&`, `$'` and `` $` `` (which staff text may
  // hold) would put the page's own markup into the JSON.
  return html.replace('</head>', () => `<script type="application/json" id="${SNAPSHOT_ELEMENT_ID}">${json}</script>${links}<script>${INTL_WARM_UP}</script></head>`);
}

/** Vite's manifest of the lobby's build (vite.config.ts): source file → its chunk and the chunks it imports. */
type Manifest = Record<string, { file: string; imports?: string[] }>;

/** Where the lobby's build writes its manifest, relative to the built page (dist/display/index.html). */
const MANIFEST = join('..', '.vite', 'lobby-manifest.json');

/**
 * The chunks of the board's words for the languages the page will show (ui/i18n/board-words.ts
 * loads them once it runs; preloaded, they come with the script instead of after it). A language
 * without a chunk of its own is shown in English, as the catalogue does.
 */
export function wordChunks(manifest: Manifest, languages: readonly string[]): string[] {
  const files = new Set<string>();
  const add = (key: string) => {
    const entry = manifest[key];
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const i of entry.imports ?? []) add(i);
  };
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    add(manifest[`ui/i18n/board/${base}.ts`] ? `ui/i18n/board/${base}.ts` : 'ui/i18n/board/en.ts');
  }
  return [...files];
}

async function readManifest(page: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(dirname(page), MANIFEST), 'utf8')) as Manifest;
  } catch {
    return {}; // an older build: the words simply load after the script
  }
}

/**
 * GET /display/:branch, with the branch's snapshot and its words' chunks preloaded. A replay
 * (`?at=`) gets the plain page. A name that is no branch (or cannot be one) is a 404 with the
 * plain page, whose board says "unknown branch" in its own words as the stream refuses it. Never
 * cached: the snapshot is of this moment.
 */
export function lobbyPage(states: BranchStates, file: string) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!existsSync(file)) return sendError(res, 503, 'not_built', 'the pages are not built: run `npm run build`');
    try {
      const branchId = String(req.params.branch);
      const state = Slug.safeParse(branchId).success ? (states.peek(branchId) ?? (await states.get(branchId))) : undefined;
      const html = await readFile(file, 'utf8');
      res.set('Cache-Control', 'no-store');
      if (!state || req.query.at !== undefined) {
        res.status(state ? 200 : 404).type('html').send(html);
        return;
      }
      // A phone asking for one language (?lang=) is shown that one; a TV its branch's languages.
      const lang = typeof req.query.lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(req.query.lang) ? req.query.lang : undefined;
      const preload = wordChunks(await readManifest(file), lang ? [lang] : (state.config?.languages ?? []));
      const csp = res.getHeader('Content-Security-Policy');
      if (typeof csp === 'string') res.setHeader('Content-Security-Policy', withWarmUpAllowed(csp));
      res.type('html').send(withSnapshot(html, branchId, state, Date.now(), preload));
    } catch (err) {
      next(err);
    }
  };
}
