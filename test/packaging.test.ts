// What `npm pack` ships (issue #12, finding 7): the bundles, every file the README's command
// lines use, and no install-time script. Reads the current dist/ (npm test builds it first).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './spawnCli.js';

/** Where an installed package lives in the user's project; README paths under it are package paths. */
const INSTALLED = 'node_modules/binroute/';

/** The `binroute …` / `npx binroute …` command lines of a Markdown text: inline code spans and code-block lines. */
function commandLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].flatMap((m) => m[1].split('\n'));
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...blocks, ...spans].flatMap((text) => [...text.matchAll(/\b(?:npx\s+)?binroute\s+(?:solve|bench)\b[^|>&#\n]*/g)].map((m) => m[0].trim()));
}

/**
 * The file paths a command line reads: its arguments that look like paths (a `/` or a file
 * extension), including a `< file` redirection, but not the value of `-o`/`--output`.
 */
function inputPaths(command: string): string[] {
  const tokens = command.split(/\s+/);
  return tokens.filter(
    (t, i) => /^[\w./-]+$/.test(t) && /\/|\.[a-z]+$/i.test(t) && !['-o', '--output'].includes(tokens[i - 1] ?? '') && !/^-/.test(t),
  );
}

/** The paths `npm pack` would put in the tarball (without running prepack: the test reads the current dist/). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

describe('packaging', () => {
  it('the command-line scanner finds commands and their input files', () => {
    const md = 'Run `npx binroute solve a/b.json -o out.json --iterations 20`.\n\n```sh\nbinroute solve - < c.vrp  # stdin\nnpm ci\n```\n';
    expect(commandLines(md)).toEqual(['binroute solve - < c.vrp', 'npx binroute solve a/b.json -o out.json --iterations 20']);
    expect(commandLines(md).flatMap(inputPaths)).toEqual(['c.vrp', 'a/b.json']);
  });

  it('ships the bundles and every file the README runs binroute on', () => {
    const files = new Set(packedFiles());
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'package.json', 'README.md']) expect(files, f).toContain(f);
    // binroute/worker: its clients, the worker scripts they start, and every chunk they import
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> };
    expect(pkg.exports['./worker']).toEqual({ types: './dist/worker.d.ts', node: './dist/worker.node.js', default: './dist/worker.js' });
    const needed = ['dist/worker.js', 'dist/worker.node.js', 'dist/worker.d.ts', 'dist/solverWorker.js', 'dist/solverWorker.node.js'];
    for (let i = 0; i < needed.length; i++) {
      expect(files, needed[i]).toContain(needed[i]);
      if (!needed[i].endsWith('.js')) continue;
      const code = readFileSync(join(ROOT, needed[i]), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+)["']|new URL\(["'](\.\/[^"']+)["']/g)) {
        const dep = `dist/${(m[1] ?? m[2]).slice(2)}`;
        if (!needed.includes(dep)) needed.push(dep);
      }
    }
    expect(needed.length).toBeGreaterThan(5); // the scan did find the chunks
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const paths = commandLines(readme).flatMap(inputPaths);
    expect(paths).toContain('fixtures/vroom/seongsu-cafes.json'); // the scanner did find the README's examples
    expect(paths).toContain(`${INSTALLED}fixtures/vroom/seongsu-cafes.json`);
    const missing = [...new Set(paths.map((p) => (p.startsWith(INSTALLED) ? p.slice(INSTALLED.length) : p)))].filter((p) => !files.has(p));
    expect(missing, 'README paths that npm pack leaves out (add them to package.json "files")').toEqual([]);
  });

  it('has no script that runs when the package is installed', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts, s).not.toHaveProperty(s);
    expect(scripts.prepack).toMatch(/npm run build/);
  });
});
