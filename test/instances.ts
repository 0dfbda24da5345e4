/**
 * Deterministic test instances: a tiny LCG, random CVRP generators and a minimal reader
 * for EUC_2D CVRPLIB files. Test code only; independent of the solver and of src/io.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CvrpProblem } from '../src/types.js';

/**
 * A 32-bit linear congruential generator (Numerical Recipes constants) returning floats in
 * [0, 1). Fully deterministic and platform independent.
 *
 * @example
 * ```ts
 * const rand = lcg(7);
 * const x = Math.floor(rand() * 100); // 0..99
 * ```
 */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A random integer in [lo, hi] drawn from `rand`.
 *
 * @example
 * ```ts
 * const k = randInt(lcg(1), 1, 6); // a die roll
 * ```
 */
export function randInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/**
 * A random Euclidean CVRP: `customers` customers and the depot on an integer grid of the
 * given size, demands in [1, maxDemand].
 *
 * @example
 * ```ts
 * const p = randomEuclideanProblem(lcg(7), { customers: 30, capacity: 50, maxDemand: 15 });
 * p.demands.length; // 31
 * ```
 */
export function randomEuclideanProblem(
  rand: () => number,
  o: { customers: number; capacity: number; maxDemand: number; grid?: number; name?: string },
): CvrpProblem {
  const grid = o.grid ?? 100;
  const coordinates: number[] = [];
  const demands: number[] = [0];
  for (let i = 0; i <= o.customers; i++) coordinates.push(randInt(rand, 0, grid), randInt(rand, 0, grid));
  for (let i = 1; i <= o.customers; i++) demands.push(randInt(rand, 1, o.maxDemand));
  return { name: o.name, capacity: o.capacity, demands, coordinates };
}

/**
 * A random asymmetric CVRP given by its matrix: arc costs in [0, maxArc] drawn independently
 * (no triangle inequality), zero diagonal.
 *
 * @example
 * ```ts
 * const p = randomMatrixProblem(lcg(3), { customers: 6, capacity: 10, maxDemand: 5, maxArc: 50 });
 * p.distances!.length; // 49
 * ```
 */
export function randomMatrixProblem(
  rand: () => number,
  o: { customers: number; capacity: number; maxDemand: number; maxArc: number; name?: string },
): CvrpProblem {
  const n = o.customers + 1;
  const distances: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) distances.push(i === j ? 0 : randInt(rand, 0, o.maxArc));
  const demands: number[] = [0];
  for (let i = 1; i < n; i++) demands.push(randInt(rand, 1, o.maxDemand));
  return { name: o.name, capacity: o.capacity, demands, distances };
}

/**
 * Reads a CVRPLIB `.vrp` file with `EDGE_WEIGHT_TYPE : EUC_2D` and a single depot at node
 * 1 into a {@link CvrpProblem} with coordinates (nint distances). Just enough for the
 * A-set instances used in the tests; anything else throws.
 *
 * @example
 * ```ts
 * const p = parseEuc2dVrp(readFileSync('A-n32-k5.vrp', 'utf8'));
 * p.capacity; // 100
 * ```
 */
export function parseEuc2dVrp(text: string): CvrpProblem {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  let name = '';
  let dimension = 0;
  let capacity = 0;
  let section = '';
  let coordinates: number[] = [];
  let demands: number[] = [];
  for (const line of lines) {
    if (line === '' || line === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      const [, key, value] = kv;
      if (key === 'NAME') name = value.trim();
      else if (key === 'DIMENSION') {
        dimension = Number(value);
        coordinates = new Array<number>(2 * dimension).fill(NaN);
        demands = new Array<number>(dimension).fill(NaN);
      } else if (key === 'CAPACITY') capacity = Number(value);
      else if (key === 'EDGE_WEIGHT_TYPE' && value.trim() !== 'EUC_2D') throw new Error(`unsupported ${value}`);
      continue;
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line;
      continue;
    }
    const t = line.split(/\s+/).map(Number);
    if (section === 'NODE_COORD_SECTION') {
      coordinates[2 * (t[0] - 1)] = t[1];
      coordinates[2 * (t[0] - 1) + 1] = t[2];
    } else if (section === 'DEMAND_SECTION') demands[t[0] - 1] = t[1];
    else if (section === 'DEPOT_SECTION' && t[0] !== -1 && t[0] !== 1) throw new Error('depot must be node 1');
  }
  return { name, capacity, demands, coordinates };
}

/**
 * Reads the routes and cost of a CVRPLIB `.sol` file (`Route #k: a b c` lines, `Cost x`).
 *
 * @example
 * ```ts
 * parseSolRoutes('Route #1: 1 2\nCost 10\n'); // { routes: [[1, 2]], cost: 10 }
 * ```
 */
export function parseSolRoutes(text: string): { routes: number[][]; cost: number } {
  const routes: number[][] = [];
  let cost = NaN;
  for (const line of text.split(/\r?\n/)) {
    const r = /^Route\s*#\d+\s*:(.*)$/.exec(line.trim());
    if (r) routes.push(r[1].trim().split(/\s+/).filter(Boolean).map(Number));
    const c = /^Cost\s+(\S+)/.exec(line.trim());
    if (c) cost = Number(c[1]);
  }
  return { routes, cost };
}

/** Directory of the shared CVRPLIB A set, next to the repository (may be absent). */
const SHARED_A = fileURLToPath(new URL('../../shared/benchmarks/cvrplib/A/', import.meta.url));

/**
 * Path of a file of the shared CVRPLIB A set, or `undefined` when `../shared` is absent.
 *
 * @example
 * ```ts
 * const vrp = sharedAFile('A-n32-k5.vrp'); // string | undefined
 * ```
 */
export function sharedAFile(file: string): string | undefined {
  const p = SHARED_A + file;
  return existsSync(p) ? p : undefined;
}

/**
 * Reads a file of the shared CVRPLIB A set as text (the caller checked it exists).
 *
 * @example
 * ```ts
 * const text = readSharedA('A-n32-k5.sol');
 * ```
 */
export function readSharedA(file: string): string {
  return readFileSync(SHARED_A + file, 'utf8');
}

/** A Solomon VRPTW file with two customers and two vehicles of capacity 11. */
export const SOLOMON_TINY = `TINY

VEHICLE
NUMBER     CAPACITY
  2         11

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        100          0
    1      3          4          6          0         10          1
    2      6          8          5          0         20          1
`;
