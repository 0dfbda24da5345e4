// The built package imported as users import it (issue #16): from Node ESM by its name
// (`binroute`, `binroute/worker` through package.json exports, the worker in worker_threads),
// and from a Vite bundle (the worker emitted as its own module-worker asset, no Node module in
// it). The same bundle runs in Chromium in browser.chromium.test.ts.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildConsumerPage, ROOT } from './browser/buildPages.js';

const run = promisify(execFile);

describe('consumers of the built package', () => {
  it('Node ESM: import { solve } from "binroute" and { createSolverWorker } from "binroute/worker"', async () => {
    const project = mkdtempSync(join(tmpdir(), 'binroute-node-consumer-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(ROOT, join(project, 'node_modules', 'binroute'), 'dir');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'node-consumer', private: true, type: 'module' }));
    writeFileSync(
      join(project, 'main.js'),
      `import { readFileSync } from 'node:fs';
import { solve, InputError } from 'binroute';
import { createSolverWorker } from 'binroute/worker';
const problem = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const solver = createSolverWorker();
const inWorker = await solver.solve(problem, { maxIterations: 1000, seed: 5 });
const onMain = await solve(problem, { maxIterations: 1000, seed: 5 });
let error = 'none';
try { await solver.solve({ ...problem, jobs: [{ id: 1, location: 'x' }] }); } catch (e) { error = e instanceof InputError ? 'InputError' : e.name; }
solver.terminate();
console.log(JSON.stringify({ same: JSON.stringify({ ...inWorker, elapsedMs: 0 }) === JSON.stringify({ ...onMain, elapsedMs: 0 }), cost: inWorker.cost, error }));
`,
    );
    const { stdout } = await run(process.execPath, ['main.js', join(ROOT, 'fixtures/vroom/seongsu-cafes.json')], { cwd: project, timeout: 60_000 });
    const out = JSON.parse(stdout) as { same: boolean; cost: number; error: string };
    expect(out.same).toBe(true);
    expect(out.cost).toBeGreaterThan(0);
    expect(out.error).toBe('InputError');
    rmSync(project, { recursive: true, force: true });
  });

  it('the planner page (examples/planner) type-checks against the built declarations', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = await run(process.execPath, [tsc, '-p', join(ROOT, 'examples/planner/tsconfig.json')], { cwd: ROOT, timeout: 120_000 }).catch((e: { stdout: string }) => e);
    expect(r.stdout).toBe('');
  });

  it('a Vite bundle: the worker is its own asset carrying the core, the page’s bundle no Node module', async () => {
    const { project, outDir } = await buildConsumerPage();
    onTestFinished(() => rmSync(project, { recursive: true, force: true }));
    const assets = readdirSync(join(outDir, 'assets'));
    const worker = assets.filter((f) => /^solverWorker-.*\.js$/.test(f));
    expect(worker).toHaveLength(1);
    const workerCode = readFileSync(join(outDir, 'assets', worker[0]), 'utf8');
    expect(workerCode).toMatch(/AGFzbQ/); // base64 of "\0asm": the embedded core
    for (const f of assets.filter((a) => a.endsWith('.js'))) expect(readFileSync(join(outDir, 'assets', f), 'utf8'), f).not.toMatch(/worker_threads|node:os/);
    const page = assets.find((f) => f.startsWith('index-'))!;
    expect(readFileSync(join(outDir, 'assets', page), 'utf8')).toContain(worker[0]); // the page starts the worker by its hashed name
  });
});
