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

  describe('with penalised capacity (CVRP-like problems, during the annealing)', () => {
    // every vehicle carries 2; a weighs 2, b and c 1 each: c next to a overloads a's route by 1
    // (a vehicle per job, as penalised capacity requires: the third one stays empty)
    const cap2 = { capacity: [2] };
    const tight = () => planeProblem(points, [cap2, cap2, cap2], [{ pickup: [2] }, { pickup: [1] }, { pickup: [1] }]);

    it('takes the move when the saving (125) beats the price of the excess (100 per unit)', async () => {
      const p = tight();
      const before = [[0], [1, 2], []];
      const r = await runOperator(p, before, OP.RELOCATE_UV, 2, 0, 100 * 16);
      expect(r.applied).toBe(true);
      expect(r.routes).toEqual([[0, 2], [1], []]);
      // the delta is the cost change plus the excess price: −125 + 1 · 100
      expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, before) + 100);
      expect(r.delta).toBe(-25);
      // the overloaded route is what the checker sees: the move really crossed into infeasible space
      expect(r.violations).toEqual(['vehicle 0: load 3 > capacity 2 in dimension 0']);
    });

    it('refuses it when the excess costs more (150 per unit) than the move saves', async () => {
      const r = await runOperator(tight(), [[0], [1, 2], []], OP.RELOCATE_UV, 2, 0, 150 * 16);
      expect(r.applied).toBe(false);
      expect(r.routes).toEqual([[0], [1, 2], []]);
    });

    it('rounds a fractional price up: 1/16 per unit still makes excess cost at least 1', async () => {
      const p = tight();
      const before = [[0], [1, 2], []];
      const r = await runOperator(p, before, OP.RELOCATE_UV, 2, 0, 1);
      expect(r.applied).toBe(true);
      expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, before) + 1);
    });
  });
});
