// binroute core: the WebAssembly exports used by the TypeScript host (src/core/).
//
// Protocol (raw bindings, stub runtime, one instance per solve):
//   1. alloc(n)                      allocate problem arrays for n nodes (0 = depot)
//   2. write distances / demands at distPtr() / demandPtr() (Int32, row-major n×n / n)
//   3. setCapacity(Q), optional setParam(id, value)
//   4. init(seed)                    neighbour lists, savings, local search
//   5. run(iters, base, scale) repeatedly; iteration i sits at budget fraction (base+i)·scale
//   6. bestCost(), writeBest() → pointer to Int32 [nRoutes, len, nodes…, len, nodes…]

import { allocProblem, setCapacity as setCap, buildNeighbours, N, dist, demand } from './model/problem';
import { Sol } from './model/Sol';
import { rngSeed } from './common/rng';
import { savings } from './construct/savings';
import { lsAlloc, pushNode } from './search/lsState';
import { swapStarAlloc } from './search/swapStar';
import { localSearch, setLsGranularity } from './search/localSearch';
import { ruinAlloc, recreateAlloc, setRuinSize } from './meta/index';
import { annealInit, annealRun, best, countRoutes, setLocalSearch, setTemperatures, T0_FACTOR, TF_FACTOR } from './meta/anneal';

let out: StaticArray<i32> = new StaticArray<i32>(0);
let neighbourCount: i32 = 100;
let avgRemoved: f64 = 10;
let maxString: f64 = 10;

export function alloc(n: i32): void {
  allocProblem(n);
}

export function distPtr(): usize {
  return changetype<usize>(dist);
}

export function demandPtr(): usize {
  return changetype<usize>(demand);
}

export function setCapacity(q: i32): void {
  setCap(q);
}

/**
 * Tuning knobs (defaults in brackets): 1 local search on/off [1], 2 LS granularity [30],
 * 3 neighbour list length [100], 4 T0 factor [0.3], 5 Tf factor [0.003],
 * 6 average removed customers [10], 7 max string length [10].
 */
export function setParam(id: i32, value: f64): void {
  if (id == 1) setLocalSearch(value != 0);
  else if (id == 2) setLsGranularity(<i32>value);
  else if (id == 3) neighbourCount = <i32>value;
  else if (id == 4) setTemperatures(value, TF_FACTOR);
  else if (id == 5) setTemperatures(T0_FACTOR, value);
  else if (id == 6) avgRemoved = value;
  else if (id == 7) maxString = value;
}

export function init(seed: u32): void {
  rngSeed(seed);
  const n = N;
  buildNeighbours(min(neighbourCount, 255));
  lsAlloc(n);
  swapStarAlloc(n);
  ruinAlloc(n);
  recreateAlloc(n);
  setRuinSize(avgRemoved, maxString);
  const start = new Sol(n);
  if (n > 1) {
    savings(start);
    for (let u = 1; u < n; u++) pushNode(u);
    localSearch(start);
  }
  annealInit(start);
}

/** Runs `iters` iterations at budget fractions (base + i)·scale (see annealRun). */
export function run(iters: i32, base: f64, scale: f64): i32 {
  if (N <= 2) return iters; // nothing to optimise with one customer
  return annealRun(iters, base, scale);
}

export function bestCost(): f64 {
  return <f64>best.cost;
}

/** Writes the best solution as [nRoutes, len, nodes…, …]; returns its pointer. */
export function writeBest(): usize {
  const sol = best;
  const routes = countRoutes(sol);
  out = new StaticArray<i32>(1 + routes + N);
  let k = 0;
  unchecked((out[k++] = routes));
  for (let r = 0; r < sol.nR; r++) {
    const size = unchecked(sol.rSize[r]);
    if (size == 0) continue;
    unchecked((out[k++] = size));
    let v = unchecked(sol.next[N + 2 * r]);
    for (let i = 0; i < size; i++) {
      unchecked((out[k++] = v));
      v = unchecked(sol.next[v]);
    }
  }
  return changetype<usize>(out);
}

export function outputLength(): i32 {
  return out.length;
}
