// The bad-input corpus (#17): every file of test/bad-inputs/ (manifest.json gives its format and
// expected outcome) goes through the library and through the `binroute` command (every file
// in-process through runCli, a sample of each format through the built dist/cli.js). An error must be
// an InputError with the expected code (and field, and the codes of every problem when listed);
// a CLI error is exit 2 with one `binroute: … [CODE]` line per problem and no stack trace. A
// valid-but-infeasible file must come back with its jobs unassigned and the reason. Every
// accepted routing input is solved and checked: each job exactly once. Regenerate the files
// with `node scripts/gen-bad-inputs.mjs`; the 10 MB junk input is made here.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { detectFormat, loadCollectionInstance, loadInstance } from '../src/io/formats.js';
import { parseJsonText } from '../src/io/parseJsonText.js';
import { parseScenario } from '../src/io/parseScenario.js';
import { readReadings } from '../src/forecast/readReadings.js';
import { solve } from '../src/solve.js';
import { solveRouting } from '../src/solveRouting.js';
import type { RoutingProblem } from '../src/model/RoutingProblem.js';
import { spawnCli, type CliRun } from './spawnCli.js';
import { runCli } from '../cli/runCli.js';
import { nodeIo } from '../cli/cliIo.js';

type Format = 'vroom' | 'cvrp' | 'solomon' | 'mtvrptwr' | 'kim' | 'scenario' | 'readings';
interface Expect {
  code?: string;
  field?: string;
  problems?: string[];
  outcome?: 'ok' | 'unassigned';
  reason?: string;
  jobs?: number[];
}
interface Case {
  file: string;
  format: Format;
  expect: Expect;
  what: string;
}

/** One process io for every in-process CLI run (each nodeIo() adds listeners to stdout and stderr). */
const BASE_IO = nodeIo();
const DIR = new URL('./bad-inputs/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIR), 'utf8')) as { cases: Case[] };
const path = (c: Case) => join(DIR.pathname, c.file);

/** What the library did with an input: a coded error, or a result. */
type Outcome =
  | { kind: 'error'; code: string; field?: string; problems: string[] }
  | { kind: 'ok'; unassigned: number[]; reasons: string[]; problems: string[] };

/** Every job index once, routed or unassigned: the nothing-lost invariant, checked independently of the library. */
function expectEveryJobOnce(problem: RoutingProblem, routed: number[], unassigned: number[]): void {
  expect([...routed, ...unassigned].sort((a, b) => a - b)).toEqual(problem.jobs.map((_, i) => i));
}

async function viaLibrary(c: Case, text: string): Promise<Outcome> {
  const name = c.file;
  try {
    if (c.format === 'scenario') {
      parseScenario(parseJsonText(text, name));
      return { kind: 'ok', unassigned: [], reasons: [], problems: [] };
    }
    if (c.format === 'readings') {
      const r = readReadings(text, { file: name });
      return { kind: 'ok', unassigned: [], reasons: [], problems: r.problems.map((p) => p.code) };
    }
    let problem: RoutingProblem;
    if (c.format === 'vroom' || c.format === 'cvrp') {
      const loaded = loadInstance(name, text);
      expect(loaded.format).toBe(c.format);
      if (loaded.format === 'cvrp') {
        const s = await solve(loaded.problem, { maxIterations: 50, seed: 1 });
        expect(s.routes.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: loaded.problem.dimension - 1 }, (_, i) => i + 1));
        return { kind: 'ok', unassigned: [], reasons: [], problems: [] };
      }
      problem = loaded.problem as RoutingProblem;
    } else {
      // the CLI recognises the format from the content: the corpus must be recognised too
      expect(detectFormat(name, text)).toBe(c.format);
      problem = loadCollectionInstance(c.format, name, text).problem;
    }
    const s = await solveRouting(problem, { maxIterations: 50, seed: 1 });
    expectEveryJobOnce(problem, s.routes.flatMap((r) => r.steps.filter((x) => x.type === 'job').map((x) => x.index)), s.unassigned);
    return { kind: 'ok', unassigned: s.unassigned.map((j) => problem.jobs[j].id), reasons: s.unassigned.map((j) => s.reasons[j]?.reason ?? s.reasons.find((r) => r.job === j)?.reason ?? '?'), problems: [] };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { kind: 'error', code: e.code, field: e.field, problems: e.problems.map((p) => p.code) };
  }
}

function cliArgs(c: Case, out: string): string[] {
  const file = path(c);
  if (c.format === 'scenario') return ['plan', '--scenario', file, '--date', '2026-11-23', '--matrix', 'haversine', '--iterations', '50', '--out', out, '--quiet'];
  if (c.format === 'readings') return ['forecast', '--readings', file, '--out', join(out, 'forecast.csv'), '--quiet'];
  return ['solve', file, '--iterations', '50', '--seed', '1', '--output', join(out, 'solution.out'), '--quiet'];
}

