// `binroute bench --suite matrix`: per scenario, provider and profile the build time, size,
// far connectors and distance ratios, in a table and a JSON report with the machine.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './spawnCli.js';

describe('binroute bench --suite matrix', () => {
  it('times each provider and profile of seongdong-200 and writes a JSON report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'binroute-bench-matrix-'));
    const r = await spawnCli(['bench', '--suite', 'matrix', '--instances', 'seongdong-200', '--runs', '2', '--out-dir', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seongdong-200\s+road\s+bike\s+204\s+41616\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+15\s+0\s+[\d.]+/);
    expect(r.stdout).toMatch(/seongdong-200\s+haversine\s+truck\s+204\s+41616\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+-\s+0\s+1\.30\s+1\.30/);
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^matrix-.*Z\.json$/);
    const report = JSON.parse(readFileSync(join(out, files[0]), 'utf8'));
    expect(report.format).toBe('binroute-bench-matrix/1');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.runs.map((x: { provider: string; profile: string }) => `${x.provider} ${x.profile}`)).toEqual(['road bike', 'road truck', 'haversine bike', 'haversine truck']);
    for (const run of report.runs) {
      expect(run).toMatchObject({ scenario: 'seongdong-200', places: 204, cells: 204 * 204, builds: 2, unreachable: 0 });
      expect(run.minS).toBeLessThanOrEqual(run.medianS);
      expect(run.medianS).toBeLessThanOrEqual(run.maxS);
    }
    // road distances are longer than the straight line; haversine's are its 1.3 detour
    const road = report.runs.find((x: { provider: string }) => x.provider === 'road');
    expect(road.distanceRatio).toBeGreaterThan(1.3);
    expect(road.farConnectors).toBe(15);
    expect(report.runs.at(-1).distanceRatio).toBeCloseTo(1.3, 3);
  });

  it('an unknown scenario is one error line, exit 2', async () => {
    const r = await spawnCli(['bench', '--suite', 'matrix', '--instances', 'seongdong-9', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--instances: "seongdong-9" is not a scenario of the matrix suite/);
  });
});
