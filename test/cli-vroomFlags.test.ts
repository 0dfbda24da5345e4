// `binroute solve` with VROOM's command-line habits (issue #12, finding 6): -i, -o, -l, -t,
// -x, -g, and the problem on stdin. The end-to-end cases spawn dist/cli.js (see spawnCli.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../cli/args.js';
import { EXPLORE_TIME_LIMIT_S, solveOptions } from '../cli/solveCommand.js';
import { ROOT, spawnCli, tmpDirForTests, type CliRun } from './spawnCli.js';

const TINY = join(ROOT, 'fixtures', 'tiny-8.vrp');
const CAFES = join(ROOT, 'fixtures', 'vroom', 'seongsu-cafes.json');
const SEONGDONG = join(ROOT, 'fixtures', 'seongdong-small.vrp');
const FAST = ['--iterations', '100', '--seed', '2'];

/** `solve`'s seed and budgets for the flags `argv`, as the command computes them. */
function budget(argv: string[]) {
  const { flags } = parseArgs(argv, { 'time-limit': 'value', iterations: 'value', explore: 'value' }, { l: 'time-limit', x: 'explore' });
  return solveOptions(flags);
}

const tmp = tmpDirForTests('binroute-vroomflags-');

/** Asserts a user error: exit 2, nothing on stdout, a first line `binroute: …` matching `re`. */
function expectUsageError(r: CliRun, re: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')[0]).toMatch(re);
}

describe('parseArgs with one-letter aliases', () => {
  const spec = { input: 'value', output: 'value', geometry: 'switch' } as const;
  const letters = { i: 'input', o: 'output', g: 'geometry' };

  it('stores -i FILE, -iFILE and -g under their long names; - stays a positional', () => {
    expect(parseArgs(['-i', 'a.json', '-oout.json', '-g'], spec, letters).flags).toEqual(
      new Map<string, string | true>([
        ['input', 'a.json'],
        ['output', 'out.json'],
        ['geometry', true],
      ]),
    );
    expect(parseArgs(['-'], spec, letters).positionals).toEqual(['-']);
    expect(parseArgs(['-i', '-'], spec, letters).flags.get('input')).toBe('-');
  });

  it('refuses unknown letters, missing values and a flag given both ways', () => {
    expect(() => parseArgs(['-z'], spec, letters)).toThrow(new UsageError('unknown option -z', true));
    expect(() => parseArgs(['-i'], spec, letters)).toThrow('-i needs a value');
    expect(() => parseArgs(['-o', 'a', '--output', 'b'], spec, letters)).toThrow('--output given twice');
    expect(() => parseArgs(['-gx'], spec, letters)).toThrow('-gx takes no value');
    // without declared letters, nothing changes: long flags only
    expect(() => parseArgs(['-i', 'a'], spec)).toThrow('unknown option -i');
  });
});

