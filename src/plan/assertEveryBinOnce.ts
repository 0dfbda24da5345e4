import { InternalError } from '../errors.js';

/** Where a day plan puts its bins: on routes, skipped by the selection, or left unassigned by the solver. */
export interface BinAccounting {
  routes: readonly { stops: readonly { binId: string }[] }[];
  skipped: readonly { binId: string }[];
  unassigned: readonly { binId: string }[];
}

/**
 * The nothing-lost invariant of a day plan: every input bin comes back exactly once — in a
 * route, skipped (with the selection's reason) or unassigned (with the solver's reason) — and
 * no other bin appears. A violation is a bug of the library: an {@link InternalError} naming
 * the first bin lost, repeated or invented.
 *
 * @example
 * ```ts
 * assertEveryBinOnce(['b1', 'b2'], { routes: [{ stops: [{ binId: 'b1' }] }], skipped: [{ binId: 'b2' }], unassigned: [] }); // ok
 * ```
 */
export function assertEveryBinOnce(binIds: readonly string[], plan: BinAccounting): void {
  const count = new Map<string, number>(binIds.map((id) => [id, 0]));
  const mark = (id: string, where: string) => {
    const n = count.get(id);
    if (n === undefined) throw new InternalError(`bin ${JSON.stringify(id)} ${where} is not an input bin`);
    if (n > 0) throw new InternalError(`bin ${JSON.stringify(id)} comes back twice (again ${where})`);
    count.set(id, 1);
  };
  plan.routes.forEach((r, i) => r.stops.forEach((s) => mark(s.binId, `on route ${i}`)));
  for (const s of plan.skipped) mark(s.binId, 'among the skipped');
  for (const u of plan.unassigned) mark(u.binId, 'among the unassigned');
  for (const [id, n] of count) if (n === 0) throw new InternalError(`bin ${JSON.stringify(id)} is neither routed, skipped nor unassigned`);
}
