import { fstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE } from './usage.js';

/** The process-facing side of the CLI, kept in one object so commands stay testable. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * True when stdin is a pipe, a socket or a redirected file (`cat f.json | binroute solve`,
   * `binroute solve < f.json`), false on a terminal or /dev/null.
   */
  stdinIsPiped(): boolean;
  /** Reads all of stdin as UTF-8 text. */
  readStdin(): Promise<string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  usage: string;
  cwd: string;
  /** Folder of the running CLI file (dist/ when bundled). */
  cliDir: string;
  /**
   * Calls `handler` on the first Ctrl-C (SIGINT); a second one exits at once with 130.
   * Returns a function that removes the handler.
   */
  onInterrupt(handler: () => void): () => void;
}

/**
 * The real process: stdout/stderr, TTY detection and SIGINT.
 *
 * @example
 * ```ts
 * const io = nodeIo();
 * io.stderr('hello\n');
 * ```
 */
export function nodeIo(): CliIo {
  // A reader that goes away (`binroute bench | head`) must not crash the run: further
  // output to that stream is dropped, and the work (e.g. the JSON report) still completes.
  const closed = { stdout: false, stderr: false };
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed[name] = true;
      else throw e;
    });
  }
  const write = (name: 'stdout' | 'stderr', t: string) => {
    if (!closed[name] && !process[name].destroyed) process[name].write(t);
  };
  return {
    stdout: (t) => write('stdout', t),
    stderr: (t) => write('stderr', t),
    stdinIsPiped() {
      try {
        const st = fstatSync(0);
        return st.isFIFO() || st.isSocket() || st.isFile();
      } catch {
        return false;
      }
    },
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    usage: USAGE,
    cwd: process.cwd(),
    cliDir: dirname(fileURLToPath(import.meta.url)),
    onInterrupt(handler) {
      let count = 0;
      const listener = () => {
        count++;
        if (count === 1) handler();
        else process.exit(130);
      };
      process.on('SIGINT', listener);
      return () => void process.off('SIGINT', listener);
    },
  };
}
