// End-to-end tests of the `binroute` command: they spawn `node dist/cli.js` (see spawnCli.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSol, parseVrp } from '../src/io/index.js';
import { verifySolution } from '../bench/verifySolution.js';
import { CLI, ROOT, spawnCli, type CliRun } from './spawnCli.js';

const TINY = join(ROOT, 'fixtures', 'tiny-8.vrp');
const SEONGDONG = join(ROOT, 'fixtures', 'seongdong-small.vrp');
const BENCHMARKS = join(ROOT, '..', 'shared', 'benchmarks', 'cvrplib');
const haveBenchmarks = existsSync(join(BENCHMARKS, 'X', 'X-n101-k25.vrp'));
if (!haveBenchmarks) console.warn(`cli.test: bench test skipped, ${BENCHMARKS} does not exist`);

const run = spawnCli;
type Run = CliRun;

/** The newest modification time among the sources bundled into dist/cli.js. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'cli'));
  walk(join(ROOT, 'bench'));
  return newest;
}

let tmp: string;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} does not exist: run \`npm run build\` (npm test does it as pretest)`);
  if (statSync(CLI).mtimeMs < newestSource()) {
    console.warn('cli.test: dist/cli.js is older than some sources; these tests run the old build (run `npm run build`)');
  }
  tmp = mkdtempSync(join(tmpdir(), 'binroute-cli-'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Asserts a user error: exit 2, nothing on stdout, exactly one `binroute: …` line on stderr. */
function expectUserError(r: Run, re: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^binroute: [^\n]+\n$/);
  expect(r.stderr).toMatch(re);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
}

describe('binroute: usage and user errors', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage:\n {2}binroute solve <file>/);
    expect(r.stdout).toMatch(/Exit codes:/);
    expect((await run(['solve', '--help'])).code).toBe(0);
  });

  it('no command, an unknown command or an unknown flag print the usage and exit 2', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage:/);
    const cmd = await run(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/^binroute: unknown command "frobnicate"\n\nUsage:/);
    const flag = await run(['solve', TINY, '--bogus', '3']);
    expect(flag.code).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr).toMatch(/^binroute: unknown option --bogus\n\nUsage:/);
  });

  it('a missing file: exit 2 and one line naming it', async () => {
    expectUserError(await run(['solve', 'no-such-file.vrp']), /^binroute: no-such-file\.vrp: cannot read: no such file \[E0001\]\n$/);
    expectUserError(await run(['solve', 'fixtures']), /^binroute: fixtures: is a directory, not a file \[E0001\]\n$/);
  });

  it('a malformed file: exit 2 and one line naming file, line and section', async () => {
    const bad = join(tmp, 'negative.vrp');
    writeFileSync(bad, readFileSync(TINY, 'utf8').replace('\n4 3\n', '\n4 -3\n'));
    expectUserError(await run(['solve', bad]), /negative\.vrp: line 20: DEMAND_SECTION: demand of node 4 is negative \(-3\) \[E2005\]\n$/);
    const garbage = join(tmp, 'garbage.vrp');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)));
    expectUserError(await run(['solve', garbage]), /garbage\.vrp: line \d+: not a text \.vrp file/);
    const huge = join(tmp, 'huge.vrp');
    writeFileSync(huge, readFileSync(TINY, 'utf8').replace('DIMENSION : 8', 'DIMENSION : 1000000000000'));
    expectUserError(await run(['solve', huge]), /huge\.vrp: line 4: DIMENSION: 1000000000000 exceeds the supported maximum/);
  });

  it('bad flag values: exit 2 and one line', async () => {
    expectUserError(await run(['solve', TINY, '--time-limit', 'abc']), /^binroute: --time-limit: expected a positive number of seconds, got "abc"\n$/);
    expectUserError(await run(['solve', TINY, '--seed', '-1']), /--seed: expected an integer from 0 to 4294967295, got "-1"/);
    expectUserError(await run(['solve', TINY, '--iterations']), /^binroute: --iterations needs a value\n$/);
    expectUserError(await run(['solve', TINY, '--output', join(tmp, 'no', 'such', 'dir', 'a.sol'), '--iterations', '1']), /--output: cannot write there/);
    expectUserError(await run(['bench', '--suite', 'nope']), /--suite: unknown suite "nope" \(known: x-dev, x-all, abp, solomon, mtvrptwr, kim, seongdong, seongdong-day, matrix, forecast-edinburgh\)/);
    expectUserError(await run(['bench', '--data', join(tmp, 'missing')]), /--data: not a directory/);
  });
});

