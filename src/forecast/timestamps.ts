/** A parsed timestamp: the instant, and the UTC offset it was written with (if any). */
export interface ParsedTime {
  /** Milliseconds since 1970-01-01T00:00Z. */
  ms: number;
  /** The written offset in minutes east of UTC (`+09:00` → 540), or `undefined` for a naive local time. */
  offsetMinutes?: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Reads an ISO 8601 date-time (`2026-11-02T09:17:00+09:00`, `2016-08-09T15:46:34`,
 * `2026-11-02 09:17Z`, `2026-11-02`). A time without an offset is a naive local time: it is
 * placed at `naiveOffsetMinutes` (default 0, i.e. read as UTC), never at the machine's time
 * zone, so results do not depend on where they run. Returns `undefined` for anything else,
 * including impossible calendar dates.
 *
 * @example
 * ```ts
 * parseTimestamp('2026-11-02T09:17:00+09:00'); // { ms: Date.UTC(2026, 10, 2, 0, 17), offsetMinutes: 540 }
 * parseTimestamp('2026-02-30T00:00:00');       // undefined
 * ```
 */
export function parseTimestamp(s: string, naiveOffsetMinutes = 0): ParsedTime | undefined {
  const m = ISO_RE.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, se) + frac;
  if (new Date(local).getUTCDate() !== d) return undefined; // 2026-02-30 and the like
  let offset: number | undefined;
  if (m[8] === 'Z') offset = 0;
  else if (m[8]) {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[8])!;
    const oh = Number(z[2]);
    const om = Number(z[3] ?? 0);
    if (oh > 18 || om > 59) return undefined;
    offset = (z[1] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = local - (offset ?? naiveOffsetMinutes) * 60_000;
  return offset === undefined ? { ms } : { ms, offsetMinutes: offset };
}

/**
 * A time given as ISO 8601 text, a `Date` or milliseconds since the epoch, as milliseconds;
 * `NaN` when it cannot be read.
 *
 * @example
 * ```ts
 * toMs('2026-11-02T09:00:00+09:00') === toMs(new Date('2026-11-02T00:00:00Z')); // true
 * ```
 */
export function toMs(t: string | number | Date, naiveOffsetMinutes = 0): number {
  if (typeof t === 'number') return Number.isFinite(t) ? t : Number.NaN;
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'string') return parseTimestamp(t, naiveOffsetMinutes)?.ms ?? Number.NaN;
  return Number.NaN;
}

const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;

/**
 * The hour of the week (0 = Monday 00:00–01:00 … 167 = Sunday 23:00–24:00) of an instant, on
 * the local clock `offsetMinutes` east of UTC.
 *
 * @example
 * ```ts
 * hourOfWeek(Date.UTC(2026, 10, 2, 0, 30), 540); // 9: Monday 09:30 in Seoul
 * ```
 */
export function hourOfWeek(ms: number, offsetMinutes: number): number {
  const localHours = Math.floor((ms + offsetMinutes * 60_000) / HOUR_MS);
  // 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of its week
  return (((localHours + 72) % WEEK_HOURS) + WEEK_HOURS) % WEEK_HOURS;
}

/**
 * An instant as ISO 8601 text on the local clock `offsetMinutes` east of UTC, with that
 * offset (`2026-11-02T09:17:00+09:00`), to the second.
 *
 * @example
 * ```ts
 * formatTimestamp(Date.UTC(2026, 10, 2, 0, 17), 540); // '2026-11-02T09:17:00+09:00'
 * ```
 */
export function formatTimestamp(ms: number, offsetMinutes: number): string {
  const d = new Date(Math.round(ms / 1000) * 1000 + offsetMinutes * 60_000);
  const off = offsetMinutes === 0 ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`;
  return `${d.toISOString().slice(0, 19)}${off}`;
}
