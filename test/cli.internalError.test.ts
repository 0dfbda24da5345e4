// The CLI's answer to an internal error (#17): one line with the message and a hint to report
// it, exit 1, no stack trace unless --debug. Provoked in-process by swapping the core for bytes
// that are not WebAssembly (useCoreBinary), so every solve fails the way a broken build would.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../cli/runCli.js';
import { nodeIo, type CliIo } from '../cli/cliIo.js';
import { useCoreBinary } from '../src/core/loadCore.js';

/** One process io for every in-process CLI run (each nodeIo() adds listeners to stdout and stderr). */
const BASE_IO = nodeIo();
function fakeIo(): CliIo & { out: string; err: string } {
  const io = { ...BASE_IO, out: '', err: '', stdinIsPiped: () => false };
  io.stdout = (t: string) => void (io.out += t);
  io.stderr = (t: string) => void (io.err += t);
  return io;
}

afterEach(() => useCoreBinary(readFileSync(new URL('../build/debug.wasm', import.meta.url))));

describe('binroute: internal errors', () => {
  it('exit 1, one line and a hint to report it, no stack trace', async () => {
    useCoreBinary(new Uint8Array([1, 2, 3, 4]));
    const io = fakeIo();
    expect(await runCli(['solve', 'fixtures/tiny-8.vrp', '--iterations', '10', '--quiet'], io)).toBe(1);
    const lines = io.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^binroute: binroute internal error \(please report it\): /);
    expect(lines[1]).toMatch(/please report it .*--debug/);
    expect(io.err).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('--debug adds the stack trace', async () => {
    useCoreBinary(new Uint8Array([1, 2, 3, 4]));
    const io = fakeIo();
    expect(await runCli(['solve', '--debug', 'fixtures/tiny-8.vrp', '--iterations', '10', '--quiet'], io)).toBe(1);
    // the message line, then the error's stack (its name and message first), instead of the hint
    expect(io.err).toMatch(/^binroute: binroute internal error[^\n]*\nCompileError: /);
    expect(io.err).not.toMatch(/please report it with the command line/);
  });

  it('input errors are coded lines, one per problem, exit 2', async () => {
    const io = fakeIo();
    expect(await runCli(['solve', 'test/bad-inputs/vroom/many-problems.json', '--iterations', '10'], io)).toBe(2);
    const codes = io.err.trim().split('\n').map((l) => /\[(E\d{4})\]$/.exec(l)?.[1]);
    expect(codes).toEqual(['E1004', 'E1002', 'E1005', 'E1009']);
  });
});
