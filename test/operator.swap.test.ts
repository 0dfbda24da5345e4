// Swap on hand-checkable routes: the exchange found, its delta, and skills it must respect.
import { describe, expect, it } from 'vitest';
import { OP, planeProblem, routesCost, runOperator } from './operatorHarness.js';

// depot (0,0); east: job 0 (100,0), job 3 (100,10); west: job 1 (-100,0), job 2 (-100,10)
const points: [number, number][] = [[0, 0], [100, 0], [-100, 0], [-100, 10], [100, 10]];
const mixed = [[0, 1], [2, 3]];

describe('swap', () => {
  it('exchanges the west job of route 1 with the east job of route 2', async () => {
    const p = planeProblem(points, [{}, {}]);
    const r = await runOperator(p, mixed, OP.SWAP, 1, 3);
    expect(r.applied).toBe(true);
    expect(r.routes).toEqual([[0, 3], [2, 1]]);
    expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, mixed));
    // before: two 0 → east → west → 0 tours of 100 + 200 + 100; after: two of 100 + 10 + 100
    expect(routesCost(p, mixed)).toBe(800);
    expect(r.delta).toBe(-380);
    expect(r.cost).toBe(420);
    expect(r.violations).toEqual([]);
  });

  it('refuses the exchange when route 2’s vehicle lacks the skill the west job needs', async () => {
    const p = planeProblem(points, [{ skills: [1] }, {}], [{}, { skills: [1] }]);
    const r = await runOperator(p, mixed, OP.SWAP, 1, 3);
    expect(r.applied).toBe(false);
    expect(r.routes).toEqual(mixed);
  });

  describe('with penalised capacity (CVRP-like problems, during the annealing)', () => {
    // depot (0,0); a (100,0) and x (10,100) in one route, b (0,100) and y (100,10) in the other;
    // capacity 3, a 2, x 1, b 1, y 2: exchanging x and y saves 250 and overloads a's route by 1
    // (a vehicle per job, as penalised capacity requires: two stay empty)
    const pts: [number, number][] = [[0, 0], [100, 0], [0, 100], [10, 100], [100, 10]];
    const cap3 = { capacity: [3] };
    const tight = () => planeProblem(pts, [cap3, cap3, cap3, cap3], [{ pickup: [2] }, { pickup: [1] }, { pickup: [1] }, { pickup: [2] }]);
    const before = [[0, 2], [1, 3], [], []];

    it('exchanges x and y when the excess costs less than the saving, and prices it in the delta', async () => {
      const p = tight();
      expect(routesCost(p, before)).toBe(670);
      const r = await runOperator(p, before, OP.SWAP, 2, 3, 100 * 16);
      expect(r.applied).toBe(true);
      expect(r.routes).toEqual([[0, 3], [1, 2], [], []]);
      expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, before) + 100);
      expect(r.delta).toBe(-150);
      expect(r.violations).toEqual(['vehicle 0: load 4 > capacity 3 in dimension 0']);
    });

    it('keeps the routes when the excess costs more than the saving', async () => {
      const r = await runOperator(tight(), before, OP.SWAP, 2, 3, 300 * 16);
      expect(r.applied).toBe(false);
      expect(r.routes).toEqual(before);
    });

    it('with capacity hard (no penalty) the exchange is refused', async () => {
      const r = await runOperator(tight(), before, OP.SWAP, 2, 3);
      expect(r.applied).toBe(false);
    });
  });
});
