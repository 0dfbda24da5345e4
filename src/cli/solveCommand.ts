import { access, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { solve } from '../solve.js';
import type { Progress, SolveOptions } from '../types.js';
import { InputError } from '../errors.js';
import { writeSol } from '../io/sol.js';
import { readTextFile } from '../io/readFiles.js';
import { parseVrp } from '../io/parseVrp.js';
import type { RoutingProblem, RoutingSolution } from '../model/RoutingProblem.js';
import { solveRouting } from '../solveRouting.js';
import { parseVroomProblem } from '../vroom/parseVroomProblem.js';
import { toVroom } from '../vroom/toVroom.js';
import { loadCollectionInstance, type CollectionRun } from '../../bench/collectionBench.js';
import { verifySolution } from '../../bench/verifySolution.js';
import { intFlag, parseArgs, secondsFlag, stringFlag, UsageError } from './args.js';
import type { CliIo } from './cliIo.js';

const DEFAULT_TIME_LIMIT_S = 10;

/** Fails early (before a long solve) when `path` cannot be written. */
async function checkWritable(path: string): Promise<void> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError('--output: is a directory', path, 'output');
  } catch (e) {
    if (e instanceof InputError) throw e;
    // does not exist yet: its folder must
  }
  const dir = dirname(resolve(path));
  try {
    const st = await stat(dir);
    if (!st.isDirectory()) throw new InputError(`--output: ${dir} is not a directory`, path, 'output');
    await access(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`--output: cannot write there (${code === 'ENOENT' ? `no folder ${dir}` : code})`, path, 'output');
  }
}

/** The input formats `solve` recognises. */
export type InputFormat = 'cvrp' | 'vroom' | 'solomon' | 'mtvrptwr' | 'kim';

/**
 * Recognises an input file's format from its name and content: VROOM JSON (`.json`, or the
 * content starts with `{`), MTVRPTWR (`TYPE : MTVRPTWR`), Kim (`*_stop.txt`, or line 6 is the
 * `Stop_ID …` column header), Solomon (a `VEHICLE` and a `CUSTOMER` line); anything else is
 * read as CVRPLIB (whose parser reports what is wrong).
 *
 * @example
 * ```ts
 * detectFormat('C101.txt', text);          // 'solomon'
 * detectFormat('problem.json', '{"jobs":'); // 'vroom'
 * ```
 */
export function detectFormat(file: string, text: string): InputFormat {
  const head = text.slice(0, 4096);
  if (/\.json$/i.test(file) || /^\uFEFF?\s*\{/.test(head)) return 'vroom';
  if (/^\s*TYPE\s*:\s*MTVRPTWR\b/im.test(head)) return 'mtvrptwr';
  if (/_stop\.txt$/i.test(file) || /^\s*Stop_ID\b/i.test(head.replace(/\r/g, '').split('\n')[5] ?? '')) return 'kim';
  if (/^\s*VEHICLE\s*$/im.test(head) && /^\s*CUSTOMER\s*$/im.test(head)) return 'solomon';
  return 'cvrp';
}

/** Solves a collection-model input (VROOM JSON, Solomon, MTVRPTWR, Kim) and writes VROOM-style JSON. */
async function solveCollection(
  file: string,
  text: string,
  format: Exclude<InputFormat, 'cvrp'>,
  options: SolveOptions,
  output: string | undefined,
  quiet: boolean,
  io: CliIo,
): Promise<number> {
  let problem: RoutingProblem;
  let check: ((sol: RoutingSolution) => Pick<CollectionRun, 'feasible' | 'errors' | 'vehicles' | 'metrics'>) | undefined;
  if (format === 'vroom') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new InputError(`not valid JSON (${(e as Error).message})`, file);
    }
    const parsed = parseVroomProblem(json);
    if (!parsed.ok) throw new InputError(parsed.error, file);
    problem = parsed.problem;
  } else {
    ({ problem, check } = await loadCollectionInstance(format, file, text));
  }
  if (output !== undefined) await checkWritable(output);
  const name = file.replace(/^.*[\\/]/, '').replace(/\.(json|txt|vrp)$/i, '');

  const live = !quiet && io.stderrIsTTY;
  let lastDraw = 0;
  if (live) {
    options.onProgress = (p: Progress) => {
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      io.stderr(`\r\x1b[K${name}: iteration ${p.iteration}  best ${p.bestCost}  ${(p.elapsedMs / 1000).toFixed(1)}s`);
    };
  }
  const controller = new AbortController();
  options.signal = controller.signal;
  const detach = io.onInterrupt(() => {
    controller.abort();
    io.stderr(`${live ? '\r\x1b[K' : ''}binroute: interrupted; writing the best solution found so far (Ctrl-C again to quit)\n`);
  });
  let solution: RoutingSolution;
  try {
    solution = await solveRouting(problem, options);
  } finally {
    detach();
    if (live) io.stderr('\r\x1b[K');
  }

  // No timing in the file, so that --iterations with --seed gives byte-identical output.
  const full = toVroom(problem, solution);
  const { computing_times: _timing, ...summary } = full.summary;
  void _timing;
  const out = { ...full, summary };
  const json = `${JSON.stringify(out)}\n`;
  const problems: string[] = out.summary.violations.map((v) => `violation ${v.cause}`);
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
    `cost=${out.summary.cost}${extra} seconds=${(solution.elapsedMs / 1000).toFixed(2)} iterations=${solution.iterations} stop=${solution.stopReason}\n`;
  await emit(io, output, json, quiet ? undefined : summaryLine);
  // Only Solomon, MTVRPTWR and Kim solutions have an independent verifier; for VROOM input the
  // schedule's own violations are the check. Either way the solution is written (it shows the
  // violations), and a violation is reported as a bug: exit 1.
  if (problems.length > 0) {
    io.stderr(`binroute: the solution of ${file} is not feasible (a bug in the solver): ${[...new Set(problems)].slice(0, 5).join('; ')}\n`);
    return 1;
  }
  return 0;
}

