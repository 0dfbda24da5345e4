// Stable error codes (#17): docs/errors.md lists exactly the codes of ERROR_CODES, every InputError
// the library and the CLI build carries a code, and several problems are reported at once up to
// the cap.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../src/errorCodes.js';
import { InputError, MAX_REPORTED_PROBLEMS, ProblemCollector } from '../src/errors.js';
import { fromVroom } from '../src/vroom/fromVroom.js';

const ROOT = new URL('..', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The argument text of every `new InputError(…)` call in `text` (parentheses balanced outside string literals). */
function inputErrorCalls(text: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf('new InputError('); at >= 0; at = text.indexOf('new InputError(', at + 1)) {
    let depth = 0;
    let i = at + 'new InputError'.length;
    let quote = '';
    for (; i < text.length; i++) {
      const ch = text[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = '';
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) break;
    }
    out.push(text.slice(at, i + 1));
  }
  return out;
}

describe('error codes', () => {
  it('docs/errors.md lists every code, and only those', () => {
    const doc = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `(E\d{4})` \|/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  it('every InputError built in src/ and cli/ has a code', () => {
    const missing: string[] = [];
    let calls = 0;
    for (const f of [...files('src'), ...files('cli')]) {
      for (const call of inputErrorCalls(readFileSync(join(ROOT, f), 'utf8'))) {
        calls++;
        if (!/\bcode\b/.test(call)) missing.push(`${f}: ${call.slice(0, 80)}`);
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('an error without a code is E0009, and keeps its file and field', () => {
    const e = new InputError('x: bad', 'f.json', 'x');
    expect([e.code, e.file, e.field, e.message]).toEqual(['E0009', 'f.json', 'x', 'f.json: x: bad']);
    expect(e.problems).toHaveLength(1);
  });

  it('several problems are reported at once, up to the cap', () => {
    const c = new ProblemCollector();
    for (let i = 0; i < 30; i++) c.attempt(() => {
      throw new InputError(`jobs[${i}].id: missing id`, { code: 'E1005', field: `jobs[${i}].id` });
    });
    const e = (() => {
      try {
        c.throwIfAny();
      } catch (x) {
        return x as InputError;
      }
      throw new Error('no error');
    })();
    expect(e.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(e.more).toBe(30 - MAX_REPORTED_PROBLEMS);
    expect(e.message.split('\n')).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(e.message.split('\n').at(-1)).toBe('… and 10 more problems');
    expect(e.field).toBe('jobs[0].id');
  });

  it('fromVroom reports a bad vehicle and every bad job in one error', () => {
    const json = {
      vehicles: [{ id: 1, start: [127, 37.5], speed_factor: 0 }],
      jobs: [{ id: 1, location: [127, 37.6], service: -1 }, { id: 2, location: [127, 37.6] }, { location: [127, 37.7], priority: 'high' }],
    };
    try {
      fromVroom(json);
      expect.unreachable();
    } catch (e) {
      const err = e as InputError;
      expect(err.problems.map((p) => [p.code, p.field, p.value])).toEqual([
        ['E1004', 'vehicles[0].speed_factor', 0],
        ['E1003', 'jobs[0].service', -1],
        ['E1005', 'jobs[2].id', undefined],
      ]);
    }
  });

  it('a non-InputError inside a collected part is not swallowed', () => {
    const c = new ProblemCollector();
    expect(() => c.attempt(() => {
      throw new TypeError('bug');
    })).toThrow(TypeError);
  });
});
