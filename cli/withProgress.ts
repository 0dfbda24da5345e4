import type { Progress, SolveOptions } from '../src/types.js';
import type { CliIo } from './cliIo.js';

/**
 * Runs `run` with live progress on a terminal's stderr (never on stdout, where a solution may
 * go) and Ctrl-C stopping the search, which still returns the best solution so far.
 *
 * @example
 * ```ts
 * const solution = await withProgress('seongdong-846', options, false, io, () => solveRouting(problem, options));
 * ```
 */
export async function withProgress<T>(name: string, options: SolveOptions, quiet: boolean, io: CliIo, run: () => Promise<T>): Promise<T> {
  const live = !quiet && io.stderrIsTTY;
  let lastDraw = 0;
  if (live) {
    options.onProgress = (p: Progress) => {
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      io.stderr(`\r\x1b[K${name}: iteration ${p.iteration}  best ${p.bestCost}  unassigned ${p.unassigned}  ${(p.elapsedMs / 1000).toFixed(1)}s`);
    };
  }
  const controller = new AbortController();
  options.signal = controller.signal;
  const detach = io.onInterrupt(() => {
    controller.abort();
    io.stderr(`${live ? '\r\x1b[K' : ''}binroute: interrupted; writing the best solution found so far (Ctrl-C again to quit)\n`);
  });
  try {
    return await run();
  } finally {
    detach();
    if (live) io.stderr('\r\x1b[K');
  }
}

