// The planner page: plans a day in a worker (binroute/worker) while the page stays responsive,
// then shows the route map (the report's SVG renderer), the vehicles, the unassigned bins with
// their reasons and the Korean turn-by-turn list of one vehicle.
// URL parameters (for links and the browser tests): ?iterations=N (an iteration budget instead
// of the time limit: deterministic), seed=S, seconds=T, matrix=road|haversine, run=1 (plan at once).
import {
  parseScenario,
  readReadings,
  simulateReadings,
  fromVroom,
  toVroom,
  routesGeoJson,
  renderReport,
  type CheckedReadings,
  type Plan,
  type Progress,
  type RoutingSolution,
  type Scenario,
  type VroomInput,
  type VroomOutput,
} from 'binroute';
import { createSolverWorker } from 'binroute/worker';
import embeddedScenario from '../../fixtures/seongdong/seongdong-200.json';
import embeddedMapText from '../../fixtures/seongdong/map.geojson?raw';

type Source = { kind: 'scenario'; scenario: Scenario; readings?: CheckedReadings; label: string } | { kind: 'vroom'; json: VroomInput; label: string };

/** What the page shows, for the browser tests (window.planner). */
interface PlannerState {
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  error?: string;
  /** The last result, as data: a scenario's Plan parts, or a VROOM solve's output. */
  result?: { kind: 'scenario'; routes: Plan['routes']; unassigned: Plan['unassigned']; skipped: Plan['skipped']; kpis: Plan['kpis']; output: VroomOutput; instructions: string; report: string; iterations: number; stopReason: string } | { kind: 'vroom'; output: VroomOutput; iterations: number; stopReason: string };
  progressReports: number;
  /** performance.now() when the worker call started and when its answer arrived. */
  solveStartedAt?: number;
  solveEndedAt?: number;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const map = JSON.parse(embeddedMapText);
const solver = createSolverWorker();
const page: PlannerState = { state: 'idle', progressReports: 0 };
(window as unknown as { planner: PlannerState }).planner = page;

let source: Source = { kind: 'scenario', scenario: parseScenario(embeddedScenario), label: 'Seongdong-gu, Seoul — the embedded scenario (200 café bins).' };
let running: AbortController | undefined;

if (params.has('seed')) $<HTMLInputElement>('seed').value = params.get('seed')!;
if (params.has('seconds')) $<HTMLInputElement>('seconds').value = params.get('seconds')!;

function showError(message: string): void {
  const box = $('error');
  box.textContent = message;
  box.classList.add('shown');
  page.state = 'error';
  page.error = message;
}

function clearError(): void {
  $('error').classList.remove('shown');
  $('error').textContent = '';
  page.error = undefined;
}

/** Reads an uploaded file as a VROOM problem, a scenario, or sensor readings for the scenario. */
async function loadFile(file: File): Promise<void> {
  clearError();
  const text = await file.text();
  const head = text.replace(/^\uFEFF/, '').trimStart()[0];
  let json: unknown;
  if (head === '{') {
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`${file.name}: not valid JSON (${(e as Error).message})`);
    }
    const o = json as Record<string, unknown>;
    if (typeof o.format === 'string' && o.format.startsWith('binroute-scenario')) {
      source = { kind: 'scenario', scenario: parseScenario(json), label: `${file.name}: scenario` };
    } else if (Array.isArray(o.vehicles) && ('jobs' in o || 'shipments' in o)) {
      fromVroom(json); // checks every field now, so a bad file is reported before planning
      source = { kind: 'vroom', json: json as VroomInput, label: `${file.name}: VROOM problem` };
    } else {
      throw new Error(`${file.name}: neither a VROOM problem (jobs and vehicles) nor a binroute scenario (format "binroute-scenario/1")`);
    }
  } else {
    if (source.kind !== 'scenario') throw new Error(`${file.name}: readings need a scenario; load one first (or reload the page for the embedded one)`);
    const readings = readReadings(text, { file: file.name, binIds: source.scenario.bins.map((b) => b.id) });
    if (readings.readings.length === 0) throw new Error(`${file.name}: no usable reading (${readings.problems.length} rows left out${readings.problems[0] ? `, e.g. ${readings.problems[0].message}` : ''})`);
    source = { ...source, readings, label: `${source.label.replace(/ \+ readings.*$/, '')} + readings from ${file.name} (${readings.readings.length} rows)` };
  }
  $('source').textContent = source.label;
}

