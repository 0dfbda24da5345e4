// The offline report: one self-contained HTML file (no network, no script) with an SVG map of
// every trip and stop, a table row per vehicle and the unassigned bins with their reasons.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/io/parseScenario.js';
import { scenarioToVroom } from '../src/plan/scenarioToVroom.js';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { solveRouting } from '../src/solveRouting.js';
import { toVroom } from '../src/vroom/toVroom.js';
import { routesGeoJson } from '../src/geo/routesGeoJson.js';
import { renderReport } from '../src/report/renderReport.js';

describe('renderReport', () => {
  it('draws every trip and stop, tabulates every vehicle and unassigned bin, and needs no network', async () => {
    const scenario = parseScenario(JSON.parse(readFileSync(new URL('../fixtures/seongdong/seongdong-200.json', import.meta.url), 'utf8')));
    scenario.bins[0].openingHours = [[0, 60]]; // one bin nobody can reach in time
    scenario.bins[1].name = '<script>alert(1)</script> & co'; // must be escaped
    const problem = fromVroom(scenarioToVroom(scenario, { date: '2026-11-23' }));
    const output = toVroom(problem, await solveRouting(problem, { maxIterations: 40, seed: 1 }));
    const routes = routesGeoJson(output);
    const map = JSON.parse(readFileSync(new URL('../fixtures/seongdong/map.geojson', import.meta.url), 'utf8'));
    const html = renderReport({ title: 'Seongdong test', output, routes, map });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    const trips = routes.features.filter((f) => f.properties!.kind === 'trip').length;
    expect(html.match(/<path class="trip"/g)).toHaveLength(trips);
    expect(html.match(/<g class="stop">/g)).toHaveLength(output.routes.reduce((a, r) => a + r.steps.filter((s) => s.type === 'job').length, 0));
    expect(html.match(/<path class="dong"/g)).toHaveLength(17);
    expect(html.match(/<tr><td><span class="swatch"/g)).toHaveLength(output.routes.length);
    expect(output.unassigned.length).toBeGreaterThanOrEqual(1);
    expect(html).toContain(`Unassigned (${output.unassigned.length})`);
    expect(html).toContain('time_window');
  }, 60_000);
});