describe('binroute solve: VROOM flags', () => {
  it('-i FILE is the same as FILE; -o FILE the same as --output', async () => {
    const plain = await spawnCli(['solve', CAFES, ...FAST]);
    expect(plain.code, plain.stderr).toBe(0);
    const viaI = await spawnCli(['solve', '-i', CAFES, ...FAST]);
    expect(viaI.code, viaI.stderr).toBe(0);
    expect(viaI.stdout).toBe(plain.stdout);
    const out = join(tmp(), 'cafes.json');
    const viaO = await spawnCli(['solve', `--input=${CAFES}`, '-o', out, ...FAST]);
    expect(viaO.code, viaO.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(plain.stdout);
    expect(viaO.stdout).toMatch(/^seongsu-cafes: format=vroom .* stop=iterations\n$/);
    expectUsageError(await spawnCli(['solve', CAFES, '-i', CAFES]), /^binroute: solve: give the instance as <file> or with -i\/--input, not both$/);
  });

  it('-l SECONDS is the time limit', async () => {
    expect(budget(['-l', '2.5'])).toEqual({ seed: 1, timeLimitMs: 2500 });
    expect(budget(['-l', '2', '--iterations', '50'])).toEqual({ seed: 1, timeLimitMs: 2000, maxIterations: 50 });
    const r = await spawnCli(['solve', SEONGDONG, '-l', '0.3']);
    expect(r.code, r.stderr).toBe(0);
    // the search may also stop earlier on its own (e.g. when it has converged), never later
    expect(r.stderr).toMatch(/ stop=(time_limit|converged)\n$/);
    expect(Number(/seconds=(\d+\.\d+)/.exec(r.stderr)![1])).toBeLessThan(3);
    expectUsageError(await spawnCli(['solve', TINY, '-l', 'abc']), /^binroute: --time-limit: expected a positive number of seconds, got "abc"$/);
  });

  it('-t THREADS is validated as a positive integer, then ignored', async () => {
    const plain = await spawnCli(['solve', TINY, ...FAST]);
    const threads = await spawnCli(['solve', TINY, '-t', '4', ...FAST]);
    expect(threads.code, threads.stderr).toBe(0);
    expect(threads.stdout).toBe(plain.stdout);
    expectUsageError(await spawnCli(['solve', TINY, '-t', '0']), /^binroute: --threads: expected an integer from 1 to \d+, got "0"$/);
    expectUsageError(await spawnCli(['solve', TINY, '--threads', 'many']), /^binroute: --threads: expected an integer/);
  });

  it('-x LEVEL (0..5) sets the default time limit; an explicit budget wins', async () => {
    expect(EXPLORE_TIME_LIMIT_S).toEqual([1, 2, 3, 5, 7, 10]);
    EXPLORE_TIME_LIMIT_S.forEach((s, level) => expect(budget(['-x', String(level)]).timeLimitMs).toBe(s * 1000));
    expect(budget([]).timeLimitMs).toBeUndefined(); // no -x: the library's size-scaled default (defaultTimeLimitMs)
    expect(budget(['-x', '0', '-l', '4'])).toEqual({ seed: 1, timeLimitMs: 4000 });
    expect(budget(['-x', '0', '--iterations', '100'])).toEqual({ seed: 1, maxIterations: 100 });
    const x0 = await spawnCli(['solve', SEONGDONG, '-x', '0']);
    expect(x0.code, x0.stderr).toBe(0);
    expect(x0.stderr).toMatch(/ stop=(time_limit|converged)\n$/);
    expect(Number(/seconds=(\d+\.\d+)/.exec(x0.stderr)![1])).toBeLessThan(5);
    const withBudget = await spawnCli(['solve', TINY, '-x', '5', ...FAST]);
    expect(withBudget.stderr).toMatch(/iterations=100 stop=iterations\n$/);
    expectUsageError(await spawnCli(['solve', TINY, '-x', '6']), /^binroute: --explore: expected an integer from 0 to 5, got "6"$/);
  });

  it('-g (geometry) is a usage error: not supported yet', async () => {
    expectUsageError(await spawnCli(['solve', CAFES, '-g']), /^binroute: -g\/--geometry: route geometry is not supported yet$/);
    expectUsageError(await spawnCli(['solve', CAFES, '--geometry']), /not supported yet/);
  });

  it('unknown one-letter flags exit 2 with one line, then the usage', async () => {
    const r = await spawnCli(['solve', CAFES, '-a', 'localhost']);
    expectUsageError(r, /^binroute: unknown option -a$/);
    expect(r.stderr).toMatch(/^binroute: unknown option -a\n\nUsage:/);
  });
});

describe('binroute solve: the problem on stdin', () => {
  it('- reads stdin; the format is recognised from the content; the solution goes to stdout', async () => {
    const file = await spawnCli(['solve', CAFES, ...FAST]);
    const r = await spawnCli(['solve', '-', ...FAST], { input: readFileSync(CAFES, 'utf8') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(file.stdout);
    expect(r.stderr).toMatch(/^<stdin>: format=vroom /);
    const viaI = await spawnCli(['solve', '-i', '-', ...FAST], { input: readFileSync(CAFES, 'utf8') });
    expect(viaI.stdout).toBe(file.stdout);
  });

  it('no file with piped stdin reads stdin (a CVRPLIB .vrp here)', async () => {
    const file = await spawnCli(['solve', TINY, ...FAST]);
    const r = await spawnCli(['solve', ...FAST], { input: readFileSync(TINY, 'utf8') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(file.stdout);
    expect(r.stdout).toMatch(/^Route #1: .*\nCost \d+\n$/s);
  });

  it('empty stdin, invalid input on stdin, or no file and no pipe: exit 2 and one line', async () => {
    expectUsageError(await spawnCli(['solve', '-'], { input: '' }), /^binroute: <stdin>: empty input \[E0008\]$/);
    expectUsageError(await spawnCli(['solve', '-'], { input: '{"vehicles": [' }), /^binroute: <stdin>: not valid JSON \(/);
    // stdin is /dev/null here: not a pipe, so a missing file is still a usage error
    expectUsageError(await spawnCli(['solve', '--iterations', '10']), /^binroute: solve: missing <instance file> \(or - for stdin\)$/);
  });
});

describe("issue #12's unreachable example on the command line", () => {
  it('exits 0 with the job unassigned for reason unreachable (it used to route the arc and exit 1)', async () => {
    const json = '{"vehicles":[{"id":1,"start_index":0}],"jobs":[{"id":1,"location_index":1}],"matrices":{"car":{"durations":[[0,null],[5,0]]}}}';
    const r = await spawnCli(['solve', '-', '--iterations', '50'], { input: json });
    expect(r.stderr).not.toMatch(/not feasible|internal error/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.routes).toEqual([]);
    expect(out.unassigned).toEqual([expect.objectContaining({ id: 1, reason: 'unreachable' })]);
  });
});
