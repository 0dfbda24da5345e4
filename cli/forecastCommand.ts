import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from '../src/errors.js';
import { forecastBins } from '../src/forecast/forecastBins.js';
import { readReadings } from '../src/forecast/readReadings.js';
import { formatTimestamp, toMs } from '../src/forecast/timestamps.js';
import { readTextFile } from '../src/io/readFiles.js';
import { parseArgs, stringFlag, UsageError, type FlagSpec } from './args.js';
import type { CliIo } from './cliIo.js';
import { readScenarioFile } from './readScenarioFile.js';

const FLAGS: FlagSpec = { readings: 'value', scenario: 'value', collections: 'value', now: 'value', at: 'value', out: 'value', quiet: 'switch' };

/** At most this many bad rows are listed on stderr (the rest are counted). */
const SHOWN_PROBLEMS = 20;

/**
 * `binroute forecast --readings FILE [--scenario FILE] [--collections FILE] [--now TIME]
 * [--at TIME] [--out FILE] [--quiet]`: each bin's fill forecast as CSV (`bin_id, status,
 * basis, fill_now, fill_at, q10_at, q90_at, p_overflow_at, rate_per_day, note`) for the time
 * `--at` (default 24 h after `--now`, which defaults to the last reading), to `--out` or stdout.
 * Bad reading rows are listed on stderr with their line and the rest is used; a file with no
 * usable row is a one-line error (exit 2). Returns the exit code.
 *
 * @example
 * ```ts
 * await forecastCommand(['--readings', 'readings/readings.csv', '--scenario', 'fixtures/seongdong/seongdong-200.json'], nodeIo());
 * ```
 */
export async function forecastCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    io.stdout(io.usage);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`forecast: unexpected argument "${positionals[0]}"`, true);
  const file = stringFlag(flags, 'readings');
  if (file === undefined) throw new UsageError('forecast: --readings <file> is required', true);
  const scenarioFile = stringFlag(flags, 'scenario');
  const scenario = scenarioFile !== undefined ? await readScenarioFile(scenarioFile) : undefined;
  const binIds = scenario?.bins.map((b) => b.id);
  const checked = readReadings(await readTextFile(file), { file, binIds });
  const collectionsFile = stringFlag(flags, 'collections');
  const collections =
    collectionsFile !== undefined ? readReadings(await readTextFile(collectionsFile), { file: collectionsFile, binIds }).readings.map((r) => ({ binId: r.binId, time: r.t })) : undefined;
  const nowFlag = stringFlag(flags, 'now');
  const result = forecastBins(checked, scenario?.bins, { now: nowFlag, collections });
  const offset = result.utcOffsetMinutes;
  const atFlag = stringFlag(flags, 'at');
  const at = atFlag !== undefined ? toMs(atFlag, offset) : result.asOf + 24 * 3_600_000;
  if (Number.isNaN(at)) throw new UsageError(`--at: cannot read "${atFlag}" as an ISO 8601 time`);

  if (!flags.has('quiet')) {
    for (const p of result.problems.slice(0, SHOWN_PROBLEMS)) io.stderr(`binroute: skipped ${p.message}\n`);
    if (result.problems.length > SHOWN_PROBLEMS) io.stderr(`binroute: … and ${result.problems.length - SHOWN_PROBLEMS} more rows skipped\n`);
  }
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const n = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '');
  const rows = result.bins.map((b) => {
    const f = b.forecast;
    return [q(b.binId), b.status, b.basis, n(f.fillAt(result.asOf)), n(f.fillAt(at)), n(f.quantile(at, 0.1)), n(f.quantile(at, 0.9)), n(f.pOverflow(at), 3), n(b.ratePerDay, 2), q(b.note)].join(',');
  });
  const csv = `bin_id,status,basis,fill_now,fill_at,q10_at,q90_at,p_overflow_at,rate_per_day,note\n${rows.join('\n')}\n`;
  const out = stringFlag(flags, 'out');
  if (out !== undefined) {
    try {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, csv);
    } catch (e) {
      throw new InputError(`--out: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { code: 'E0007', file: out });
    }
  } else io.stdout(csv);
  if (!flags.has('quiet')) {
    const count = (s: string) => result.bins.filter((b) => b.status === s).length;
    io.stderr(
      `binroute: ${result.bins.length} bins as of ${formatTimestamp(result.asOf, offset)}, forecast for ${formatTimestamp(at, offset)}: ` +
        `${count('ok')} ok, ${count('stuck')} stuck, ${count('dead')} dead, ${count('no_readings')} without readings, ${count('no_sensor')} without sensor; ` +
        `${checked.readings.length} readings used, ${result.problems.length} skipped${out !== undefined ? ` -> ${out}` : ''}\n`,
    );
  }
  return 0;
}
