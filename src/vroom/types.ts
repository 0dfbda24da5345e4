/**
 * Typed shapes of the VROOM JSON problem and solution as binroute reads and writes them
 * (docs/format.md lists the accepted subset and binroute's extensions).
 * Coordinates are `[lon, lat]`, times seconds, distances metres, amounts integers.
 */

import type { UnassignedReason } from '../model/RoutingProblem.js';

/** `[lon, lat]`. */
export type VroomCoordinates = [number, number];

/** `[start, end]`, both inclusive, in seconds. */
export type VroomTimeWindow = [number, number];

/** What jobs and facilities share: an id, a place and the time spent there. */
export interface VroomPlace {
  id: number;
  description?: string;
  location?: VroomCoordinates;
  location_index?: number;
  /** Seconds spent on arrival, only when the previous stop was elsewhere. Default 0. */
  setup?: number;
  /** Seconds of service. Default 0. */
  service?: number;
}

/** A VROOM job: one stop to serve. `prize` is a binroute extension. */
export interface VroomJob extends VroomPlace {
  /** Amount dropped here (loaded at the vehicle start or the last reload). */
  delivery?: number[];
  /** Amount collected here (carried to the next reload or the vehicle end). */
  pickup?: number[];
  skills?: number[];
  /** 0..100, default 0. Reported in output; the objective uses `prize`. */
  priority?: number;
  time_windows?: VroomTimeWindow[];
  /** binroute extension: a positive integer makes the job optional with this value. */
  prize?: number;
  /** binroute extension: release time; the trip serving the job leaves its start or last reload at or after it. */
  release?: number;
}

/** A VROOM vehicle break. */
export interface VroomBreak {
  id: number;
  description?: string;
  time_windows?: VroomTimeWindow[];
  service?: number;
  max_load?: number[];
}

/** VROOM vehicle costs. `per_task_hour` is accepted only when 0. */
export interface VroomCosts {
  fixed?: number;
  per_hour?: number;
  per_km?: number;
  per_task_hour?: number;
}

/** A VROOM vehicle. `facilities` and `max_reloads` are binroute extensions. */
export interface VroomVehicle {
  id: number;
  description?: string;
  /** Default `car`. */
  profile?: string;
  start?: VroomCoordinates;
  start_index?: number;
  end?: VroomCoordinates;
  end_index?: number;
  capacity?: number[];
  skills?: number[];
  time_window?: VroomTimeWindow;
  breaks?: VroomBreak[];
  max_tasks?: number;
  max_travel_time?: number;
  max_distance?: number;
  costs?: VroomCosts;
  /** 0 < speed_factor ≤ 5, default 1: travel times are divided by it. */
  speed_factor?: number;
  /** binroute extension: ids of the facilities this vehicle may unload at (default: all). */
  facilities?: number[];
  /** binroute extension: maximum number of reloads (default: unlimited). */
  max_reloads?: number;
  /** binroute extension: most the vehicle may collect over the whole route, all trips together, per dimension. */
  route_capacity?: number[];
  /** binroute extension: the vehicle must unload at a facility right before its end. */
  return_empty?: boolean;
}

/** binroute extension: a place where a vehicle empties its collected load (a hub, a plant). */
export interface VroomFacility extends VroomPlace {
  time_windows?: VroomTimeWindow[];
}

/** One profile's custom matrices; rows and columns are `location_index` values. */
export interface VroomProfileMatrices {
  durations?: (number | null)[][];
  distances?: (number | null)[][];
  costs?: (number | null)[][];
  /** binroute extension: arcs computed from the coordinates (detour factor, speed in km/h) instead of matrices. */
  arcs?: { detour: number; speed: number };
}

/** A VROOM problem as binroute accepts it. */
export interface VroomInput {
  jobs?: VroomJob[];
  vehicles: VroomVehicle[];
  /** Rejected when non-empty: binroute has no pickup-and-delivery pairs. */
  shipments?: unknown[];
  matrices?: Record<string, VroomProfileMatrices>;
  /** binroute extension. */
  facilities?: VroomFacility[];
}

/** A VROOM violation entry (always empty for a feasible route). */
export interface VroomViolation {
  cause: string;
  duration?: number;
}

/** One step of an output route. */
export interface VroomStep {
  type: 'start' | 'job' | 'reload' | 'break' | 'end';
  /** Job, facility or break id; absent for start and end. */
  id?: number;
  description?: string;
  location?: VroomCoordinates;
  location_index: number;
  /** Time the vehicle reaches this step. */
  arrival: number;
  /** Cumulative travel time on arrival. */
  duration: number;
  setup: number;
  service: number;
  waiting_time: number;
  /** Load after the step, per dimension. */
  load: number[];
  /** Cumulative distance on arrival. */
  distance: number;
  violations: VroomViolation[];
}

/** Totals of a route, or of all routes (the summary). */
export interface VroomTotals {
  cost: number;
  setup: number;
  service: number;
  /** Total travel time. */
  duration: number;
  waiting_time: number;
  /** Priority sum of the served jobs. */
  priority: number;
  distance: number;
  delivery: number[];
  pickup: number[];
  violations: VroomViolation[];
}

/** One output route. */
export interface VroomRoute extends VroomTotals {
  vehicle: number;
  description?: string;
  steps: VroomStep[];
}

/** An unserved job, with binroute's `reason` (and a human-readable `detail`). */
export interface VroomUnassigned {
  id: number;
  type: 'job';
  description?: string;
  location?: VroomCoordinates;
  location_index: number;
  reason: UnassignedReason;
  detail: string;
}

/** Totals over all routes; `cost` is the sum of the route costs (unserved prizes are not included). */
export interface VroomSummary extends VroomTotals {
  routes: number;
  unassigned: number;
  /** binroute extension: prizes of the unserved optional jobs. */
  unserved_prize: number;
  /** binroute extension: `cost + unserved_prize`, the quantity binroute minimises. */
  objective: number;
  computing_times: { solving: number };
}

/** A solved problem (`code: 0`). */
export interface VroomOutput {
  code: 0;
  summary: VroomSummary;
  unassigned: VroomUnassigned[];
  routes: VroomRoute[];
}

/** A rejected problem: `code` 2 is an input error, 1 an internal error. */
export interface VroomErrorOutput {
  code: 1 | 2 | 3;
  error: string;
}