describe('binroute solve', () => {
  it('--iterations with --seed writes byte-identical .sol files, feasible for the instance', async () => {
    const a = join(tmp, 'a.sol');
    const b = join(tmp, 'b.sol');
    const ra = await run(['solve', SEONGDONG, '--iterations', '200', '--seed', '3', '--output', a]);
    const rb = await run(['solve', SEONGDONG, '--iterations', '200', '--seed', '3', '--output', b]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const sa = readFileSync(a);
    expect(sa.equals(readFileSync(b))).toBe(true);
    // the summary goes to stdout when the .sol goes to a file
    expect(ra.stdout).toMatch(/^seongdong-small: n=41 routes=\d+ cost=\d+ seconds=\d+\.\d\d iterations=200 stop=iterations\n$/);
    expect(ra.stderr).toBe('');
    const sol = parseSol(sa.toString('utf8'));
    const inst = parseVrp(readFileSync(SEONGDONG, 'utf8'));
    expect(verifySolution(inst, sol.routes, sol.cost).errors).toEqual([]);
    expect(ra.stdout).toContain(`cost=${sol.cost} `);
    // without --output the .sol goes to stdout (same bytes) and the summary to stderr
    const rc = await run(['solve', SEONGDONG, '--iterations', '200', '--seed', '3']);
    expect(rc.code).toBe(0);
    expect(rc.stdout).toBe(sa.toString('utf8'));
    expect(rc.stderr).toMatch(/^seongdong-small: n=41 .* stop=iterations\n$/);
  });

  it('finds the proven optimum of tiny-8', async () => {
    const r = await run(['solve', TINY, '--iterations', '200', '--seed', '3', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(parseSol(r.stdout).cost).toBe(354);
  });

  it('Ctrl-C (SIGINT) stops the search and still writes the best solution', async () => {
    const out = join(tmp, 'interrupted.sol');
    const started = Date.now();
    const r = await run(['solve', SEONGDONG, '--time-limit', '60', '--output', out], {
      onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 1500),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/interrupted; writing the best solution/);
    expect(r.stdout).toMatch(/stop=aborted\n$/);
    const sol = parseSol(readFileSync(out, 'utf8'));
    const inst = parseVrp(readFileSync(SEONGDONG, 'utf8'));
    expect(verifySolution(inst, sol.routes, sol.cost).ok).toBe(true);
  });
});

describe.skipIf(!haveBenchmarks)('binroute bench', () => {
  it('--budget-per-n scales the time limit with the instance: 0.005 s × 100 customers = 0.5 s on X-n101-k25', async () => {
    const outDir = join(tmp, 'per-n');
    const r = await run(['bench', '--instances', 'X-n101-k25', '--budget-per-n', '0.005', '--out-dir', outDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/time limit 0\.005 s per customer/);
    const files = readdirSync(outDir);
    expect(files[0]).toMatch(/^x-dev-0\.005s-per-n-/);
    const report = JSON.parse(readFileSync(join(outDir, files[0]), 'utf8'));
    expect(report.budgetPerN).toBe(0.005);
    expectUserError(await run(['bench', '--budget-per-n', '1', '--time-limit', '1']), /give --budget-per-n, --time-limit or --iterations, not two of them/);
  });

  it('--first-seed runs seeds n..n+k-1 (one more seed of a long run); other suites refuse it', async () => {
    const outDir = join(tmp, 'first-seed');
    const r = await run(['bench', '--instances', 'X-n101-k25', '--iterations', '30', '--first-seed', '3', '--seeds', '2', '--out-dir', outDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('seeds 3..4');
    expect(r.stdout).toMatch(/X-n101-k25 seed 3: .*\n.*X-n101-k25 seed 4: /);
    const report = JSON.parse(readFileSync(join(outDir, readdirSync(outDir)[0]), 'utf8'));
    expect(report.seeds).toEqual([3, 4]);
    expect(report.runs.map((x: { seed: number }) => x.seed)).toEqual([3, 4]);
    expectUserError(await run(['bench', '--suite', 'seongdong-day', '--first-seed', '2']), /--first-seed does not apply to --suite seongdong-day/);
    expectUserError(await run(['bench', '--first-seed', 'x']), /--first-seed/);
  });

  it('runs one instance for 1 s, prints the table and writes the JSON report', async () => {
    const outDir = join(tmp, 'results');
    const r = await run(['bench', '--instances', 'X-n101-k25', '--time-limit', '1', '--out-dir', outDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\r'); // not a TTY: plain lines only
    expect(r.stdout).toMatch(/\[1\/1\] X-n101-k25 seed 1: cost \d+ gap \d+\.\d\d% /);
    expect(r.stdout).toMatch(/instance +n +BKS +cost +best +gap% +best gap% +s\/run +iterations/);
    expect(r.stdout).toMatch(/X-n101-k25 +101 +27591 /);
    const files = readdirSync(outDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^x-dev-1s-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
    expect(r.stdout).toContain(`results: ${join(outDir, files[0])}`);
    const report = JSON.parse(readFileSync(join(outDir, files[0]), 'utf8'));
    expect(report.format).toBe('binroute-bench/1');
    expect(report.suite).toBe('x-dev');
    expect(report.timeLimitS).toBe(1);
    expect(report.seeds).toEqual([1]);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(typeof report.machine.cpuModel).toBe('string');
    expect(report.machine.node).toBe(process.version);
    expect(report.machine.binrouteVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.runs).toHaveLength(1);
    const run0 = report.runs[0];
    expect(run0).toMatchObject({ instance: 'X-n101-k25', n: 101, seed: 1, bks: 27591, valid: true, stopReason: 'time_limit' });
    expect(run0.cost).toBeGreaterThanOrEqual(27591);
    expect(run0.seconds).toBeGreaterThan(0); // the time limit itself is checked by stopReason, not by the clock
    const inst = parseVrp(readFileSync(join(BENCHMARKS, 'X', 'X-n101-k25.vrp'), 'utf8'));
    expect(verifySolution(inst, run0.solution, run0.cost).ok).toBe(true);
    expect(report.summary[0]).toMatchObject({ instance: 'X-n101-k25', runs: 1, bestCost: run0.cost });
  });

  it('rejects instances that are not in the suite', async () => {
    expectUserError(await run(['bench', '--instances', 'A-n32-k5', '--time-limit', '1']), /--instances: "A-n32-k5" is not an instance of the X set/);
  });
});
