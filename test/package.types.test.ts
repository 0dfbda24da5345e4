// The published types: no internal arrays (BigInt64Array needs ES2020 libs: TS2583 for users on
// older targets), and a consumer compiles against dist/index.d.ts with an ES2017 lib.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dts = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url));

describe('published types', () => {
  it('dist/index.d.ts exposes no BigInt64Array, bigint or core internals', () => {
    const text = readFileSync(dts, 'utf8');
    expect(text).not.toMatch(/BigInt64Array|\bbigint\b/);
    expect(text).not.toMatch(/CoreInput|encodeRouting|jMiss/);
  });

  it('a consumer type-checks with lib es2017', () => {
    const dir = mkdtempSync(join(tmpdir(), 'binroute-consumer-'));
    const file = join(dir, 'consumer.ts');
    writeFileSync(
      file,
      `import { solve, fromVroom, toVroom, type RoutingSolution, type Progress } from ${JSON.stringify(dts.replace(/\.d\.ts$/, '.js'))};\n` +
        `export async function run(json: unknown): Promise<number> {\n` +
        `  const p = fromVroom(json);\n` +
        `  const s: RoutingSolution = await solve(p, { maxIterations: 10, onProgress: (x: Progress) => void x.unassigned });\n` +
        `  return toVroom(p, s).summary.cost + s.routes[0].schedule.steps[0].arrival;\n` +
        `}\n`,
    );
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2017,
      lib: ['lib.es2017.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      types: [],
      skipLibCheck: false,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });
});
