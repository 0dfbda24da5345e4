import { access, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { solve } from '../src/solve.js';
import type { Progress, SolveOptions, StopReason } from '../src/types.js';
import { InputError } from '../src/errors.js';
import { writeSol } from '../src/io/sol.js';
import { readTextFile } from '../src/io/readFiles.js';
import { loadInstance, type LoadedInstance } from '../src/io/formats.js';
import type { RoutingSolution } from '../src/model/RoutingProblem.js';
import type { VrpInstance } from '../src/io/parseVrp.js';
import { solveRouting } from '../src/solveRouting.js';
import { toVroom } from '../src/vroom/toVroom.js';
import { collectionChecker } from '../bench/collectionBench.js';
import { verifySolution } from '../bench/verifySolution.js';
import { intFlag, parseArgs, secondsFlag, stringFlag, UsageError, type FlagSpec, type ShortFlags } from './args.js';
import type { CliIo } from './cliIo.js';
import { withProgress } from './withProgress.js';
import { checkCollectionSolution } from '../bench/checkCollectionSolution.js';


/** Fails early (before a long solve) when `path` cannot be written. */
async function checkWritable(path: string): Promise<void> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('--output: is a directory', { code: 'E0007', file: path, field: 'output' });
  } catch (e) {
    if (e instanceof InputError) throw e;
    // does not exist yet: its folder must
  }
  const dir = dirname(resolve(path));
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new InputError(`--output: ${dir} is not a directory`, { code: 'E0007', file: path, field: 'output' });
    await access(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`--output: cannot write there (${code === 'ENOENT' ? `no folder ${dir}` : code})`, { code: 'E0007', file: path, field: 'output' });
  }
}

/** `solve`'s flags: binroute's own, plus VROOM's `--input`, `--threads`, `--explore` and `--geometry`. */
const SOLVE_FLAGS: FlagSpec = {
  'time-limit': 'value',
  iterations: 'value',
  seed: 'value',
  output: 'value',
  quiet: 'switch',
  input: 'value',
  threads: 'value',
  explore: 'value',
  geometry: 'switch',
};

/** VROOM's one-letter flags, so that `vroom -i f.json -o out.json -l 5` users can switch. */
const VROOM_LETTERS: ShortFlags = { i: 'input', o: 'output', l: 'time-limit', t: 'threads', x: 'explore', g: 'geometry' };

/**
 * VROOM's exploration level `-x 0..5` → the time limit in seconds used when neither
 * `--time-limit` nor `--iterations` is given (level 5 = binroute's largest default budget, 10 s).
 */
export const EXPLORE_TIME_LIMIT_S: readonly number[] = [1, 2, 3, 5, 7, 10];

/** How stdin is named in messages and in the summary line. */
const STDIN = '<stdin>';

/**
 * The seed and the budgets of `solve` from its parsed flags (see docs/cli.md): `--seed`
 * (default 1), `--iterations`, `--time-limit`/`-l`; with neither budget, the time limit of
 * `-x`'s level ({@link EXPLORE_TIME_LIMIT_S}), or else the library's default scaled to the
 * problem (`min(10 s, 1 s + 20 ms · jobs)`, with early stop). `-t` is validated and ignored.
 *
 * @example
 * ```ts
 * solveOptions(new Map([['explore', '0']])); // { seed: 1, timeLimitMs: 1000 }
 * ```
 */
export function solveOptions(flags: Map<string, string | true>): SolveOptions {
  const timeLimitS = secondsFlag(flags, 'time-limit');
  const iterations = intFlag(flags, 'iterations', 0, 2 ** 31 - 1);
  const options: SolveOptions = { seed: intFlag(flags, 'seed', 0, 2 ** 32 - 1) ?? 1 };
  // -t: validated for VROOM users, then ignored: a solve runs on one thread
  intFlag(flags, 'threads', 1, 2 ** 31 - 1);
  const explore = intFlag(flags, 'explore', 0, EXPLORE_TIME_LIMIT_S.length - 1);
  if (iterations !== undefined) options.maxIterations = iterations;
  if (timeLimitS !== undefined) options.timeLimitMs = timeLimitS * 1000;
  else if (iterations === undefined && explore !== undefined) options.timeLimitMs = EXPLORE_TIME_LIMIT_S[explore] * 1000;
  // neither: the library's default, scaled to the problem (defaultTimeLimitMs), with early stop
  return options;
}

