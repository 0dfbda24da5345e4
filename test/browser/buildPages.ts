// Builds the pages the browser tests load, with Vite's API (about a second each): the planner
// page (examples/planner) and a consumer page, a fresh project that installed binroute (a
// symlink in its node_modules) and imports `binroute` and `binroute/worker` as a user would.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds examples/planner into a temporary folder and returns it.
 *
 * @example
 * ```ts
 * const dir = await buildPlannerPage(); // dir/index.html, dir/assets/…
 * ```
 */
export async function buildPlannerPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'binroute-planner-'));
  await build({ configFile: join(ROOT, 'examples/planner/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** The consumer page's script: a solve in a worker and one on the main thread, as JSON. */
const CONSUMER_MAIN = `
import { solve, fromVroom, InputError } from 'binroute';
import { createSolverWorker } from 'binroute/worker';

window.consumer = {
  async run(problem, options) {
    const solver = createSolverWorker();
    try {
      const inWorker = await solver.solve(problem, options);
      const onMain = await solve(problem, options);
      let field;
      try { await solver.solve({ ...problem, vehicles: 'x' }, options); } catch (e) { field = e instanceof InputError ? 'InputError' : e.name; }
      return { inWorker: JSON.stringify({ ...inWorker, elapsedMs: 0 }), onMain: JSON.stringify({ ...onMain, elapsedMs: 0 }), jobs: fromVroom(problem).jobs.length, error: field, stats: await solver.stats() };
    } finally {
      solver.terminate();
    }
  },
  async soak(problem, n) {
    const solver = createSolverWorker();
    try {
      const at = [];
      for (let i = 0; i < n; i++) {
        await solver.solve(problem, { maxIterations: 20, seed: i + 1 });
        if (i === 19 || i === n - 1) at.push((await solver.stats())[0]);
      }
      return at;
    } finally {
      solver.terminate();
    }
  },
};
document.body.dataset.ready = '1';
`;

/**
 * Makes a consumer project (package.json, index.html, main.js, node_modules/binroute → this
 * repository), builds it with Vite, and returns the project and its build folder.
 *
 * @example
 * ```ts
 * const { outDir } = await buildConsumerPage(); // outDir/index.html loads window.consumer
 * ```
 */
export async function buildConsumerPage(): Promise<{ project: string; outDir: string }> {
  const project = mkdtempSync(join(tmpdir(), 'binroute-vite-consumer-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', 'binroute'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { binroute: '*' } }));
  writeFileSync(join(project, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="./main.js"></script></body></html>');
  writeFileSync(join(project, 'main.js'), CONSUMER_MAIN);
  const outDir = join(project, 'dist');
  await build({ root: project, configFile: false, logLevel: 'error', worker: { format: 'es' }, build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 } });
  return { project, outDir };
}

/** The VROOM example the browser and Node runs share. */
export const SEONGSU = JSON.parse(readFileSync(join(ROOT, 'fixtures/vroom/seongsu-cafes.json'), 'utf8'));
