import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readScenarioFile } from './readScenarioFile.js';
import { simulateReadings } from '../src/sensors/simulateReadings.js';
import { simulationFiles } from '../src/sensors/simulationFiles.js';
import { intFlag, parseArgs, stringFlag, UsageError, type FlagSpec } from './args.js';
import type { CliIo } from './cliIo.js';

const FLAGS: FlagSpec = { scenario: 'value', start: 'value', days: 'value', seed: 'value', out: 'value', format: 'value', quiet: 'switch' };

/**
 * `binroute simulate --scenario FILE --start YYYY-MM-DD [--days N] [--seed N] [--out DIR]
 * [--format csv|json|both] [--quiet]`: hourly sensor readings of the scenario's bins over N days
 * (default 28), written to DIR (default `readings/`): `readings.csv`, `collections.csv`,
 * `faults.csv`, `truth.csv` and/or `simulation.json`. Returns the exit code.
 *
 * @example
 * ```ts
 * await simulateCommand(['--scenario', 'fixtures/seongdong/seongdong-200.json', '--start', '2026-11-02', '--out', 'out'], nodeIo());
 * ```
 */
export async function simulateCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(argv, FLAGS);
  if (positionals.length > 0) throw new UsageError(`simulate: unexpected argument "${positionals[0]}"`, true);
  const file = stringFlag(flags, 'scenario');
  if (file === undefined) throw new UsageError('simulate: --scenario <file> is required', true);
  const start = stringFlag(flags, 'start');
  if (start === undefined) throw new UsageError('simulate: --start YYYY-MM-DD is required', true);
  const format = stringFlag(flags, 'format') ?? 'csv';
  if (!['csv', 'json', 'both'].includes(format)) throw new UsageError(`--format: expected csv, json or both, got "${format}"`);
  const days = intFlag(flags, 'days', 1, 366) ?? 28;
  const seed = intFlag(flags, 'seed', 0, 2 ** 32 - 1) ?? 1;
  const outDir = stringFlag(flags, 'out') ?? 'readings';

  const scenario = await readScenarioFile(file);
  const sim = simulateReadings(scenario.bins, { start, days, seed });
  await mkdir(outDir, { recursive: true });
  const files = simulationFiles(sim);
  const wanted = Object.keys(files).filter((name) => (name.endsWith('.json') ? format !== 'csv' : format !== 'json'));
  for (const name of wanted) await writeFile(join(outDir, name), files[name]);
  if (!flags.has('quiet')) {
    const sensors = scenario.bins.filter((b) => b.sensor).length;
    io.stdout(
      `${scenario.name}: ${scenario.bins.length} bins (${sensors} with sensors), ${days} days from ${start}, seed ${seed}: ` +
        `${sim.readings.length} readings, ${sim.collections.length} collections, ${sim.faults.length} sensor faults -> ${wanted.map((n) => join(outDir, n)).join(', ')}\n`,
    );
  }
  return 0;
}
