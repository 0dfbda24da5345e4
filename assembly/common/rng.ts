// Seeded PRNG: xorshift128 (Marsaglia 2003). The only source of randomness in the core.

let s0: u32 = 1;
let s1: u32 = 2;
let s2: u32 = 3;
let s3: u32 = 4;

/** Seeds the generator; the same seed always gives the same stream. */
export function rngSeed(seed: u32): void {
  // splitmix32-style scrambling so that nearby seeds give unrelated streams
  let z: u32 = seed + 0x9e3779b9;
  for (let i = 0; i < 4; i++) {
    z += 0x9e3779b9;
    let x = z;
    x = (x ^ (x >> 16)) * 0x85ebca6b;
    x = (x ^ (x >> 13)) * 0xc2b2ae35;
    x = x ^ (x >> 16);
    if (x == 0) x = 0x6d2b79f5;
    if (i == 0) s0 = x;
    else if (i == 1) s1 = x;
    else if (i == 2) s2 = x;
    else s3 = x;
  }
}

/** Next raw 32-bit value. */
// @ts-ignore: decorator
@inline export function rngNext(): u32 {
  let t = s3;
  const s = s0;
  s3 = s2;
  s2 = s1;
  s1 = s;
  t ^= t << 11;
  t ^= t >> 8;
  s0 = t ^ s ^ (s >> 19);
  return s0;
}

/** Uniform integer in [0, bound), bound > 0. */
// @ts-ignore: decorator
@inline export function rngInt(bound: i32): i32 {
  return <i32>((<u64>rngNext() * <u64>bound) >> 32);
}

/** Uniform float in [0, 1). */
// @ts-ignore: decorator
@inline export function rngFloat(): f64 {
  return <f64>(rngNext() >> 5) * (1.0 / 134217728.0);
}
