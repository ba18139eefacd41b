import { describe, expect, it } from 'vitest';
import { screenSeq } from '../../admin/console/pages/screens/screen-seq';

/** A screen card's "shows": a TV just paired is waiting for its first report, not "24 changes behind #0". */
describe('screenSeq', () => {
  it('no report yet, or a report before anything was rendered (seq 0): waiting', () => {
    expect(screenSeq(null, 24)).toEqual({ kind: 'waiting' });
    expect(screenSeq(0, 24)).toEqual({ kind: 'waiting' });
  });
  it('a rendered seq behind the branch: behind by the difference', () => {
    expect(screenSeq(20, 24)).toEqual({ kind: 'behind', n: 4 });
  });
  it('the branch as it is', () => {
    expect(screenSeq(24, 24)).toEqual({ kind: 'current' });
  });
});
