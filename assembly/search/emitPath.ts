// Appends a path of the current solution to the route walk's sequence, forwards or reversed:
// how the operators describe a changed route for a full check (model/feasibility.ts#seqFits).

import { Sol } from '../model/Sol';
import { seqVisit } from '../model/feasibility';

/** Appends the visits s..e (following `next`), or e..s following `prev` when `rev`. */
export function emitPath(sol: Sol, s: i32, e: i32, rev: bool): void {
  let x = rev ? e : s;
  const last = rev ? s : e;
  while (true) {
    seqVisit(x);
    if (x == last) break;
    x = rev ? unchecked(sol.prev[x]) : unchecked(sol.next[x]);
  }
}
