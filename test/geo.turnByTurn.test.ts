// Turn-by-turn: OSRM-shaped steps from a path's bearings and road names, compiled to Korean
// and English text by osrm-text-instructions; no empty or "undefined" text, every leg arrives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legSteps, turnByTurn, type DrivenLeg } from '../src/geo/turnByTurn.js';

// east along 뚝섬로, then north on 성수이로 (a right angle to the left), then a slight bend east
const leg: DrivenLeg = {
  coordinates: [[127.04, 37.545], [127.05, 37.545], [127.05, 37.552], [127.052, 37.5545]],
  names: ['뚝섬로', '성수이로', '성수이로'],
  duration: 600,
  destination: '카페 성수 0001',
};

describe('legSteps', () => {
  it('depart, a left turn where the road changes, then arrive; distances from the geometry', () => {
    const steps = legSteps(leg);
    expect(steps.map((s) => [s.maneuver.type, s.maneuver.modifier ?? null, s.name])).toEqual([
      ['depart', null, '뚝섬로'],
      ['turn', 'left', '성수이로'],
      ['arrive', null, '성수이로'],
    ]);
    expect(steps[0].distance).toBeGreaterThan(870); // 0.01° of longitude at 37.5° ≈ 883 m
    expect(steps[0].distance).toBeLessThan(895);
    expect(steps.reduce((a, s) => a + s.duration, 0)).toBeGreaterThanOrEqual(599);
    expect(steps[1].maneuver.location).toEqual([127.05, 37.545]);
  });

  it('a straight leg without names is depart and arrive', () => {
    const steps = legSteps({ coordinates: [[127.04, 37.545], [127.05, 37.55]], duration: 100, destination: 'hub' });
    expect(steps.map((s) => s.maneuver.type)).toEqual(['depart', 'arrive']);
  });
});

describe('turnByTurn', () => {
  it('writes Korean by default and English on request, naming the stop on arrival', () => {
    const [ko] = turnByTurn([leg]);
    expect(ko.map((i) => i.text)).toEqual(expect.arrayContaining([expect.stringContaining('좌회전'), expect.stringContaining('카페 성수 0001')]));
    const [en] = turnByTurn([leg], 'en');
    expect(en[1].text).toMatch(/^Turn left onto 성수이로/);
    expect(en[en.length - 1].text).toMatch(/arrived at .*카페 성수 0001/);
  });

  it('every step of random paths compiles to clean text in both languages', () => {
    const pos = fc.tuple(fc.double({ min: 127.0, max: 127.1, noNaN: true }), fc.double({ min: 37.5, max: 37.6, noNaN: true }));
    const name = fc.option(fc.constantFrom('왕십리로', '뚝섬로', '성수이로', '고산자로'), { nil: null });
    const legArb = fc.array(fc.tuple(pos, name), { minLength: 2, maxLength: 8 }).map((pts) => ({
      coordinates: pts.map(([p]) => p as [number, number]),
      names: pts.slice(1).map(([, n]) => n),
      duration: 300,
      destination: '카페 0001',
    }));
    fc.assert(
      fc.property(fc.array(legArb, { minLength: 1, maxLength: 3 }), (legs) => {
        for (const lang of ['ko', 'en'] as const) {
          const out = turnByTurn(legs, lang);
          expect(out).toHaveLength(legs.length);
          for (const steps of out) {
            expect(steps[steps.length - 1].step.maneuver.type).toBe('arrive');
            for (const i of steps) {
              expect(i.text.length).toBeGreaterThan(0);
              expect(i.text).not.toMatch(/undefined|null|NaN/);
            }
          }
        }
      }),
      { seed: 3, numRuns: 100 },
    );
  });
});
