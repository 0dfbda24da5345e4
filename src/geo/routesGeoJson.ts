import { featureCollection, lineString, point, length as lineLength } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { VroomOutput, VroomStep } from '../vroom/types.js';

/** `[lon, lat]`. */
type Position = [number, number];

/** Options of {@link routesGeoJson}. */
export interface RoutesGeoJsonOptions {
  /**
   * The path a vehicle drives from one stop to the next, as `[lon, lat]` points from `from` to
   * `to` (both included). Default: the straight segment. A road network's shortest path
   * plugs in here.
   */
  path?: (from: Position, to: Position, vehicle: number) => Position[];
  /** Kind of each job (by id) for the point features; default `bin`. */
  jobKind?: string;
  /** Extra properties per job id (e.g. the predicted fill), merged into its point. */
  jobProperties?: (jobId: number) => Record<string, unknown> | undefined;
}

const hhmm = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

function coords(step: VroomStep, vehicle: number): Position {
  if (!step.location) throw new Error(`routesGeoJson: a ${step.type} step of vehicle ${vehicle} has no coordinates (give locations, not only location_index)`);
  return [step.location[0], step.location[1]];
}

/**
 * The routes of a solution as GeoJSON (built with @turf/turf): one LineString per trip (a trip
 * runs from the start or a hub to the next hub or the end) following `options.path` (straight
 * segments by default), and a Point per stop — the depot, every bin in visit order with its
 * sequence number, ETA and load, every hub visit — plus a Point per unassigned job with its
 * reason. Coordinates are `[lon, lat]`; times are the solver's seconds since midnight, also as
 * `HH:MM`.
 *
 * @example
 * ```ts
 * const geo = routesGeoJson(toVroom(problem, solution));
 * writeFileSync('routes.geojson', JSON.stringify(geo));
 * ```
 */
export function routesGeoJson(output: VroomOutput, options: RoutesGeoJsonOptions = {}): FeatureCollection<LineString | Point> {
  const path = options.path ?? ((a: Position, b: Position) => [a, b]);
  const features: Feature<LineString | Point>[] = [];
  for (const route of output.routes) {
    const vehicle = route.vehicle;
    const base = { vehicle, vehicleDescription: route.description ?? null };
    let trip = 1;
    let sequence = 0;
    let line: Position[] = [];
    let tripStops = 0;
    let tripStart = route.steps[0];
    const closeTrip = (endStep: VroomStep) => {
      if (line.length < 2) return;
      const f = lineString(line, {
        ...base,
        kind: 'trip',
        trip,
        stops: tripStops,
        departure: tripStart.arrival + tripStart.waiting_time + tripStart.setup + tripStart.service,
        arrival: endStep.arrival,
        departureTime: hhmm(tripStart.arrival + tripStart.waiting_time + tripStart.setup + tripStart.service),
        arrivalTime: hhmm(endStep.arrival),
        distanceM: endStep.distance - tripStart.distance,
      });
      (f.properties as Record<string, unknown>).lengthKm = Math.round(lineLength(f, { units: 'kilometers' }) * 1000) / 1000;
      features.push(f);
    };
    let prev: Position | undefined;
    for (const step of route.steps) {
      if (step.type === 'break') continue; // a break happens where the vehicle is
      const here = coords(step, vehicle);
      if (prev) {
        const leg = path(prev, here, vehicle);
        line.push(...(line.length > 0 ? leg.slice(1) : leg));
      } else line.push(here);
      prev = here;
      const common = { ...base, trip, eta: step.arrival, etaTime: hhmm(step.arrival), load: step.load };
      if (step.type === 'start' || step.type === 'end') {
        features.push(point(here, { ...common, kind: 'depot', role: step.type }));
      } else if (step.type === 'job') {
        sequence++;
        tripStops++;
        features.push(point(here, { ...common, kind: options.jobKind ?? 'bin', id: step.id ?? null, description: step.description ?? null, sequence, ...(options.jobProperties?.(step.id!) ?? {}) }));
      } else if (step.type === 'reload') {
        features.push(point(here, { ...common, kind: 'hub', id: step.id ?? null, description: step.description ?? null }));
        closeTrip(step);
        trip++;
        tripStops = 0;
        tripStart = step;
        line = [here];
      }
    }
    closeTrip(route.steps[route.steps.length - 1]);
  }
  for (const u of output.unassigned) {
    if (!u.location) continue;
    features.push(point([u.location[0], u.location[1]], { kind: 'unassigned', id: u.id, description: u.description ?? null, reason: u.reason, detail: u.detail, ...(options.jobProperties?.(u.id) ?? {}) }));
  }
  return featureCollection(features);
}
