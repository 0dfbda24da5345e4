import type { Bin } from '../model/Scenario.js';
import type { ForecastResult } from '../forecast/forecastBins.js';
import { InputError } from '../errors.js';

/**
 * Which bins a day's plan collects (docs/selection.md): must-go when the risk of overflowing
 * before the next service day's pickup is at least `mustGoRisk`; may-go, an optional job whose
 * prize grows with its risk and (less) its expected fill, when the risk is at least
 * `mayGoMinRisk` or the expected fill at pickup at least `mayGoMinFill`; skip otherwise.
 */
export interface SelectionPolicy {
  /** P(overflow before the next service day's pickup) that makes a bin must-go. Default 0.2. */
  mustGoRisk: number;
  /** A bin that need not go is may-go when its overflow risk is at least this… Default 0.02. */
  mayGoMinRisk: number;
  /** …or its expected fill at pickup (%) is at least this. Default 70. */
  mayGoMinFill: number;
  /**
   * Prize of a may-go bin, in cost units (1 unit = 1 s of driving at the default rates):
   * `prizeWeight × (risk + fillWeight × fill / 100)`. Default 900: a bin sure to overflow is
   * worth a 15-minute detour.
   */
  prizeWeight: number;
  /** The fill part of the prize, relative to the risk part. Default 0.1. */
  fillWeight: number;
  /** Local hour of the day's pickups (the forecast is read there). Default 12. */
  pickupHour: number;
  /** Minutes east of UTC of the scenario's clock. Default 540 (Asia/Seoul). */
  utcOffsetMinutes: number;
  /**
   * Days of the week the service collects, 0 = Monday … 6 = Sunday. The risk is read at the
   * pickup of the next service day after the planned one. Default Monday to Saturday.
   */
  serviceDays: readonly number[];
}

/** The default policy (docs/selection.md). */
export const DEFAULT_POLICY: Readonly<SelectionPolicy> = Object.freeze({
  mustGoRisk: 0.2,
  mayGoMinRisk: 0.02,
  mayGoMinFill: 70,
  prizeWeight: 900,
  fillWeight: 0.1,
  pickupHour: 12,
  utcOffsetMinutes: 540,
  serviceDays: Object.freeze([0, 1, 2, 3, 4, 5]),
});

/** What the selection decided for one bin, and on what. */
export interface BinSelection {
  binId: string;
  decision: 'must' | 'may' | 'skip';
  /** One line: why. */
  reason: string;
  /** Expected fill at today's pickup, % of the bin's volume (the forecast's median). */
  fill: number;
  /** P(overflow before the next service day's pickup), if the bin is not collected today. */
  risk: number;
  /** Amounts at today's pickup: litres = fill × volume, kg through the scenario's density. */
  litres: number;
  kg: number;
  /** May-go only: the prize for collecting it. */
  prize?: number;
  /** How the forecast was made (`sensor`, `history`, `schedule`) and the sensor's status. */
  basis: string;
  status: string;
}

/** A local time `date` + `hour` at `offset` minutes east of UTC, as an ISO string. */
function localTime(date: string, hour: number, offset: number): string {
  const sign = offset >= 0 ? '+' : '-';
  const a = Math.abs(offset);
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  return `${date}T${pad(hour)}:${pad((hour % 1) * 60)}:00${sign}${pad(a / 60)}:${pad(a % 60)}`;
}

/** Day of the week of `date` (YYYY-MM-DD), 0 = Monday … 6 = Sunday. */
function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The first service day after `date` (YYYY-MM-DD).
 *
 * @example
 * ```ts
 * nextServiceDate('2026-11-07', [0, 1, 2, 3, 4, 5]); // '2026-11-09' (Saturday → Monday)
 * ```
 */
export function nextServiceDate(date: string, serviceDays: readonly number[]): string {
  const d = new Date(`${date}T00:00:00Z`);
  for (let k = 0; k < 7; k++) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (serviceDays.includes((d.getUTCDay() + 6) % 7)) break;
  }
  return d.toISOString().slice(0, 10);
}

