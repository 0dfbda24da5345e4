// `binroute forecast`: readings in, one CSV row per bin out; bad rows are listed on stderr with
// their line and the rest is used; a file with no usable row is exit 2 with one line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/io/parseCsv.js';
import { spawnCli, tmpDirForTests } from './spawnCli.js';

describe('binroute forecast', () => {
  const tmp = tmpDirForTests('binroute-forecast-cli-');

  it('reports every bin of the scenario, with or without readings', async () => {
    const dir = join(tmp(), 'sim');
    const sim = await spawnCli(['simulate', '--scenario', 'fixtures/seongdong/seongdong-200.json', '--start', '2026-11-02', '--days', '4', '--out', dir, '--quiet']);
    expect(sim.code).toBe(0);
    const r = await spawnCli(['forecast', '--readings', join(dir, 'readings.csv'), '--scenario', 'fixtures/seongdong/seongdong-200.json', '--collections', join(dir, 'collections.csv'), '--at', '2026-11-06T10:00:00+09:00']);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows).toHaveLength(201);
    const statuses = new Set(rows.slice(1).map((x) => x[1]));
    expect(statuses.has('ok')).toBe(true);
    expect(statuses.has('no_sensor')).toBe(true);
    for (const x of rows.slice(1)) {
      const [now, at, q10, q90, p] = x.slice(3, 8).map(Number);
      expect(at).toBeGreaterThanOrEqual(now);
      expect(q10).toBeLessThanOrEqual(at);
      expect(q90).toBeGreaterThanOrEqual(at);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(r.stderr).toMatch(/^binroute: 200 bins as of 2026-11-05T23:\d\d:00\+09:00, forecast for 2026-11-06T10:00:00\+09:00/m);
  });

  it('forecast: bad rows are listed with their line, the rest is used; an unusable file is exit 2 with one line', async () => {
    const good = join(tmp(), 'readings.csv');
    writeFileSync(good, 'bin_id,timestamp,fill_percent\nA,2026-11-02T01:00:00+09:00,10\nA,2026-11-02T02:00:00+09:00,NaN\nA,2026-11-02T03:00:00+09:00,12\nB,2026-11-02T03:00:00+09:00,200\n');
    const ok = await spawnCli(['forecast', '--readings', good]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/skipped line 3: fill_percent "NaN" is not a number/);
    expect(ok.stderr).toMatch(/skipped line 5: fill_percent 200 is above 150/);
    expect(ok.stdout.split('\n')[0]).toBe('bin_id,status,basis,fill_now,fill_at,q10_at,q90_at,p_overflow_at,rate_per_day,note');
    expect(ok.stdout).toMatch(/^A,ok,sensor,/m);

    const bad = join(tmp(), 'bad.csv');
    writeFileSync(bad, 'bin_id,timestamp,fill_percent\nA,yesterday,10\nA,2026-11-02T02:00:00+09:00,-1\n');
    const r = await spawnCli(['forecast', '--readings', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // one line for the file, then one per bad row, each with its code
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^binroute: .*bad\.csv: no usable reading in 2 rows \(first: line 2: timestamp "yesterday" is not an ISO 8601 date-time\) \[E5010\]$/);
    expect(lines[1]).toMatch(/^binroute: .*bad\.csv: line 2: timestamp "yesterday" is not an ISO 8601 date-time \[E5003\]$/);
    expect(lines[2]).toMatch(/^binroute: .*bad\.csv: line 3: fill_percent -1 is below 0 \[E5005\]$/);
    });
});
