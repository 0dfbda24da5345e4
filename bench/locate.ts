// Finding the package root and the shared benchmark data from wherever the CLI runs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../src/errors.js';

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** `dir` and each of its ancestors, nearest first. */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = resolve(dir);
  for (;;) {
    out.push(d);
    const up = dirname(d);
    if (up === d) return out;
    d = up;
  }
}

/**
 * Walks up from each start directory and returns the first `<ancestor>/../shared/benchmarks`
 * (equivalently, `<ancestor>/shared/benchmarks`) that exists, or `undefined`.
 *
 * @example
 * ```ts
 * findBenchmarksDir([process.cwd()]); // e.g. '/work/shared/benchmarks' when run in /work/main
 * ```
 */
export function findBenchmarksDir(starts: string[]): string | undefined {
  for (const s of starts) {
    for (const d of ancestors(s)) {
      const candidate = join(d, 'shared', 'benchmarks');
      if (isDir(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The CVRPLIB folder (holding `X/`, `A/`, `B/`, `P/` and the BKS tables) to benchmark on.
 * `data` (the `--data` flag) may name either the benchmarks folder or its `cvrplib/`
 * subfolder; without it the folder is searched for with {@link findBenchmarksDir}.
 * Throws an {@link InputError} saying where it looked when nothing is found.
 *
 * @example
 * ```ts
 * const dir = resolveCvrplibDir(undefined, [process.cwd()]); // '/work/shared/benchmarks/cvrplib'
 * ```
 */
export function resolveCvrplibDir(data: string | undefined, starts: string[]): string {
  if (data !== undefined) {
    const d = resolve(data);
    if (!isDir(d)) throw new InputError('--data: not a directory', { code: 'E0001', file: data, field: 'data' });
    if (isDir(join(d, 'cvrplib'))) return join(d, 'cvrplib');
    if (['X', 'A', 'B', 'P'].some((s) => isDir(join(d, s)))) return d;
    throw new InputError('--data: holds neither cvrplib/ nor X/, A/, B/, P/ folders', { code: 'E0001', file: data, field: 'data' });
  }
  const found = findBenchmarksDir(starts);
  if (!found || !isDir(join(found, 'cvrplib'))) {
    throw new InputError(`cannot find the benchmark data: no ../shared/benchmarks/cvrplib above ${starts.join(' or ')}; pass --data <dir>`, { code: 'E0001' });
  }
  return join(found, 'cvrplib');
}

/**
 * The nearest directory at or above `start` whose `package.json` is binroute's, or `undefined`.
 *
 * @example
 * ```ts
 * findPackageRoot('/work/main/dist'); // '/work/main'
 * ```
 */
export function findPackageRoot(start: string): string | undefined {
  for (const d of ancestors(start)) {
    const pj = join(d, 'package.json');
    if (!existsSync(pj)) continue;
    try {
      if (JSON.parse(readFileSync(pj, 'utf8')).name === 'binroute') return d;
    } catch {
      // unreadable package.json: keep looking
    }
  }
  return undefined;
}