function budget(onProgress: (p: Progress) => void, signal: AbortSignal) {
  const seed = Number($<HTMLInputElement>('seed').value) || 0;
  const iterations = params.get('iterations');
  const seconds = Math.max(0.1, Number($<HTMLInputElement>('seconds').value) || 5);
  return iterations !== null ? { seed, maxIterations: Number(iterations), signal, onProgress } : { seed, timeLimitMs: seconds * 1000, signal, onProgress };
}

function row(cells: (string | number)[], swatch?: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  cells.forEach((c, i) => {
    const td = document.createElement('td');
    if (i === 0 && swatch) {
      const s = document.createElement('span');
      s.className = 'swatch';
      s.style.background = swatch;
      td.append(s);
    }
    td.append(String(c));
    if (typeof c === 'string' && i > 0) td.className = 'text';
    tr.append(td);
  });
  return tr;
}

/** The SVG map of a rendered report (the same renderer as report.html), placed in the page. */
function showMap(reportHtml: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(reportHtml, 'text/html');
  const svg = doc.querySelector('svg');
  $('map').replaceChildren(...(svg ? [document.importNode(svg, true)] : []));
  // each vehicle's colour, from the report's own table
  const colours = new Map<string, string>();
  for (const tr of doc.querySelectorAll('tbody tr')) {
    const sw = tr.querySelector<HTMLElement>('.swatch');
    if (sw) colours.set(tr.children[0].textContent?.trim() ?? '', sw.style.background);
  }
  return colours;
}

function showTurns(blocks: Map<string, string>): void {
  const select = $<HTMLSelectElement>('vehicle');
  select.replaceChildren(...[...blocks.keys()].map((v) => Object.assign(document.createElement('option'), { value: v, textContent: v })));
  const show = () => ($('turns').textContent = blocks.get(select.value) ?? '');
  select.onchange = show;
  show();
}

function showPlan(plan: Plan): void {
  const colours = showMap(plan.details.report);
  const k = plan.kpis;
  $('kpis').textContent = `${plan.date}: ${plan.routes.length} routes, ${k.pickups} pickups, ${k.km.toFixed(1)} km, ${k.drivingHours.toFixed(2)} driving h, ${Math.round(k.kgCollected)} kg, mean fill at pickup ${k.meanFillAtPickup.toFixed(0)} %, ${plan.skipped.length} bins skipped (not due), ${plan.unassigned.length} unassigned.`;
  $('vehicles').querySelector('tbody')!.replaceChildren(
    ...plan.routes.map((r, i) => {
      const vehicleNo = plan.details.output.routes[i]?.vehicle;
      const colour = colours.get(String(vehicleNo)) ?? '#888';
      return row([r.vehicle, r.stops.length, r.unloads, r.km.toFixed(1), Math.round(r.stops.reduce((a, s) => a + s.kg, 0))], colour);
    }),
  );
  $('unassigned-count').textContent = `(${plan.unassigned.length})`;
  $('unassigned').querySelector('tbody')!.replaceChildren(...plan.unassigned.map((u) => row([u.binId, u.reason, u.detail ?? ''])));
  const blocks = new Map<string, string>();
  for (const block of plan.details.instructions.split('\n\n')) {
    const [title, ...rest] = block.split('\n');
    if (title.trim()) blocks.set(title.trim(), rest.join('\n'));
  }
  showTurns(blocks);
  $('result').hidden = false;
}

function showVroom(problem: VroomInput, sol: RoutingSolution): VroomOutput {
  const normal = fromVroom(problem);
  const output = toVroom(normal, sol);
  const routes = routesGeoJson(output);
  const colours = showMap(renderReport({ title: source.label, output, routes }));
  $('kpis').textContent = `${output.routes.length} routes, ${output.routes.reduce((a, r) => a + r.steps.filter((s) => s.type === 'job').length, 0)} jobs served, cost ${output.summary.cost}, ${output.unassigned.length} unassigned.`;
  $('vehicles').querySelector('tbody')!.replaceChildren(
    ...output.routes.map((r) => row([r.description ?? String(r.vehicle), r.steps.filter((s) => s.type === 'job').length, r.steps.filter((s) => s.type === 'reload').length, (r.distance / 1000).toFixed(1), r.pickup?.[0] ?? 0], colours.get(String(r.vehicle)))),
  );
  $('unassigned-count').textContent = `(${output.unassigned.length})`;
  $('unassigned').querySelector('tbody')!.replaceChildren(...output.unassigned.map((u) => row([u.description ?? String(u.id), u.reason ?? '', u.detail ?? ''])));
  showTurns(new Map([['(turn-by-turn needs a scenario with a road map)', '']]));
  $('result').hidden = false;
  return output;
}

