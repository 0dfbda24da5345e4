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
});
