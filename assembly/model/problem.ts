// Problem data shared by every module of the core: flat arrays written by the host.
//
// Layout (see docs/architecture.md):
//   dist   i32[N*N]  row-major travel cost, node 0 = depot
//   demand i32[N]    demand per node (demand[0] = 0)
//   neigh  i32[N*KN] for each node, the other customers sorted by closeness (granular lists)

export let N: i32 = 0;
export let CAP: i32 = 0;
export let KN: i32 = 0;
export let dist: StaticArray<i32> = new StaticArray<i32>(0);
export let demand: StaticArray<i32> = new StaticArray<i32>(0);
export let neigh: StaticArray<i32> = new StaticArray<i32>(0);

/** Allocates the problem arrays for `n` nodes (depot included). */
export function allocProblem(n: i32): void {
  N = n;
  dist = new StaticArray<i32>(n * n);
  demand = new StaticArray<i32>(n);
}

export function setCapacity(c: i32): void {
  CAP = c;
}

/** Travel cost between nodes a and b. */
// @ts-ignore: decorator
@inline export function d(a: i32, b: i32): i64 {
  return <i64>unchecked(dist[a * N + b]);
}

/** Builds the granular neighbour lists: the KN nearest other customers of every node. */
export function buildNeighbours(maxK: i32): void {
  const n = N;
  KN = min(maxK, n - 2);
  if (KN < 0) KN = 0;
  neigh = new StaticArray<i32>(n * max(KN, 1));
  if (KN == 0) return;
  const keys = new StaticArray<i64>(n);
  for (let i = 1; i < n; i++) {
    // partial selection of the KN smallest keys by insertion into a sorted prefix
    let cnt = 0;
    for (let j = 1; j < n; j++) {
      if (j == i) continue;
      // symmetrised closeness; index as tie-break keeps the order deterministic
      const key: i64 = ((<i64>unchecked(dist[i * n + j]) + <i64>unchecked(dist[j * n + i])) << 20) | <i64>j;
      if (cnt == KN && key >= unchecked(keys[KN - 1])) continue;
      let p = cnt < KN ? cnt : KN - 1;
      while (p > 0 && unchecked(keys[p - 1]) > key) {
        unchecked((keys[p] = keys[p - 1]));
        p--;
      }
      unchecked((keys[p] = key));
      if (cnt < KN) cnt++;
    }
    for (let k = 0; k < KN; k++) unchecked((neigh[i * KN + k] = <i32>(keys[k] & 0xfffff)));
  }
}
