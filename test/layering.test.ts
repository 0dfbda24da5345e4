// The floors of the code base: the library (src/) stands alone; the bench (bench/) stands on the
// library; the CLI (cli/) stands on both. An import that goes a floor up fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every `.ts` file below `dir`, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * The module specifiers of `source`: static `import … from`, `export … from`, side-effect
 * `import '…'` and dynamic `import('…')`.
 */
function importSpecifiers(source: string): string[] {
  const re = /\b(?:import|export)\s[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The top-level folder a relative import of `file` lands in (`src`, `bench`, …), or `null` for a package import. */
function targetFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(file), spec)).split(sep)[0];
}

/** `file: spec` for every relative import of the `.ts` files of `folder` that lands in one of `forbidden`. */
function importsInto(folder: string, forbidden: string[]): string[] {
  return tsFiles(join(ROOT, folder)).flatMap((file) =>
    importSpecifiers(readFileSync(file, 'utf8'))
      .filter((spec) => forbidden.includes(targetFolder(file, spec) ?? ''))
      .map((spec) => `${relative(ROOT, file)}: ${spec}`),
  );
}

describe('layering', () => {
  it('the import scanner sees every form of import', () => {
    const src = [
      "import { a } from '../../bench/x.js';",
      "import type { B } from '../cli/y.js';",
      "export { c } from '../../test/z.js';",
      "export * from './w.js';",
      "import '../side.js';",
      "const m = await import('../dyn.js');",
      'import {\n  d,\n  e,\n} from "./multi.js";',
    ].join('\n');
    expect(importSpecifiers(src)).toEqual(['../../bench/x.js', '../cli/y.js', '../../test/z.js', './w.js', '../side.js', '../dyn.js', './multi.js']);
    const file = join(ROOT, 'src', 'io', 'formats.ts');
    expect(targetFolder(file, '../../bench/collectionBench.js')).toBe('bench');
    expect(targetFolder(file, '../errors.js')).toBe('src');
    expect(targetFolder(file, 'node:fs')).toBeNull();
  });

  it('the library (src/) never imports bench/, cli/, test/ or scripts/', () => {
    expect(tsFiles(join(ROOT, 'src')).length).toBeGreaterThan(20);
    expect(importsInto('src', ['bench', 'cli', 'test', 'scripts'])).toEqual([]);
  });

  it('the bench (bench/) never imports cli/ or test/', () => {
    expect(tsFiles(join(ROOT, 'bench')).length).toBeGreaterThan(3);
    expect(importsInto('bench', ['cli', 'test'])).toEqual([]);
  });
});
