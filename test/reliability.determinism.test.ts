// Determinism (#17): the same input, seed and iteration budget give byte-identical output, in
// one process and across processes (the CLI). Reordering the jobs is a different input: the plan
// stays valid (every job once) and may differ; docs/reliability.md says what changes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromVroom } from '../src/vroom/fromVroom.js';
import { toVroom } from '../src/vroom/toVroom.js';
import { solveRouting } from '../src/solveRouting.js';
import { spawnCli } from './spawnCli.js';

const CAFES = new URL('../fixtures/vroom/reload-hub.json', import.meta.url);
const json = JSON.parse(readFileSync(CAFES, 'utf8'));

/** VROOM output without the timing, as the CLI writes it. */
async function output(input: unknown, seed: number): Promise<string> {
  const problem = fromVroom(input);
  const { summary, ...rest } = toVroom(problem, await solveRouting(problem, { maxIterations: 500, seed }));
  const { computing_times: _t, ...kept } = summary as typeof summary & { computing_times?: unknown };
  void _t;
  return JSON.stringify({ ...rest, summary: kept });
}

describe('determinism', () => {
  it('same input, seed and iterations: byte-identical output in one process', async () => {
    const a = await output(json, 3);
    expect(await output(json, 3)).toBe(a);
    expect(await output(structuredClone(json), 3)).toBe(a);
  });

  it('and across processes (binroute solve twice)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'binroute-det-'));
    for (const f of ['a.json', 'b.json']) {
      const r = await spawnCli(['solve', CAFES.pathname, '--iterations', '500', '--seed', '3', '--output', join(dir, f), '--quiet']);
      expect(r.code).toBe(0);
    }
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
  });

  it('reordered jobs: a different input, still every job once with the same ids', async () => {
    const reversed = { ...json, jobs: [...json.jobs].reverse() };
    const out = JSON.parse(await output(reversed, 3));
    const ids = [...out.routes.flatMap((r: { steps: { type: string; id?: number }[] }) => r.steps.filter((s) => s.type === 'job').map((s) => s.id)), ...out.unassigned.map((u: { id: number }) => u.id)];
    expect(ids.sort((a: number, b: number) => a - b)).toEqual(json.jobs.map((j: { id: number }) => j.id).sort((a: number, b: number) => a - b));
  });
});