async function run(): Promise<void> {
  clearError();
  running = new AbortController();
  const { signal } = running;
  $<HTMLButtonElement>('plan').disabled = true;
  $<HTMLButtonElement>('cancel').disabled = false;
  page.state = 'running';
  page.progressReports = 0;
  const bar = $<HTMLProgressElement>('progress');
  bar.value = 0;
  $('best').textContent = 'planning…';
  const iterations = Number(params.get('iterations')) || 0;
  const seconds = Math.max(0.1, Number($<HTMLInputElement>('seconds').value) || 5);
  const onProgress = (p: Progress) => {
    page.progressReports++;
    bar.value = iterations ? p.iteration / iterations : Math.min(1, p.elapsedMs / (seconds * 1000));
    $('best').textContent = `best cost so far ${Math.round(p.bestCost).toLocaleString('en')}${p.unassigned ? `, ${p.unassigned} unassigned` : ''} (iteration ${p.iteration})`;
  };
  try {
    if (source.kind === 'scenario') {
      const { scenario } = source;
      const date = $<HTMLInputElement>('date').value || '2026-11-23';
      // no readings loaded: two weeks of simulated ones (seed 1), so the forecast has data
      const start = new Date(Date.parse(`${date}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
      const readings = source.readings ?? simulateReadings(scenario.bins, { start, days: 14, seed: 1 }).readings;
      if (!source.readings) $('source').textContent = `${source.label} Sensor readings: simulated (14 days to ${date}, seed 1); load a readings file to plan from real ones.`;
      page.solveStartedAt = performance.now();
      const plan = await solver.plan(
        { bins: scenario.bins, readings, depots: scenario.depots, hubs: scenario.hubs, vehicles: scenario.fleet, date, densityKgPerLitre: scenario.densityKgPerLitre, name: scenario.name },
        { map, matrix: (params.get('matrix') as 'road' | 'haversine' | null) ?? 'road', solve: budget(onProgress, signal) },
      );
      page.solveEndedAt = performance.now();
      showPlan(plan);
      const sol = plan.details.solution;
      page.result = { kind: 'scenario', routes: plan.routes, unassigned: plan.unassigned, skipped: plan.skipped, kpis: plan.kpis, output: plan.details.output, instructions: plan.details.instructions, report: plan.details.report, iterations: sol.iterations, stopReason: sol.stopReason };
    } else {
      page.solveStartedAt = performance.now();
      const sol = await solver.solve(source.json, budget(onProgress, signal));
      page.solveEndedAt = performance.now();
      const output = showVroom(source.json, sol);
      page.result = { kind: 'vroom', output, iterations: sol.iterations, stopReason: sol.stopReason };
    }
    const stop = page.result.stopReason;
    bar.value = 1;
    const why: Record<string, string> = { iterations: 'iteration budget used', time_limit: 'time limit reached', converged: 'no better plan found for a while', aborted: 'cancelled' };
    $('best').textContent = `${stop === 'aborted' ? 'cancelled: showing the best plan found so far' : 'done'} — ${page.result.iterations.toLocaleString('en')} iterations, ${why[stop] ?? stop}`;
    page.state = stop === 'aborted' ? 'cancelled' : 'done';
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
    $('best').textContent = '';
  } finally {
    $<HTMLButtonElement>('plan').disabled = false;
    $<HTMLButtonElement>('cancel').disabled = true;
    running = undefined;
  }
}

$('plan').addEventListener('click', () => void run());
$('cancel').addEventListener('click', () => running?.abort());
$<HTMLInputElement>('file').addEventListener('change', async (ev) => {
  const file = (ev.target as HTMLInputElement).files?.[0];
  if (!file) return;
  try {
    await loadFile(file);
    page.state = 'idle';
  } catch (e) {
    showError(e instanceof Error ? e.message : String(e));
  }
});
window.addEventListener('error', (ev) => showError(`unexpected error: ${ev.message}`));
window.addEventListener('unhandledrejection', (ev) => showError(`unexpected error: ${ev.reason instanceof Error ? ev.reason.message : String(ev.reason)}`));

if (params.get('run') === '1') void run();