/**
 * Decides for every bin whether today's plan must, may or need not collect it, from its fill
 * forecast (`forecastBins`), with the amounts at the pickup hour. Every bin of `bins` comes
 * back once, in order; a bin without a forecast is an error (forecast every bin of the
 * scenario: bins without readings get a schedule-based one).
 *
 * @example
 * ```ts
 * const forecasts = forecastBins(readReadings(csv), scenario.bins, { now: '2026-11-23T07:00:00+09:00' });
 * const chosen = selectBins(scenario.bins, forecasts, '2026-11-23', scenario.densityKgPerLitre);
 * chosen.filter((b) => b.decision === 'must').length;
 * ```
 */
export function selectBins(bins: readonly Bin[], forecasts: ForecastResult, date: string, densityKgPerLitre: number, policy: Partial<SelectionPolicy> = {}): BinSelection[] {
  const p = { ...DEFAULT_POLICY, ...policy };
  for (const [key, lo, hi] of [['mustGoRisk', 0, 1], ['mayGoMinRisk', 0, 1], ['mayGoMinFill', 0, 100], ['prizeWeight', 0, 1e9], ['fillWeight', 0, 1e3], ['pickupHour', 0, 23.99]] as const) {
    const v = p[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) throw new InputError(`policy.${key}: expected a number from ${lo} to ${hi}, got ${String(v)}`, { code: 'E6004', field: `policy.${key}` });
  }
  const days = p.serviceDays;
  if (!Array.isArray(days) || days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || new Set(days).size !== days.length) {
    throw new InputError(`policy.serviceDays: expected distinct weekdays 0 (Monday) to 6 (Sunday), got ${JSON.stringify(days)}`, { code: 'E6004', field: 'policy.serviceDays', value: days });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) {
    throw new InputError(`date: expected a calendar date YYYY-MM-DD, got ${String(date)}`, { code: 'E6002', field: 'date' });
  }
  const today = localTime(date, p.pickupHour, p.utcOffsetMinutes);
  const next = nextServiceDate(date, days);
  const nextPickup = localTime(next, p.pickupHour, p.utcOffsetMinutes);
  const nextName = weekdayOf(next) === (weekdayOf(date) + 1) % 7 ? "tomorrow's pickup" : `the next pickup (${next})`;
  return bins.map((bin, i) => {
    const f = forecasts.get(bin.id);
    if (!f) throw new InputError(`bins[${i}]: no forecast for bin ${bin.id} (forecast every bin of the scenario)`, { code: 'E6005', field: `bins[${i}]` });
    const fill = f.forecast.fillAt(today);
    const risk = f.forecast.pOverflow(nextPickup);
    const litres = Math.min(bin.capacityLitres, (fill / 100) * bin.capacityLitres);
    const kg = litres * densityKgPerLitre;
    const base = { binId: bin.id, fill, risk, litres, kg, basis: f.basis, status: f.status };
    const pct = (x: number) => `${Math.round(x * 10) / 10} %`;
    if (risk >= p.mustGoRisk) {
      return { ...base, decision: 'must', reason: `P(overflow before ${nextName}) ${pct(100 * risk)} ≥ ${pct(100 * p.mustGoRisk)}; ${pct(fill)} full at pickup` };
    }
    if (risk >= p.mayGoMinRisk || fill >= p.mayGoMinFill) {
      const prize = Math.round(p.prizeWeight * (risk + (p.fillWeight * fill) / 100));
      return { ...base, decision: 'may', prize, reason: `${pct(fill)} full at pickup, overflow risk ${pct(100 * risk)} before ${nextName}: collected if the detour costs less than ${prize}` };
    }
    return { ...base, decision: 'skip', reason: `${pct(fill)} full at pickup (below ${pct(p.mayGoMinFill)}), overflow risk ${pct(100 * risk)} before ${nextName} (below ${pct(100 * p.mayGoMinRisk)}): can wait` };
  });
}
