// The 28-day simulation (issue #15): three collection policies on one day-stepped ground truth
// each, the same seed for all, every daily plan executed (served bins emptied) and checked.
import type { FeatureCollection } from 'geojson';
import type { Scenario } from '../src/model/Scenario.js';
import type { MatrixProvider, MatrixSet } from '../src/matrix/MatrixProvider.js';
import { createMatrixProvider } from '../src/matrix/createMatrixProvider.js';
import { createDaySimulation, type DayOutcome } from '../src/simulate/daySimulation.js';
import { forecastBins } from '../src/forecast/forecastBins.js';
import { selectBins, DEFAULT_POLICY, type BinSelection, type SelectionPolicy } from '../src/select/selectBins.js';
import { planScenario } from '../src/plan/planScenario.js';
import { checkCollectionSolution } from './checkCollectionSolution.js';
import { InputError } from '../src/errors.js';

export type PolicyName = 'fixed' | 'threshold' | 'binroute';

/** Options of {@link simulatePolicies}. */
export interface SimulatePoliciesOptions {
  /** Measured days (after the warm-up). */
  days: number;
  seed: number;
  /**
   * Days run before the measured ones under the fixed schedule (bins emptied on their weekdays,
   * no routing, nothing counted), so that every policy starts from the same state with a week
   * of readings and emptyings behind it, as in a running service. Default 7.
   */
  warmupDays?: number;
  /** First day of the warm-up, `YYYY-MM-DD` (default 2026-11-02, a Monday). */
  start?: string;
  /** Per-day solve budget: a time limit in ms, or a number of iterations (deterministic). */
  timeLimitMs?: number;
  maxIterations?: number;
  /** Threshold policy: collect bins whose last reading is at least this, %. Default 70. */
  thresholdPercent?: number;
  /** Binroute policy: the selection's prize weight. Default `DEFAULT_POLICY.prizeWeight`. */
  prizeWeight?: number;
  /** Binroute policy: the other selection settings (default `DEFAULT_POLICY`). */
  policy?: Partial<SelectionPolicy>;
  map?: FeatureCollection;
  /** Travel model; default the road network of `map`, built once and reused every day. */
  matrix?: MatrixProvider;
  /** Called after every simulated day with what the plan asked to empty and what the truth did. */
  onDay?: (policy: PolicyName, day: number, planned: ReadonlySet<string>, outcome: DayOutcome, selection: readonly BinSelection[]) => void;
}

/** One policy's figures over the simulated period. */
export interface PolicyResult {
  kmPerDay: number;
  drivingHoursPerDay: number;
  pickupsPerDay: number;
  /** Mean true fill at pickup, 0–1. */
  meanFillAtPickup: number;
  /** Bin-days whose true fill exceeded the capacity. */
  overflowEvents: number;
  overflowLitres: number;
  /** Share of bin-days without overflow. */
  serviceLevel: number;
  binsNeverServed: number;
  /** Planned bins the plan left unassigned (not emptied). */
  unassigned: number;
  /** Checker violations summed over the daily plans (should be 0). */
  violations: number;
}

/**
 * A provider that asks `inner` once per set of places and profiles and returns the same
 * matrices afterwards (every day plans the same scenario).
 *
 * @example
 * ```ts
 * const provider = cachingProvider(createMatrixProvider('road', { map }));
 * ```
 */
export function cachingProvider(inner: MatrixProvider): MatrixProvider {
  const cache = new Map<string, Promise<MatrixSet>>();
  return {
    name: inner.name,
    matrices(places, profiles) {
      const key = JSON.stringify([places, profiles]);
      if (!cache.has(key)) cache.set(key, inner.matrices(places, profiles));
      return cache.get(key)!;
    },
  };
}

/**
 * The fixed schedule's weekdays (0 = Monday) for each bin: the top third by generation three
 * days (Mon/Wed/Fri or Tue/Thu/Sat, alternating), the others two (Mon/Thu, Tue/Fri, Wed/Sat in
 * turn). Deterministic.
 *
 * @example
 * ```ts
 * fixedWeekdays(scenario)[0]; // e.g. [0, 3]
 * ```
 */
