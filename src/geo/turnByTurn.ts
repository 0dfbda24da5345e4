import { bearing, distance, point } from '@turf/turf';
import osrmTextInstructions from 'osrm-text-instructions';

/** `[lon, lat]`. */
type Position = [number, number];

/** One leg driven between two stops: its path, road names and time. */
export interface DrivenLeg {
  /** The path from the previous stop to this one, `[lon, lat]` (at least the two stops). */
  coordinates: Position[];
  /** Road name of each segment `coordinates[i] → coordinates[i + 1]`; `null` or missing when unnamed. */
  names?: (string | null)[];
  /** Seconds for the whole leg; spread over its segments by length. */
  duration: number;
  /** Name of the stop the leg ends at (a café, a hub, the depot). */
  destination: string;
}

/** An OSRM v5 RouteStep (the fields osrm-text-instructions reads, and the ones a navigator shows). */
export interface RouteStep {
  maneuver: {
    type: 'depart' | 'turn' | 'new name' | 'continue' | 'arrive';
    modifier?: 'uturn' | 'sharp right' | 'right' | 'slight right' | 'straight' | 'slight left' | 'left' | 'sharp left';
    bearing_before: number;
    bearing_after: number;
    location: Position;
  };
  /** Road name, `''` when unnamed. */
  name: string;
  /** Metres and seconds from this maneuver to the next. */
  distance: number;
  duration: number;
  mode: 'driving';
}

/** A step with its instruction text. */
export interface Instruction {
  step: RouteStep;
  text: string;
}

/** Languages the instructions can be written in (osrm-text-instructions translations). */
export type InstructionLanguage = 'ko' | 'en';

const compiler = osrmTextInstructions('v5');

/** Compass bearing 0–360 from a to b. */
function compass(a: Position, b: Position): number {
  return (bearing(point(a), point(b)) + 360) % 360;
}

/** The OSRM modifier of a change of heading from `before` to `after` (degrees, compass). */
function modifier(before: number, after: number): NonNullable<RouteStep['maneuver']['modifier']> {
  const turn = ((after - before + 540) % 360) - 180; // > 0: to the right
  const a = Math.abs(turn);
  const side = turn > 0 ? 'right' : 'left';
  if (a < 20) return 'straight';
  if (a < 45) return `slight ${side}`;
  if (a < 135) return side;
  if (a < 170) return `sharp ${side}`;
  return 'uturn';
}

/**
 * The OSRM-shaped steps of one leg: `depart`, then a `turn` (or `new name` when the road
 * changes without a real turn) wherever the road name changes or the same road turns by 45° or
 * more, then `arrive`. Maneuver types and
 * modifiers come from the bearings of the path; distances from its geometry (metres); the
 * leg's duration is spread by distance. Zero-length segments are skipped.
 *
 * @example
 * ```ts
 * const steps = legSteps({ coordinates: [[127.04, 37.55], [127.05, 37.55], [127.05, 37.56]], names: ['뚝섬로', '성수이로'], duration: 300, destination: '카페 0001' });
 * steps.map((s) => s.maneuver.type); // ['depart', 'turn', 'arrive']
 * ```
 */
export function legSteps(leg: DrivenLeg): RouteStep[] {
  const segs: { from: Position; to: Position; name: string; metres: number }[] = [];
  for (let i = 1; i < leg.coordinates.length; i++) {
    const from = leg.coordinates[i - 1];
    const to = leg.coordinates[i];
    const metres = distance(point(from), point(to), { units: 'meters' });
    if (metres < 0.5) continue;
    segs.push({ from, to, name: leg.names?.[i - 1] ?? '', metres });
  }
  const end = leg.coordinates[leg.coordinates.length - 1];
  const total = segs.reduce((a, s) => a + s.metres, 0);
  const secondsPerMetre = total > 0 ? leg.duration / total : 0;
  const steps: RouteStep[] = [];
  let heading = segs.length ? compass(segs[0].from, segs[0].to) : 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const after = compass(s.from, s.to);
    const current = steps[steps.length - 1];
    const bend = modifier(heading, after);
    // the same road going on (straight or a slight bend), or an unnamed path: one step
    if (current && current.name === s.name && (s.name === '' || bend === 'straight' || bend.startsWith('slight'))) {
      current.distance += s.metres;
      current.duration += s.metres * secondsPerMetre;
    } else {
      const type: RouteStep['maneuver']['type'] = !current ? 'depart' : modifier(heading, after) === 'straight' ? 'new name' : 'turn';
      steps.push({
        maneuver: { type, ...(current ? { modifier: modifier(heading, after) } : {}), bearing_before: Math.round(heading), bearing_after: Math.round(after), location: s.from },
        name: s.name,
        distance: s.metres,
        duration: s.metres * secondsPerMetre,
        mode: 'driving',
      });
    }
    heading = after;
  }
  if (steps.length === 0) {
    steps.push({ maneuver: { type: 'depart', bearing_before: 0, bearing_after: 0, location: leg.coordinates[0] }, name: '', distance: 0, duration: leg.duration, mode: 'driving' });
  }
  steps.push({ maneuver: { type: 'arrive', bearing_before: Math.round(heading), bearing_after: 0, location: end }, name: steps[steps.length - 1].name, distance: 0, duration: 0, mode: 'driving' });
  for (const s of steps) {
    s.distance = Math.round(s.distance);
    s.duration = Math.round(s.duration);
  }
  return steps;
}

/**
 * Turn-by-turn instructions for the legs of one route, written by osrm-text-instructions in
 * Korean (default) or English: one list of steps per leg, each with its text; every leg ends
 * with an arrive step naming its stop.
 *
 * @example
 * ```ts
 * for (const leg of turnByTurn(legs)) for (const i of leg) console.log(i.text); // '좌회전 하시고 왕십리로로 가세요.' …
 * ```
 */
export function turnByTurn(legs: readonly DrivenLeg[], language: InstructionLanguage = 'ko'): Instruction[][] {
  return legs.map((leg, legIndex) =>
    legSteps(leg).map((step) => {
      const raw: string = compiler.compile(language, step, { legCount: legs.length, legIndex, waypointName: leg.destination });
      return { step, text: raw.replace(/\s+/g, ' ').trim() };
    }),
  );
}
