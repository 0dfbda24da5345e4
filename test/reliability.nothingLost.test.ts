// The nothing-lost invariant of day plans (#17): assertEveryBinOnce turns a bin lost, repeated or
// invented into an InternalError; plan() and planScenario() run it on every result.
import { describe, expect, it } from 'vitest';
import { assertEveryBinOnce } from '../src/plan/assertEveryBinOnce.js';
import { InternalError } from '../src/errors.js';

const ids = ['b1', 'b2', 'b3'];
const stops = (...b: string[]) => ({ stops: b.map((binId) => ({ binId })) });
const bins = (...b: string[]) => b.map((binId) => ({ binId }));

describe('assertEveryBinOnce', () => {
  it('accepts every bin exactly once, wherever it is', () => {
    expect(() => assertEveryBinOnce(ids, { routes: [stops('b1'), stops('b3')], skipped: bins('b2'), unassigned: [] })).not.toThrow();
    expect(() => assertEveryBinOnce(ids, { routes: [], skipped: bins('b2'), unassigned: bins('b1', 'b3') })).not.toThrow();
  });
  it('a lost bin, a bin twice or an unknown bin is an InternalError naming it', () => {
    const cases: [Parameters<typeof assertEveryBinOnce>[1], RegExp][] = [
      [{ routes: [stops('b1')], skipped: bins('b2'), unassigned: [] }, /bin "b3" is neither routed, skipped nor unassigned/],
      [{ routes: [stops('b1', 'b2')], skipped: bins('b2', 'b3'), unassigned: [] }, /bin "b2" comes back twice \(again among the skipped\)/],
      [{ routes: [stops('b1', 'b2', 'b3', 'b9')], skipped: [], unassigned: [] }, /bin "b9" on route 0 is not an input bin/],
    ];
    for (const [plan, message] of cases) {
      expect(() => assertEveryBinOnce(ids, plan)).toThrow(InternalError);
      expect(() => assertEveryBinOnce(ids, plan)).toThrow(message);
    }
  });
});
