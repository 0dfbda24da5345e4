// Relocate on hand-checkable routes: the move found, its delta, and a capacity it must respect.
import { describe, expect, it } from 'vitest';
import { OP, planeProblem, routesCost, runOperator } from './operatorHarness.js';

// depot (0,0); job 0 a (100,0), job 1 b (0,100), job 2 c (100,10): c belongs next to a
const points: [number, number][] = [[0, 0], [100, 0], [0, 100], [100, 10]];

describe('relocate', () => {
  it('moves c from b’s route next to a, with the delta recomputed from the matrix', async () => {
    const p = planeProblem(points, [{}, {}]);
    const before = [[0], [1, 2]];
    const r = await runOperator(p, before, OP.RELOCATE_UV, 2, 0);
    expect(r.applied).toBe(true);
    expect(r.routes).toEqual([[0, 2], [1]]);
    // 0→a→0 = 200 and 0→b→c→0 = 100 + 135 + 100 = 335; after 0→a→c→0 = 210 and 0→b→0 = 200
    expect(routesCost(p, before)).toBe(535);
    expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, before));
    expect(r.delta).toBe(-125);
    expect(r.cost).toBe(410);
    expect(r.violations).toEqual([]);
  });

  it('inside one route: a → b → c becomes a → c → b', async () => {
    const p = planeProblem(points, [{}]);
    const r = await runOperator(p, [[0, 1, 2]], OP.RELOCATE_UV, 2, 0);
    expect(r.routes).toEqual([[0, 2, 1]]);
    expect(r.delta).toBe(routesCost(p, [[0, 2, 1]]) - routesCost(p, [[0, 1, 2]]));
    expect(r.violations).toEqual([]);
  });

  it('refuses the improving move when a’s vehicle has no room', async () => {
    const p = planeProblem(points, [{ capacity: [1] }, { capacity: [2] }], [{ pickup: [1] }, { pickup: [1] }, { pickup: [1] }]);
    const r = await runOperator(p, [[0], [1, 2]], OP.RELOCATE_UV, 2, 0);
    expect(r.applied).toBe(false);
    expect(r.routes).toEqual([[0], [1, 2]]);
    expect(r.violations).toEqual([]);
  });
});
