// Bench of binroute/worker (issue #16): sizes, start-up, cancel latency, parallel seeds.
//   node scripts/bench-worker.mjs [--seconds 10] [--workers 1,2] [--skip-x] [--out DIR]
// Needs `npm run build` first; the X dev set from ../shared/benchmarks/cvrplib/X; Chromium
// (/usr/bin/chromium) for the browser figures (skipped with a note without it). Writes
// DIR/worker-bench.json and prints Markdown tables (docs/benchmarks.md quotes them).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir, availableParallelism, cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const seconds = Number(opt('seconds', '10'));
const workerCounts = opt('workers', '1,2').split(',').map(Number);
const outDir = opt('out', join(ROOT, 'bench', 'results', `worker-${new Date().toISOString().slice(0, 10)}`));
mkdirSync(outDir, { recursive: true });

const lib = await import(join(ROOT, 'dist/index.js'));
const { createSolverWorker } = await import(join(ROOT, 'dist/worker.node.js'));
const report = {
  date: new Date().toISOString(),
  commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version, loadavgAtStart: loadavg() },
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// 1. sizes: the .wasm builds, raw and gzipped
report.wasm = Object.fromEntries(
  ['release.wasm', 'release-geo.wasm'].map((f) => {
    const bytes = readFileSync(join(ROOT, 'build', f));
    return [f, { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }];
  }),
);

// 2. the JS of a page that imports binroute/worker (Vite production build of a consumer project)
{
  const { build } = await import('vite');
  const project = mkdtempSync(join(tmpdir(), 'binroute-size-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', 'binroute'), 'dir');
  writeFileSync(join(project, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  writeFileSync(join(project, 'main.js'), "import { createSolverWorker } from 'binroute/worker';\nwindow.solver = createSolverWorker();\n");
  await build({ root: project, configFile: false, logLevel: 'error', worker: { format: 'es' }, build: { outDir: join(project, 'dist'), target: 'es2022', chunkSizeWarningLimit: 5000 } });
  const assets = readdirSync(join(project, 'dist', 'assets'));
  const size = (f) => {
    const b = readFileSync(join(project, 'dist', 'assets', f));
    return { file: f, bytes: b.length, gzip: gzipSync(b, { level: 9 }).length };
  };
  report.bundle = { page: assets.filter((f) => f.startsWith('index-')).map(size), worker: assets.filter((f) => f.startsWith('solverWorker-')).map(size) };
}

// 3. instantiation: compile + instantiate the release core from its bytes (Node), fresh each time
{
  const bytes = readFileSync(join(ROOT, 'build', 'release.wasm'));
  const imports = { env: { abort() {}, trace() {}, clock: () => performance.now() } };
  const compile = [];
  const instantiate = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const module = await WebAssembly.compile(bytes);
    const t1 = performance.now();
    await WebAssembly.instantiate(module, imports);
    const t2 = performance.now();
    compile.push(t1 - t0);
    instantiate.push(t2 - t1);
  }
  report.instantiateNode = { compileMs: median(compile), instantiateMs: median(instantiate), firstCompileMs: compile[0] };
  // a worker's start-up: createSolverWorker() to the first (1-iteration) answer
  const vroom = JSON.parse(readFileSync(join(ROOT, 'fixtures/vroom/seongsu-cafes.json'), 'utf8'));
  const starts = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const w = createSolverWorker();
    await w.solve(vroom, { maxIterations: 1 });
    starts.push(performance.now() - t0);
    w.terminate();
  }
  report.workerStartNode = { firstAnswerMs: median(starts) };
}

// 4. cancel latency: abort long solves of the Seongdong days (200 and 846 bins) after 1-3 s; time to the answer
report.cancelNode = [];
for (const file of ['seongdong-200', 'seongdong-846']) {
  const scenario = lib.parseScenario(JSON.parse(readFileSync(join(ROOT, `fixtures/seongdong/${file}.json`), 'utf8')));
  const problem = lib.fromVroom(lib.scenarioToVroom(scenario, { date: '2026-11-23' }));
  const w = createSolverWorker();
  const latencies = [];
  const iterationMs = [];
  for (let i = 0; i < 7; i++) {
    const ctrl = new AbortController();
    const run = w.solve(problem, { timeLimitMs: 60_000, stallIterations: 0, seed: i + 1, signal: ctrl.signal });
    await new Promise((r) => setTimeout(r, 1000 + 300 * i));
    const t0 = performance.now();
    ctrl.abort();
    const sol = await run;
    latencies.push(performance.now() - t0);
    iterationMs.push(sol.elapsedMs / Math.max(1, sol.iterations));
    if (sol.stopReason !== 'aborted') throw new Error(`cancel bench: stopReason ${sol.stopReason}`);
  }
  w.terminate();
  report.cancelNode.push({ problem: `${file} day (${problem.jobs.length} jobs)`, latenciesMs: latencies.map((x) => Math.round(x * 10) / 10), medianMs: median(latencies), maxMs: Math.max(...latencies), meanIterationMs: median(iterationMs) });
}