function expectCliOutcome(c: Case, r: CliRun): void {
  const e = c.expect;
  expect(r.stderr, c.file).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
  if (e.code) {
    expect(r.code, `${c.file}: ${r.stderr}`).toBe(2);
    const lines = r.stderr.trim().split('\n');
    for (const line of lines) expect(line, c.file).toMatch(/^binroute: .+ \[E\d{4}\]$/);
    const codes = lines.map((l) => /\[(E\d{4})\]$/.exec(l)![1]);
    expect(codes[0], c.file).toBe(e.code);
    if (e.problems) expect(codes, c.file).toEqual(e.problems);
  } else {
    expect(r.code, `${c.file}: ${r.stderr}`).toBe(0);
  }
}

describe('the bad-input corpus', () => {
  it('has at least 60 files across every format, each with an expected outcome', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(60);
    const formats = new Set(manifest.cases.map((c) => c.format));
    for (const f of ['vroom', 'cvrp', 'solomon', 'scenario', 'readings']) expect(formats.has(f as Format), f).toBe(true);
    for (const c of manifest.cases) expect(c.expect.code !== undefined || c.expect.outcome !== undefined, c.file).toBe(true);
  });

  it('through the library: the expected code, field and problems, or the expected result', async () => {
    const wrong: string[] = [];
    for (const c of manifest.cases) {
      const got = await viaLibrary(c, readFileSync(path(c), 'utf8'));
      const e = c.expect;
      const ok =
        e.code !== undefined
          ? got.kind === 'error' && got.code === e.code && (e.field === undefined || got.field === e.field) && (e.problems === undefined || JSON.stringify(got.problems) === JSON.stringify(e.problems))
          : got.kind === 'ok' &&
            (e.problems === undefined || JSON.stringify(got.problems) === JSON.stringify(e.problems)) &&
            (e.outcome !== 'unassigned' || (JSON.stringify(got.unassigned) === JSON.stringify(e.jobs) && got.reasons.every((r) => r === e.reason))) &&
            (e.outcome !== 'ok' || got.unassigned.length === 0);
      if (!ok) wrong.push(`${c.file}: expected ${JSON.stringify(e)}, got ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('through the CLI (runCli in-process, every file): exit 2 with one coded line per problem, or exit 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'binroute-bad-inputs-'));
    for (const c of manifest.cases) {
      const r: CliRun = { code: null, signal: null, stdout: '', stderr: '' };
      const io = { ...BASE_IO, stdout: (t: string) => void (r.stdout += t), stderr: (t: string) => void (r.stderr += t), stdinIsPiped: () => false };
      r.code = await runCli(cliArgs(c, mkdtempSync(join(out, 'c-'))), io);
      expectCliOutcome(c, r);
    }
  });

  it('through the built command (node dist/cli.js): one error file of each format, and the valid ones', async () => {
    const out = mkdtempSync(join(tmpdir(), 'binroute-bad-inputs-'));
    const seen = new Set<string>();
    const sample = manifest.cases.filter((c) => {
      if (c.expect.outcome) return true;
      if (seen.has(c.format)) return false;
      seen.add(c.format);
      return true;
    });
    expect(sample.length).toBeGreaterThanOrEqual(10);
    const queue = [...sample];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) expectCliOutcome(c, await spawnCli(cliArgs(c, mkdtempSync(join(out, 'c-')))));
    };
    await Promise.all([worker(), worker()]);
  });

  it('10 MB of junk is a coded error in every reader, and on the command line', async () => {
    // printable junk with line breaks (deterministic), so the binary-data check is not what stops it
    let x = 12345;
    const chars = 'abcXYZ019 ,.:;{}[]"\'-_=+\n';
    const parts: string[] = [];
    for (let i = 0; i < 10 * 1024 * 1024; i += 1024) {
      let s = '';
      for (let k = 0; k < 1024; k++) {
        x = (x * 1103515245 + 12345) >>> 0;
        s += chars[x % chars.length];
      }
      parts.push(s);
    }
    const junk = parts.join('');
    const codeOf = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof InputError) return e.code;
        throw e;
      }
      return 'accepted';
    };
    expect(codeOf(() => loadInstance('junk.vrp', junk))).toMatch(/^E2\d{3}$/);
    expect(codeOf(() => loadInstance('junk.json', junk))).toBe('E0005');
    expect(codeOf(() => loadCollectionInstance('solomon', 'junk.txt', junk))).toMatch(/^E3\d{3}$/);
    expect(codeOf(() => loadCollectionInstance('mtvrptwr', 'junk.txt', junk))).toMatch(/^E3\d{3}$/);
    expect(codeOf(() => loadCollectionInstance('kim', 'junk_stop.txt', junk))).toMatch(/^E3\d{3}$/);
    expect(codeOf(() => parseScenario(parseJsonText(junk)))).toBe('E0005');
    expect(codeOf(() => readReadings(junk))).toMatch(/^E5\d{3}$/);
    const dir = mkdtempSync(join(tmpdir(), 'binroute-junk-'));
    writeFileSync(join(dir, 'junk.vrp'), junk);
    const r = await spawnCli(['solve', join(dir, 'junk.vrp'), '--iterations', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^binroute: .*junk\.vrp: .* \[E2\d{3}\]\n$/);
  });
});
