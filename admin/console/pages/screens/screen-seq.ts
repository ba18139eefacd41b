/**
 * What a screen's card says it shows, from the seq it last said it rendered and the branch's seq.
 * Before a screen has rendered anything (a TV just paired reports seq 0, or nothing yet), it is
 * waiting for its first report, not "behind": the count would be the whole day, in red.
 */
export type ScreenSeq = { kind: 'waiting' } | { kind: 'current' } | { kind: 'behind'; n: number };

export function screenSeq(renderedSeq: number | null, branchSeq: number): ScreenSeq {
  if (renderedSeq === null || renderedSeq === 0) return { kind: 'waiting' };
  if (renderedSeq < branchSeq) return { kind: 'behind', n: branchSeq - renderedSeq };
  return { kind: 'current' };
}
