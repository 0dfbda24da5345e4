import { detCos, detLog } from './detMath.js';

/**
 * A seeded PRNG for the TypeScript side (mulberry32: 32-bit state, well distributed for
 * simulation, identical in Node and browsers). With the core's xorshift128 it is the only
 * source of randomness in binroute.
 *
 * @example
 * ```ts
 * const rand = seededRandom(7);
 * rand(); // a number in [0, 1), the same for seed 7 on every platform
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A standard normal draw from a uniform source (Box–Muller).
 *
 * @example
 * ```ts
 * const z = normalDraw(seededRandom(1)); // mean 0, standard deviation 1
 * ```
 */
export function normalDraw(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * detLog(u)) * detCos(2 * Math.PI * v);
}
