import { access, stat, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { solve } from '../solve.js';
import type { Progress, SolveOptions } from '../types.js';
import { InputError } from '../errors.js';
import { writeSol } from '../io/sol.js';
import { readVrpFile } from '../io/readFiles.js';
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

/**
 * `binroute solve <instance.vrp> [--time-limit s] [--iterations n] [--seed n] [--output f] [--quiet]`.
 * Returns the exit code.
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
  if (positionals.length === 0) throw new UsageError('solve: missing <instance.vrp>', true);
  if (positionals.length > 1) throw new UsageError(`solve: expected one instance file, got ${positionals.length}`, true);
  const timeLimitS = secondsFlag(flags, 'time-limit');
  const iterations = intFlag(flags, 'iterations', 0, 2 ** 31 - 1);
  const seed = intFlag(flags, 'seed', 0, 2 ** 32 - 1) ?? 1;
  const output = stringFlag(flags, 'output');
  const quiet = flags.has('quiet');

  const file = positionals[0];
  const inst = await readVrpFile(file);
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
  if (output !== undefined) {
    try {
      await writeFile(output, sol);
    } catch (e) {
      throw new InputError(`--output: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, output, 'output');
    }
    if (!quiet) io.stdout(summary);
  } else {
    io.stdout(sol);
    if (!quiet) io.stderr(summary);
  }
  return 0;
}
