// 2-opt on a hand-checkable crossing route: the reversal found, its delta, and a time window it
// must respect.
import { describe, expect, it } from 'vitest';
import { OP, planeProblem, routesCost, runOperator } from './operatorHarness.js';

// depot (0,0); a (0,100), b (0,200), c (100,200), d (100,100): the tour a b c d is uncrossed
const points: [number, number][] = [[0, 0], [0, 100], [0, 200], [100, 200], [100, 100]];
const crossing = [[0, 2, 1, 3]]; // a → c → b → d

describe('2-opt', () => {
  it('reverses c → b so that a and b become adjacent', async () => {
    const p = planeProblem(points, [{}]);
    const r = await runOperator(p, crossing, OP.TWO_OPT, 0, 1);
    expect(r.applied).toBe(true);
    expect(r.routes).toEqual([[0, 1, 2, 3]]);
    // 100 + 141 + 100 + 141 + 141 = 623 → 100 + 100 + 100 + 100 + 141 = 541
    expect(routesCost(p, crossing)).toBe(623);
    expect(r.delta).toBe(-82);
    expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, crossing));
    expect(r.violations).toEqual([]);
  });

  it('refuses the reversal when c must be served by t = 250 (reached at 241 now, at 300 after)', async () => {
    const p = planeProblem(points, [{}], [{}, {}, { time_windows: [[0, 250]] }]);
    const r = await runOperator(p, crossing, OP.TWO_OPT, 0, 1);
    expect(r.applied).toBe(false);
    expect(r.routes).toEqual(crossing);
    expect(r.violations).toEqual([]);
  });
});
