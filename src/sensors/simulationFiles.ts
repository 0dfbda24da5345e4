import type { Simulation } from './simulateReadings.js';

/**
 * The files of a simulation, as text: `readings.csv` (`bin_id,timestamp,fill_percent`, one row
 * per reading received; lost readings have no row), `collections.csv`
 * (`bin_id,timestamp,fill_percent`), `faults.csv` (`bin_id,kind,from`) and `truth.csv`
 * (`bin_id,date,fill_percent,overflow_kg`), plus `simulation.json` with all four lists. The
 * forecasting step reads `readings.csv` (or the JSON's `readings`); the rest is for evaluation.
 *
 * @example
 * ```ts
 * for (const [name, text] of Object.entries(simulationFiles(sim))) writeFileSync(join(dir, name), text);
 * ```
 */
export function simulationFiles(sim: Simulation): Record<string, string> {
  const csv = (head: string, rows: (string | number)[][]) => `${head}\n${rows.map((r) => r.join(',')).join('\n')}${rows.length ? '\n' : ''}`;
  return {
    'readings.csv': csv('bin_id,timestamp,fill_percent', sim.readings.map((r) => [r.binId, r.time, r.fillPercent])),
    'collections.csv': csv('bin_id,timestamp,fill_percent', sim.collections.map((c) => [c.binId, c.time, c.fillPercent])),
    'faults.csv': csv('bin_id,kind,from', sim.faults.map((f) => [f.binId, f.kind, f.from])),
    'truth.csv': csv('bin_id,date,fill_percent,overflow_kg', sim.truth.map((t) => [t.binId, t.date, t.fillPercent, t.overflowKg])),
    'simulation.json': `${JSON.stringify({ format: 'binroute-readings/1', ...sim })}\n`,
  };
}