export function fixedWeekdays(scenario: Scenario): number[][] {
  const sorted = scenario.bins.map((b) => b.generation.kgPerDay).sort((a, b) => b - a);
  const high = sorted[Math.floor(sorted.length / 3)] ?? Infinity;
  let three = 0;
  let two = 0;
  return scenario.bins.map((b) => (b.generation.kgPerDay > high ? (three++ % 2 === 0 ? [0, 2, 4] : [1, 3, 5]) : [[0, 3], [1, 4], [2, 5]][two++ % 3]));
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Simulates `days` days of one policy: each morning (readings up to the day's midnight) the
 * policy chooses bins, `planScenario` plans them, the checker checks the plan, and the served
 * bins are emptied at the pickup hour of the ground truth. Bins the plan leaves unassigned are
 * not emptied.
 *
 * @example
 * ```ts
 * const r = await simulatePolicy(scenario, 'binroute', { days: 28, seed: 1, map, maxIterations: 200 });
 * r.kmPerDay;
 * ```
 */
export async function simulatePolicy(scenario: Scenario, policy: PolicyName, options: SimulatePoliciesOptions): Promise<PolicyResult> {
  const { days, seed } = options;
  const warmup = options.warmupDays ?? 7;
  if (!Number.isInteger(warmup) || warmup < 0 || warmup > 60) throw new InputError(`warmupDays: expected an integer from 0 to 60, got ${String(warmup)}`, { code: 'E6004', field: 'warmupDays', value: warmup });
  const pickupHour = DEFAULT_POLICY.pickupHour;
  const sim = createDaySimulation(scenario.bins, { start: options.start ?? '2026-11-02', days: warmup + days, seed, collectionHour: pickupHour });
  const matrix = options.matrix ?? cachingProvider(createMatrixProvider('road', { map: options.map }));
  const weekdays = fixedWeekdays(scenario);
  const weekday0 = (new Date(`${sim.dateOf(0)}T00:00:00Z`).getUTCDay() + 6) % 7;
  const threshold = options.thresholdPercent ?? 70;
  const serviceDays = options.policy?.serviceDays ?? DEFAULT_POLICY.serviceDays;
  const collections: { binId: string; time: string }[] = [];
  const lastReading = new Map<string, number>();
  const served = new Set<string>();
  let metres = 0;
  let seconds = 0;
  let pickups = 0;
  let fillSum = 0;
  let events = 0;
  let overflowKg = 0;
  let unassigned = 0;
  let violations = 0;
  for (let d = 0; d < warmup + days; d++) {
    const date = sim.dateOf(d);
    const weekday = (weekday0 + d) % 7;
    const counted = d >= warmup;
    let toEmpty = new Set<string>();
    let selection: BinSelection[] = [];
    if (!counted) {
      // warm-up: the fixed schedule empties its bins, unrouted; readings and emptyings are kept, nothing is counted
      toEmpty = new Set(scenario.bins.filter((_, i) => weekdays[i].includes(weekday)).map((b) => b.id));
    } else if (policy === 'fixed' || serviceDays.includes(weekday)) {
      // (on a day without service nothing is planned or emptied; the fixed schedule has its own weekdays)
      const forecasts = forecastBins(sim.readings(), scenario.bins, { now: sim.midnightOf(d), collections, utcOffsetMinutes: DEFAULT_POLICY.utcOffsetMinutes });
      selection = selectBins(scenario.bins, forecasts, date, scenario.densityKgPerLitre, { ...options.policy, prizeWeight: options.prizeWeight ?? options.policy?.prizeWeight ?? DEFAULT_POLICY.prizeWeight });
      if (policy !== 'binroute') {
        const chosen = (i: number): boolean => {
          if (policy === 'fixed') return weekdays[i].includes(weekday);
          const id = scenario.bins[i].id;
          const level = lastReading.get(id) ?? forecasts.get(id)!.forecast.fillAt(sim.midnightOf(d));
          return level >= threshold;
        };
        selection = selection.map((s, i) => ({ ...s, prize: undefined, decision: chosen(i) ? 'must' : 'skip', reason: policy }));
      }
      if (selection.some((s) => s.decision !== 'skip')) {
        const plan = await planScenario(scenario, { date, map: options.map, matrix, selection, solve: { seed, ...(options.maxIterations ? { maxIterations: options.maxIterations } : { timeLimitMs: options.timeLimitMs ?? 2000 }) } });
        violations += checkCollectionSolution(plan.problem, plan.solution).violations.length;
        metres += plan.output.summary.distance ?? 0;
        seconds += plan.output.summary.duration;
        for (const r of plan.output.routes) for (const s of r.steps) if (s.type === 'job') toEmpty.add(scenario.bins[s.id! - 1].id);
        unassigned += selection.filter((s) => s.decision === 'must').length - selection.filter((s) => s.decision === 'must' && toEmpty.has(s.binId)).length;
      }
    }
    const out = sim.runDay(toEmpty);
    for (const c of out.collections) collections.push({ binId: c.binId, time: c.time });
    for (const r of out.readings) lastReading.set(r.binId, r.fillPercent);
    if (!counted) continue;
    for (const c of out.collections) {
      served.add(c.binId);
      fillSum += Math.min(100, c.fillPercent) / 100;
    }
    pickups += out.collections.length;
    for (const t of out.truth) {
      if (t.overflowKg > 0) {
        events++;
        overflowKg += t.overflowKg;
      }
    }
    options.onDay?.(policy, d - warmup, toEmpty, out, selection);
  }
  const binDays = scenario.bins.length * days;
  return {
    kmPerDay: round(metres / 1000 / days, 1),
    drivingHoursPerDay: round(seconds / 3600 / days),
    pickupsPerDay: round(pickups / days, 1),
    meanFillAtPickup: pickups ? round(fillSum / pickups, 3) : 0,
    overflowEvents: events,
    overflowLitres: round(overflowKg / scenario.densityKgPerLitre, 1),
    serviceLevel: round(1 - events / binDays, 4),
    binsNeverServed: scenario.bins.length - served.size,
    unassigned,
    violations,
  };
}

/** What `bench --suite simulate` writes to `summary.json`. */
export interface SimulationSummary {
  scenario: string;
  days: number;
  warmupDays: number;
  /** The seeds run; `policies` and `sweep` are their means. */
  seeds: number[];
  budget: string;
  policies: Record<PolicyName, PolicyResult>;
  /** The binroute policy at several prize weights (the trade-off curve), mean over the seeds. */
  sweep: { prizeWeight: number; kmPerDay: number; overflowEvents: number; meanFillAtPickup: number }[];
  /** Each seed's own figures. */
  perSeed: { seed: number; policies: Record<PolicyName, PolicyResult> }[];
}

/** The mean of each figure over several results (counts keep one decimal). */
function meanResult(rs: PolicyResult[]): PolicyResult {
  const out = {} as Record<keyof PolicyResult, number>;
  const digits: Partial<Record<keyof PolicyResult, number>> = { meanFillAtPickup: 3, serviceLevel: 4, drivingHoursPerDay: 2 };
  for (const k of Object.keys(rs[0]) as (keyof PolicyResult)[]) out[k] = round(rs.reduce((a, r) => a + r[k], 0) / rs.length, digits[k] ?? 1);
  return out;
}

/**
 * Runs the three policies on each seed (the same ground truth for the three), then the binroute
 * policy over `sweepWeights`; figures are means over the seeds.
 *
 * @example
 * ```ts
 * const summary = await runSimulation(scenario, { days: 28, seed: 1, seeds: 2, map, maxIterations: 100 });
 * summary.policies.binroute.kmPerDay;
 * ```
 */
export async function runSimulation(scenario: Scenario, options: SimulatePoliciesOptions & { sweepWeights?: number[]; seeds?: number }): Promise<SimulationSummary> {
  const matrix = options.matrix ?? cachingProvider(createMatrixProvider('road', { map: options.map }));
  const seeds = Array.from({ length: options.seeds ?? 1 }, (_, i) => options.seed + i);
  const base = options.prizeWeight ?? options.policy?.prizeWeight ?? DEFAULT_POLICY.prizeWeight;
  const weights = options.sweepWeights ?? [300, 900, 2700];
  const perSeed: SimulationSummary['perSeed'] = [];
  const sweepRuns = new Map<number, PolicyResult[]>(weights.map((w) => [w, []]));
  for (const seed of seeds) {
    const o = { ...options, seed, matrix, prizeWeight: base };
    const policies = {} as Record<PolicyName, PolicyResult>;
    for (const p of ['fixed', 'threshold', 'binroute'] as const) policies[p] = await simulatePolicy(scenario, p, o);
    perSeed.push({ seed, policies });
    for (const w of weights) sweepRuns.get(w)!.push(w === base ? policies.binroute : await simulatePolicy(scenario, 'binroute', { ...o, prizeWeight: w }));
  }
  const policies = {} as Record<PolicyName, PolicyResult>;
  for (const p of ['fixed', 'threshold', 'binroute'] as const) policies[p] = meanResult(perSeed.map((x) => x.policies[p]));
  const sweep = weights.map((w) => {
    const m = meanResult(sweepRuns.get(w)!);
    return { prizeWeight: w, kmPerDay: m.kmPerDay, overflowEvents: m.overflowEvents, meanFillAtPickup: m.meanFillAtPickup };
  });
  const budget = options.maxIterations ? `${options.maxIterations} iterations` : `${(options.timeLimitMs ?? 2000) / 1000} s`;
  return { scenario: scenario.name, days: options.days, warmupDays: options.warmupDays ?? 7, seeds, budget, policies, sweep, perSeed };
}

/**
 * The summary as a fixed-width table, one row per policy.
 *
 * @example
 * ```ts
 * process.stdout.write(formatSimulationTable(summary));
 * ```
 */
export function formatSimulationTable(s: SimulationSummary): string {
  const head = ['policy', 'km/day', 'drive h/day', 'pickups/day', 'fill@pickup', 'overflows', 'litres over', 'service', 'never served', 'unassigned', 'violations'];
  const rows = (Object.keys(s.policies) as PolicyName[]).map((p) => {
    const r = s.policies[p];
    return [p, r.kmPerDay, r.drivingHoursPerDay, r.pickupsPerDay, `${Math.round(r.meanFillAtPickup * 1000) / 10} %`, r.overflowEvents, r.overflowLitres, `${Math.round(r.serviceLevel * 10000) / 100} %`, r.binsNeverServed, r.unassigned, r.violations].map(String);
  });
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return `${s.scenario}, ${s.days} days after a ${s.warmupDays}-day warm-up, seed${s.seeds.length > 1 ? 's' : ''} ${s.seeds.join(', ')}${s.seeds.length > 1 ? ' (means)' : ''}, ${s.budget} a day\n${line(head)}\n${rows.map(line).join('\n')}\n`;
}

/**
 * A small self-contained SVG: km/day (x) against overflow events (y) of the binroute policy
 * over the prize-weight sweep, with the fixed and threshold policies as reference points.
 *
 * @example
 * ```ts
 * writeFileSync('tradeoff.svg', tradeoffSvg(summary));
 * ```
 */
export function tradeoffSvg(s: SimulationSummary): string {
  const pts = [...s.sweep.map((p) => ({ x: p.kmPerDay, y: p.overflowEvents, label: `w=${p.prizeWeight}`, ref: false })), ...(['fixed', 'threshold'] as const).map((p) => ({ x: s.policies[p].kmPerDay, y: s.policies[p].overflowEvents, label: p, ref: true }))];
  const [W, H, M] = [480, 320, 50];
  const maxX = Math.max(1, ...pts.map((p) => p.x)) * 1.1;
  const maxY = Math.max(1, ...pts.map((p) => p.y)) * 1.1;
  const X = (x: number) => M + (x / maxX) * (W - 2 * M);
  const Y = (y: number) => H - M - (y / maxY) * (H - 2 * M);
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const curve = s.sweep.map((p) => `${X(p.kmPerDay).toFixed(1)},${Y(p.overflowEvents).toFixed(1)}`).join(' ');
  // labels alternate above and below their point, so that close points stay readable
  const marks = pts.map((p, i) => `<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="4" fill="${p.ref ? '#c33' : '#36c'}"/><text x="${(X(p.x) + 6).toFixed(1)}" y="${(Y(p.y) + (i % 2 === 0 ? -6 : 14)).toFixed(1)}" font-size="11">${esc(p.label)}</text>`).join('');
  const ticks = [0.25, 0.5, 0.75, 1]
    .map((f) => `<text x="${X(f * maxX).toFixed(1)}" y="${H - M + 14}" text-anchor="middle" font-size="10">${(f * maxX).toFixed(0)}</text><text x="${M - 4}" y="${(Y(f * maxY) + 3).toFixed(1)}" text-anchor="end" font-size="10">${(f * maxY).toFixed(0)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif"><rect width="${W}" height="${H}" fill="white"/><line x1="${M}" y1="${H - M}" x2="${W - M}" y2="${H - M}" stroke="black"/><line x1="${M}" y1="${M}" x2="${M}" y2="${H - M}" stroke="black"/><text x="${W / 2}" y="${H - 12}" text-anchor="middle" font-size="12">km/day (0 – ${maxX.toFixed(0)})</text><text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle" font-size="12">overflow events (0 – ${maxY.toFixed(0)})</text><text x="${W / 2}" y="20" text-anchor="middle" font-size="13">${esc(`${s.scenario}: binroute prize-weight sweep, ${s.days} days`)}</text><polyline points="${curve}" fill="none" stroke="#36c"/>${marks}${ticks}</svg>\n`;
}