/**
 * `binroute solve <file> [--time-limit s] [--iterations n] [--seed n] [--output f] [--quiet]`:
 * CVRPLIB `.vrp` → `.sol`; VROOM JSON, Solomon, MTVRPTWR and Kim files → VROOM-style JSON
 * (see {@link detectFormat}). Returns the exit code.
 *
 * @example
 * ```ts
 * const code = await solveCommand(['fixtures/tiny-8.vrp', '--iterations', '200', '--seed', '3'], nodeIo());
 * ```
 */
export async function solveCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(argv, {
    'time-limit': 'value',
    iterations: 'value',
    seed: 'value',
    output: 'value',
    quiet: 'switch',
  });
  if (flags.has('help')) {
    io.stdout(io.usage);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('solve: missing <instance file>', true);
  if (positionals.length > 1) throw new UsageError(`solve: expected one instance file, got ${positionals.length}`, true);
  const timeLimitS = secondsFlag(flags, 'time-limit');
  const iterations = intFlag(flags, 'iterations', 0, 2 ** 31 - 1);
  const seed = intFlag(flags, 'seed', 0, 2 ** 32 - 1) ?? 1;
  const output = stringFlag(flags, 'output');
  const quiet = flags.has('quiet');

  const file = positionals[0];
  const text = await readTextFile(file);
  const format = detectFormat(file, text);
  if (format !== 'cvrp') {
    const options: SolveOptions = { seed };
    if (iterations !== undefined) options.maxIterations = iterations;
    if (timeLimitS !== undefined) options.timeLimitMs = timeLimitS * 1000;
    else if (iterations === undefined) options.timeLimitMs = DEFAULT_TIME_LIMIT_S * 1000;
    return solveCollection(file, text, format, options, output, quiet, io);
  }
  const inst = parseVrp(text, file);
  if (output !== undefined) await checkWritable(output);

  const options: SolveOptions = { seed };
  if (iterations !== undefined) options.maxIterations = iterations;
  if (timeLimitS !== undefined) options.timeLimitMs = timeLimitS * 1000;
  else if (iterations === undefined) options.timeLimitMs = DEFAULT_TIME_LIMIT_S * 1000;

  // Live progress only on a terminal, and on stderr so that it never mixes into a .sol on stdout.
  const live = !quiet && io.stderrIsTTY;
  let lastDraw = 0;
  if (live) {
    options.onProgress = (p: Progress) => {
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      io.stderr(`\r\x1b[K${inst.name}: iteration ${p.iteration}  best ${p.bestCost}  ${(p.elapsedMs / 1000).toFixed(1)}s`);
    };
  }

  const controller = new AbortController();
  options.signal = controller.signal;
  const detach = io.onInterrupt(() => {
    controller.abort();
    io.stderr(`${live ? '\r\x1b[K' : ''}binroute: interrupted; writing the best solution found so far (Ctrl-C again to quit)\n`);
  });
  let solution;
  try {
    solution = await solve(inst, options);
  } finally {
    detach();
    if (live) io.stderr('\r\x1b[K');
  }

  const check = verifySolution(inst, solution.routes, solution.cost);
  if (!check.ok) {
    throw new Error(`solve() returned an invalid solution for ${file}: ${check.errors.join('; ')}`);
  }
  const sol = writeSol(solution);
  const summary =
    `${inst.name}: n=${inst.dimension} routes=${solution.routes.length} cost=${solution.cost} ` +
    `seconds=${(solution.elapsedMs / 1000).toFixed(2)} iterations=${solution.iterations} stop=${solution.stopReason}\n`;
  await emit(io, output, sol, quiet ? undefined : summary);
  return 0;
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
      throw new InputError(`--output: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, output, 'output');
    }
    if (summary !== undefined) io.stdout(summary);
  } else {
    io.stdout(content);
    if (summary !== undefined) io.stderr(summary);
  }
}