/** The input to read: the positional file, `-i`/`--input`, or {@link STDIN} (`-`, or no file with piped stdin). */
function inputName(positionals: string[], flags: Map<string, string | true>, io: CliIo): string {
  const input = stringFlag(flags, 'input');
  if (positionals.length > 1) throw new UsageError(`solve: expected one instance file, got ${positionals.length}`, true);
  if (input !== undefined && positionals.length > 0) {
    throw new UsageError(`solve: give the instance as <file> or with -i/--input, not both`, true);
  }
  const name = input ?? positionals[0];
  if (name === undefined) {
    if (io.stdinIsPiped()) return STDIN;
    throw new UsageError('solve: missing <instance file> (or - for stdin)', true);
  }
  return name === '-' ? STDIN : name;
}

async function readInput(name: string, io: CliIo): Promise<string> {
  if (name !== STDIN) return readTextFile(name);
  const text = await io.readStdin();
  if (text.trim() === '') throw new InputError('empty input', { code: 'E0008', file: STDIN });
  return text;
}

/** The end of the summary line, shared by both output kinds. */
function runStats(s: { elapsedMs: number; iterations: number; stopReason: StopReason }): string {
  return `seconds=${(s.elapsedMs / 1000).toFixed(2)} iterations=${s.iterations} stop=${s.stopReason}\n`;
}

/** Solves a collection-model input (VROOM JSON, Solomon, MTVRPTWR, Kim) and writes VROOM-style JSON. */
async function solveCollection(
  file: string,
  text: string,
  loaded: Exclude<LoadedInstance, { format: 'cvrp' }>,
  options: SolveOptions,
  output: string | undefined,
  quiet: boolean,
  io: CliIo,
): Promise<number> {
  const { format, problem } = loaded;
  // Every solution is re-checked by code independent of the solver (in the bench): Solomon,
  // MTVRPTWR and Kim by their own verifiers, VROOM input by the collection-model checker.
  const check = loaded.format === 'vroom' ? undefined : collectionChecker(loaded, text);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.(json|txt|vrp)$/i, '');
  const solution: RoutingSolution = await withProgress(name, options, quiet, io, () => solveRouting(problem, options));

  // No timing in the file, so that --iterations with --seed gives byte-identical output.
  const full = toVroom(problem, solution);
  const { computing_times: _timing, ...summary } = full.summary;
  void _timing;
  const out = { ...full, summary };
  const json = `${JSON.stringify(out)}\n`;
  const problems: string[] = checkCollectionSolution(problem, solution).violations;
  let extra = '';
  if (check) {
    const c = check(solution);
    if (!c.feasible) problems.push(...(c.errors ?? []));
    const m = c.metrics;
    if (format === 'solomon') extra = ` distance=${m.distance.toFixed(2)}`;
    else if (format === 'mtvrptwr') extra = ` distance=${(m.cost / 10).toFixed(1)} reloads=${m.reloads}`;
    else extra = ` miles=${m.miles.toFixed(1)} disposal_trips=${m.disposalTrips}`;
  }
  const summaryLine =
    `${name}: format=${format} jobs=${problem.jobs.length} routes=${out.summary.routes} unassigned=${out.summary.unassigned} ` +
    `cost=${out.summary.cost}${extra} ${runStats(solution)}`;
  await emit(io, output, json, quiet ? undefined : summaryLine);
  // The solution is written either way; a failed check is a bug in the solver: exit 1. A
  // benchmark instance whose only failure is customers left unassigned (each with the solver's
  // reason) is not solved either, but that is no proof of a bug: the fleet may be too small.
  if (problems.length > 0) {
    const unserved = /^\d+ job\(s\) unassigned$| is not visited$/;
    if (solution.unassigned.length > 0 && problems.every((p) => unserved.test(p))) {
      const why = new Map<string, number>();
      for (const r of solution.reasons) why.set(r.reason, (why.get(r.reason) ?? 0) + 1);
      const reasons = [...why].map(([r, n]) => `${r} ×${n}`).join(', ');
      io.stderr(
        `binroute: ${file}: ${solution.unassigned.length} customer(s) not served (${reasons}); the ${format} format asks for every customer to be served, so the instance is not solved: the fleet may be too small or the budget too short\n`,
      );
      return 1;
    }
    io.stderr(`binroute: the solution of ${file} is not feasible (a bug in the solver): ${[...new Set(problems)].slice(0, 5).join('; ')}\n`);
    return 1;
  }
  return 0;
}

