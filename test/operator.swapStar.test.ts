// SWAP* on two hand-checkable routes: each route's stray job goes to the other route at its best
// position; the delta matches the matrix; skills can forbid it.
import { describe, expect, it } from 'vitest';
import { OP, planeProblem, routesCost, runOperator } from './operatorHarness.js';

// depot (0,0); job 0 (100,0) east, job 1 (-100,10) west, job 2 (-100,0) west, job 3 (100,10) east
const points: [number, number][] = [[0, 0], [100, 0], [-100, 10], [-100, 0], [100, 10]];
const mixed = [[0, 1], [2, 3]];

describe('SWAP*', () => {
  it('exchanges one job each way so that each route keeps to one side', async () => {
    const p = planeProblem(points, [{}, {}]);
    const r = await runOperator(p, mixed, OP.SWAP_STAR, 1, 3);
    expect(r.applied).toBe(true);
    // SWAP* scans every pair of the two routes: 0 ↔ 2 and 1 ↔ 3 both split east from west
    const side = (j: number) => (points[j + 1][0] > 0 ? 'east' : 'west');
    for (const route of r.routes) expect(new Set(route.map(side)).size).toBe(1);
    expect(r.delta).toBe(routesCost(p, r.routes) - routesCost(p, mixed));
    expect(r.delta).toBe(420 - 800);
    expect(r.violations).toEqual([]);
  });

  it('does nothing for two jobs of one route', async () => {
    const p = planeProblem(points, [{}, {}]);
    const r = await runOperator(p, mixed, OP.SWAP_STAR, 0, 1);
    expect(r.applied).toBe(false);
  });

  it('refuses when the jobs of route 1 may only ride with vehicle 1', async () => {
    const p = planeProblem(points, [{ skills: [1] }, {}], [{ skills: [1] }, { skills: [1] }]);
    const r = await runOperator(p, mixed, OP.SWAP_STAR, 1, 3);
    expect(r.applied).toBe(false);
    expect(r.routes).toEqual(mixed);
  });
});
