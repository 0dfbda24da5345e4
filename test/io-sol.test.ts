import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseSol, writeSol } from '../src/io/index.js';

describe('writeSol', () => {
  it('writes the CVRPLIB format with a trailing newline', () => {
    expect(writeSol({ routes: [[3, 7, 9], [1], [2, 4]], cost: 27591 })).toBe(
      'Route #1: 3 7 9\nRoute #2: 1\nRoute #3: 2 4\nCost 27591\n',
    );
    expect(writeSol({ routes: [], cost: 0 })).toBe('Cost 0\n');
    expect(writeSol({ routes: [Int32Array.from([5, 6])], cost: 12.5 })).toBe('Route #1: 5 6\nCost 12.5\n');
  });

  it('rejects what CVRPLIB cannot express', () => {
    expect(() => writeSol({ routes: [[0, 1]], cost: 1 })).toThrow(/routes\[0\]\[0\] must be a customer index ≥ 1, got 0/);
    expect(() => writeSol({ routes: [[1.5]], cost: 1 })).toThrow(InputError);
    expect(() => writeSol({ routes: [[1]], cost: NaN })).toThrow(/cost must be a finite number/);
    expect(() => writeSol({ routes: 'x' as unknown as number[][], cost: 1 })).toThrow(/routes must be an array/);
  });
});

describe('parseSol', () => {
  it('reads routes and cost from CVRPLIB text (CRLF, tabs, extra spaces, Time line)', () => {
    const text = 'Route #1: 14 28 11\r\nRoute #2 :\t30  16 1 \r\n\r\nRoute#3: 2\nCost 784\nTime 1.25\n';
    expect(parseSol(text)).toEqual({ routes: [[14, 28, 11], [30, 16, 1], [2]], cost: 784 });
    expect(parseSol('Route #1: 1\n')).toEqual({ routes: [[1]] });
  });

  it('gives one-line InputErrors naming file and line', () => {
    const bad: [string, RegExp][] = [
      ['Route #1: 1 x 3\nCost 3\n', /^s\.sol: line 1: Route #1: customer must be an integer, got "x"$/],
      ['Route #1: 1 0 3\n', /^s\.sol: line 1: Route #1: customer 0 is not in 1\.\.n-1/],
      ['Route #1: 1\nCost abc\n', /^s\.sol: line 2: Cost: expected a number, got "abc"$/],
      ['Route #1: 1\nCost 3\nCost 4\n', /^s\.sol: line 3: Cost given twice/],
      ['Route #1: 1\nhello\n', /^s\.sol: line 2: expected "Route #k: c1 c2 …" or "Cost N", got "hello"$/],
      ['Route #a: 1\n', /^s\.sol: line 1: route number must be an integer, got "a"$/],
      ['', /^s\.sol: no routes found/],
      ['Route #1: 1\u0000\n', /^s\.sol: line 1: not a text \.sol file/],
    ];
    for (const [text, re] of bad) {
      expect(() => parseSol(text, 's.sol'), text).toThrow(InputError);
      expect(() => parseSol(text, 's.sol'), text).toThrow(re);
    }
  });
});

describe('writeSol / parseSol round trip', () => {
  const routes = fc.array(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 30 }), { maxLength: 40 });

  it('parseSol(writeSol(s)) = s for integer costs', () => {
    fc.assert(
      fc.property(routes, fc.integer({ min: 0, max: 2 ** 40 }), (r, cost) => {
        expect(parseSol(writeSol({ routes: r, cost }))).toEqual({ routes: r, cost });
      }),
    );
  });

  it('round trips finite real costs and empty routes', () => {
    const anyRoutes = fc.array(fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 5 }), { maxLength: 5 });
    fc.assert(
      fc.property(anyRoutes, fc.double({ noNaN: true, noDefaultInfinity: true }), (r, cost) => {
        const back = parseSol(writeSol({ routes: r, cost }));
        expect(back.routes).toEqual(r);
        expect(back.cost).toBe(cost === 0 ? 0 : cost); // -0 is written as 0
      }),
    );
  });

  it('writeSol(parseSol(text)) = text for canonical text', () => {
    fc.assert(
      fc.property(routes, fc.nat(), (r, cost) => {
        const text = writeSol({ routes: r, cost });
        const back = parseSol(text);
        expect(writeSol({ routes: back.routes, cost: back.cost! })).toBe(text);
      }),
    );
  });
});