/** Solves a CVRPLIB instance, verifies the solution independently and writes it as a `.sol`. */
async function solveCvrp(file: string, inst: VrpInstance, options: SolveOptions, output: string | undefined, quiet: boolean, io: CliIo): Promise<number> {
  const solution = await withProgress(inst.name, options, quiet, io, () => solve(inst, options));
  const check = verifySolution(inst, solution.routes, solution.cost);
  if (!check.ok) {
    throw new Error(`solve() returned an invalid solution for ${file}: ${check.errors.join('; ')}`);
  }
  const summary = `${inst.name}: n=${inst.dimension} routes=${solution.routes.length} cost=${solution.cost} ${runStats(solution)}`;
  await emit(io, output, writeSol(solution), quiet ? undefined : summary);
  return 0;
}

/**
 * `binroute solve [<file> | -i <file> | -] [--time-limit s | -l s] [--iterations n] [--seed n]
 * [--output f | -o f] [-t threads] [-x level] [--quiet]`: CVRPLIB `.vrp` → `.sol`; VROOM JSON,
 * Solomon, MTVRPTWR and Kim → VROOM-style JSON (see `detectFormat`). `-` or no file with piped
 * stdin reads the problem from stdin. Returns the exit code.
 *
 * @example
 * ```ts
 * const code = await solveCommand(['fixtures/tiny-8.vrp', '--iterations', '200', '--seed', '3'], nodeIo());
 * await solveCommand(['-i', 'fixtures/vroom/seongsu-cafes.json', '-l', '2', '-o', 'out.json'], nodeIo());
 * ```
 */
export async function solveCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(argv, SOLVE_FLAGS, VROOM_LETTERS);
  if (flags.has('help')) {
    io.stdout(io.usage);
    return 0;
  }
  if (flags.has('geometry')) throw new UsageError('-g/--geometry: route geometry is not supported yet');
  const file = inputName(positionals, flags, io);
  const options = solveOptions(flags);
  const output = stringFlag(flags, 'output');
  const quiet = flags.has('quiet');

  const text = await readInput(file, io);
  const loaded = loadInstance(file, text);
  if (output !== undefined) await checkWritable(output);
  if (loaded.format === 'cvrp') return solveCvrp(file, loaded.problem, options, output, quiet, io);
  return solveCollection(file, text, loaded, options, output, quiet, io);
}

/**
 * Writes the solution to `output` (the summary then goes to stdout) or to stdout (the summary
 * then goes to stderr, so that stdout holds only the solution).
 */
async function emit(io: CliIo, output: string | undefined, content: string, summary: string | undefined): Promise<void> {
  if (output !== undefined) {
    try {
      await writeFile(output, content);
    } catch (e) {
      throw new InputError(`--output: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { code: 'E0007', file: output, field: 'output' });
    }
    if (summary !== undefined) io.stdout(summary);
  } else {
    io.stdout(content);
    if (summary !== undefined) io.stderr(summary);
  }
}