// 5. browser figures: instantiation and cancel in Chromium
if (existsSync('/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage();
  const b64 = readFileSync(join(ROOT, 'build', 'release.wasm')).toString('base64');
  report.instantiateChromium = await page.evaluate(async (b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const imports = { env: { abort() {}, trace() {}, clock: () => performance.now() } };
    const c = [];
    const n = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const m = await WebAssembly.compile(bytes);
      const t1 = performance.now();
      await WebAssembly.instantiate(m, imports);
      c.push(t1 - t0);
      n.push(performance.now() - t1);
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { compileMs: med(c), instantiateMs: med(n), firstCompileMs: c[0] };
  }, b64);
  // cancel latency in a browser worker: the 846-bin day, aborted after 1-3 s of search
  const { build } = await import('vite');
  const { createServer } = await import('node:http');
  const project = mkdtempSync(join(tmpdir(), 'binroute-cancel-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', 'binroute'), 'dir');
  writeFileSync(join(project, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
  writeFileSync(
    join(project, 'main.js'),
    `import { createSolverWorker } from 'binroute/worker';
window.cancelBench = async (problem, waits) => {
  const solver = createSolverWorker();
  const out = [];
  for (const [i, wait] of waits.entries()) {
    const ctrl = new AbortController();
    const run = solver.solve(problem, { timeLimitMs: 60000, stallIterations: 0, seed: i + 1, signal: ctrl.signal });
    await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    ctrl.abort();
    const sol = await run;
    out.push({ ms: performance.now() - t0, stopReason: sol.stopReason });
  }
  solver.terminate();
  return out;
};
document.body.dataset.ready = '1';
`,
  );
  await build({ root: project, configFile: false, logLevel: 'error', worker: { format: 'es' }, build: { outDir: join(project, 'dist'), target: 'es2022', chunkSizeWarningLimit: 5000 } });
  const server = createServer((req, res) => {
    const path = req.url === '/' ? '/index.html' : req.url.split('?')[0];
    try {
      const body = readFileSync(join(project, 'dist', path));
      res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'text/javascript' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const page2 = await browser.newPage();
  await page2.goto(`http://127.0.0.1:${server.address().port}/`);
  await page2.waitForFunction(() => document.body.dataset.ready === '1');
  const scenario = lib.parseScenario(JSON.parse(readFileSync(join(ROOT, 'fixtures/seongdong/seongdong-846.json'), 'utf8')));
  const vroom846 = lib.scenarioToVroom(scenario, { date: '2026-11-23' });
  const runs = await page2.evaluate(([p, w]) => window.cancelBench(p, w), [vroom846, [1000, 1300, 1600, 1900, 2200, 2500, 2800]]);
  if (runs.some((r) => r.stopReason !== 'aborted')) throw new Error('cancel bench (Chromium): a run was not aborted');
  const ms = runs.map((r) => r.ms);
  report.cancelChromium = { problem: `seongdong-846 day (${vroom846.jobs.length} jobs)`, latenciesMs: ms.map((x) => Math.round(x * 10) / 10), medianMs: median(ms), maxMs: Math.max(...ms) };
  server.close();
  await browser.close();
}

// 6. parallel seeds on the X dev set: workers n at `seconds` s each, gap to the BKS
const xDir = join(ROOT, '..', 'shared', 'benchmarks', 'cvrplib', 'X');
const X_DEV = ['X-n101-k25', 'X-n106-k14', 'X-n125-k30', 'X-n148-k46', 'X-n157-k13', 'X-n181-k23', 'X-n200-k36', 'X-n219-k73', 'X-n251-k28', 'X-n303-k21', 'X-n351-k40', 'X-n401-k29'];
if (!args.includes('--skip-x') && existsSync(xDir)) {
  const solver = createSolverWorker();
  report.parallelSeeds = { seconds, runs: [] };
  for (const name of X_DEV) {
    const inst = lib.parseVrp(readFileSync(join(xDir, `${name}.vrp`), 'utf8'));
    const bks = lib.parseSol(readFileSync(join(xDir, `${name}.sol`), 'utf8')).cost;
    const problem = inst.problem ?? inst;
    for (const n of workerCounts) {
      const sol = await solver.solve(problem, { timeLimitMs: seconds * 1000, stallIterations: 0, seed: 1, workers: n });
      const gap = (100 * (sol.cost - bks)) / bks;
      report.parallelSeeds.runs.push({ instance: name, workers: n, bks, cost: sol.cost, gap, seed: sol.seed, iterations: sol.iterations });
      console.error(`${name} workers=${n}: cost ${sol.cost} (BKS ${bks}, gap ${gap.toFixed(2)} %, best seed ${sol.seed})`);
    }
  }
  solver.terminate();
}
report.machine.loadavgAtEnd = loadavg();
writeFileSync(join(outDir, 'worker-bench.json'), `${JSON.stringify(report, null, 2)}\n`);

// the tables
const lines = [];
lines.push('| figure | value | target |', '|---|---|---|');
for (const [f, s] of Object.entries(report.wasm)) lines.push(`| \`${f}\` | ${kb(s.bytes)} (gzip ${kb(s.gzip)}) | ≤ 150 KB gzipped |`);
for (const s of report.bundle.page) lines.push(`| page JS importing \`binroute/worker\` (${s.file}) | ${kb(s.bytes)} (gzip ${kb(s.gzip)}) | — |`);
for (const s of report.bundle.worker) lines.push(`| its worker (${s.file}, embeds both cores) | ${kb(s.bytes)} (gzip ${kb(s.gzip)}) | — |`);
lines.push(`| compile + instantiate, Node (median of 15) | ${report.instantiateNode.compileMs.toFixed(1)} + ${report.instantiateNode.instantiateMs.toFixed(2)} ms (first compile ${report.instantiateNode.firstCompileMs.toFixed(1)} ms) | ≤ 50 ms |`);
if (report.instantiateChromium) lines.push(`| compile + instantiate, Chromium (median of 15) | ${report.instantiateChromium.compileMs.toFixed(1)} + ${report.instantiateChromium.instantiateMs.toFixed(2)} ms (first compile ${report.instantiateChromium.firstCompileMs.toFixed(1)} ms) | ≤ 50 ms |`);
if (report.cancelChromium) lines.push(`| cancel → answer, Chromium worker, ${report.cancelChromium.problem}, 7 runs | median ${report.cancelChromium.medianMs.toFixed(0)} ms, max ${report.cancelChromium.maxMs.toFixed(0)} ms | ≤ 100 ms |`);
lines.push(`| worker start to first answer, Node (median of 5) | ${report.workerStartNode.firstAnswerMs.toFixed(0)} ms | — |`);
for (const c of report.cancelNode) lines.push(`| cancel → answer, Node worker, ${c.problem}, 7 runs (mean iteration ${c.meanIterationMs.toFixed(1)} ms) | median ${c.medianMs.toFixed(0)} ms, max ${c.maxMs.toFixed(0)} ms | ≤ 100 ms |`);
console.log(lines.join('\n'));
if (report.parallelSeeds) {
  const rows = ['', `| instance | BKS | ${workerCounts.map((n) => `${n} worker${n > 1 ? 's' : ''}: cost (gap %)`).join(' | ')} |`, `|---|---|${workerCounts.map(() => '---').join('|')}|`];
  for (const name of X_DEV) {
    const rs = report.parallelSeeds.runs.filter((r) => r.instance === name);
    if (rs.length) rows.push(`| ${name} | ${rs[0].bks} | ${rs.map((r) => `${r.cost} (${r.gap.toFixed(2)})`).join(' | ')} |`);
  }
  const avg = (n) => {
    const g = report.parallelSeeds.runs.filter((r) => r.workers === n).map((r) => r.gap);
    return g.reduce((a, b) => a + b, 0) / g.length;
  };
  rows.push(`| **average gap** | | ${workerCounts.map((n) => `**${avg(n).toFixed(3)} %**`).join(' | ')} |`);
  console.log(rows.join('\n'));
}
