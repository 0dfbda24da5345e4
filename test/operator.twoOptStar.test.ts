// 2-opt* on two hand-checkable crossing routes: the tails exchanged, the delta, and skills that
// forbid both variants.
import { describe, expect, it } from 'vitest';
import { OP, planeProblem, routesCost, runOperator } from './operatorHarness.js';

// depot (0,0); job 0 (0,100), job 1 (100,200), job 2 (100,100), job 3 (0,200)
const points: [number, number][] = [[0, 0], [0, 100], [100, 200], [100, 100], [0, 200]];
const crossing = [[0, 1], [2, 3]];

describe('2-opt*', () => {
  it('exchanges the tails after jobs 0 and 2', async () => {
    const p = planeProblem(points, [{}, {}]);
    const r = await runOperator(p, crossing, OP.TWO_OPT_STAR, 0, 2);
    expect(r.applied).toBe(true);
    expect(r.routes).toEqual([[0, 3], [2, 1]]);
    // 465 + 482 = 947 → 400 + 465 = 865 (joining the heads would tie: the tails variant is kept)
    expect(routesCost(p, crossing)).toBe(947);
    expect(r.delta).toBe(-82);
    expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, crossing));
    expect(r.violations).toEqual([]);
  });

  it('refuses both variants when jobs 2 and 3 may only ride with vehicle 2', async () => {
    const p = planeProblem(points, [{}, { skills: [7] }], [{}, {}, { skills: [7] }, { skills: [7] }]);
    const r = await runOperator(p, crossing, OP.TWO_OPT_STAR, 0, 2);
    expect(r.applied).toBe(false);
    expect(r.routes).toEqual(crossing);
  });
});
