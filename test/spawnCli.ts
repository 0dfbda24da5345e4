// Runs the built `binroute` command (`node dist/cli.js`, built by `npm run build`, which
// `npm test` runs first as its pretest step) and collects what it prints.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The bundled command. */
export const CLI = join(ROOT, 'dist', 'cli.js');

/** What a run of the command did. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link spawnCli}. */
export interface SpawnOptions {
  /** Called once the child exists (e.g. to send it SIGINT later). */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
  /** Working directory; default the repository root. */
  cwd?: string;
  /** Text piped to stdin; without it stdin is /dev/null (not a pipe). */
  input?: string;
}

/**
 * Runs `node dist/cli.js ...args` and resolves when it exits.
 *
 * @example
 * ```ts
 * const r = await spawnCli(['solve', '-', '--iterations', '100'], { input: '{"vehicles": []}' });
 * r.code; // 2
 * ```
 */
export function spawnCli(args: string[], opts: SpawnOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const stdin = opts.input === undefined ? 'ignore' : 'pipe';
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, stdio: [stdin, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    opts.onSpawn?.(child);
  });
}

/**
 * A fresh temporary folder for the tests of one file, made before them and removed after
 * them. Call it at the top level of a test file; the returned function gives the path.
 *
 * @example
 * ```ts
 * const tmp = tmpDirForTests('binroute-x-');
 * it('writes', () => writeFileSync(join(tmp(), 'a.json'), '{}'));
 * ```
 */
export function tmpDirForTests(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir!;
}
