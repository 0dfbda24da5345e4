/**
 * binroute's internal, normalised collection model: what `fromVroom()` produces and what
 * the rich solver (`solveRouting`) consumes. Everything is index-based: `location` fields are
 * row/column indices into every matrix of `matrices`; `profile` indexes `matrices`.
 * Times are seconds, distances metres, amounts integers.
 */

/** A closed interval `[start, end]` (both inclusive), in seconds. */
export type TimeWindow = [number, number];

export interface RoutingMatrices {
  /** Profile name, e.g. `car`, `bike`. */
  profile: string;
  /** Row-major M×M travel times in seconds (before the vehicle's speed factor). */
  durations: Int32Array;
  /** Row-major M×M distances in metres. */
  distances: Int32Array;
  /** Optional row-major M×M custom arc costs (VROOM `matrices.<profile>.costs`); replaces per_hour/per_km. */
  costs?: Int32Array;
}

export interface RoutingJob {
  /** The user's id (unique among jobs). */
  id: number;
  description?: string;
  location: number;
  /** Coordinates `[lon, lat]` when the input had them (for output only). */
  coordinates?: [number, number];
  setup: number;
  service: number;
  /** Amount collected here, per capacity dimension (length = `dims`). */
  pickup: number[];
  /** Amount dropped here (loaded at the vehicle's start or last reload), per dimension. */
  delivery: number[];
  /** Skills the vehicle must all have. */
  skills: number[];
  /** VROOM priority 0..100 (kept for output; the objective uses `prize`). */
  priority: number;
  /** Allowed service-start windows, sorted and disjoint; empty = any time. */
  timeWindows: TimeWindow[];
  /** When set (> 0), the job is optional and leaving it unserved costs this prize. */
  prize?: number;
  /**
   * Release time (multi-trip with release dates): the trip that serves this job may leave the
   * vehicle's start or its last reload only at or after this time. Default 0.
   */
  release?: number;
}

export interface RoutingBreak {
  id: number;
  description?: string;
  timeWindows: TimeWindow[];
  service: number;
  /** The load must not exceed this, per dimension, when the break starts. */
  maxLoad?: number[];
}

export interface RoutingVehicle {
  id: number;
  description?: string;
  /** Index into `matrices`. */
  profile: number;
  /** Start / end location indices; undefined = open at that end. */
  start?: number;
  end?: number;
  startCoordinates?: [number, number];
  endCoordinates?: [number, number];
  capacity: number[];
  skills: number[];
  /** Working hours; default [0, 2^31-1]. */
  timeWindow: TimeWindow;
  breaks: RoutingBreak[];
  maxTasks?: number;
  /** Seconds of travel (after the speed factor). */
  maxTravelTime?: number;
  /** Metres. */
  maxDistance?: number;
  costs: { fixed: number; perHour: number; perKm: number };
  /** Travel times are divided by this (VROOM semantics: 2 = twice as fast). */
  speedFactor: number;
  /** Indices into `facilities` this vehicle may unload at. */
  facilities: number[];
  /** Maximum number of reloads; undefined = unlimited. */
  maxReloads?: number;
  /**
   * Most the vehicle may collect over the whole route, all trips together, per dimension
   * (e.g. yards per driver per day); undefined = no limit. Unlike `capacity`, reloads do not
   * reset it.
   */
  routeCapacity?: number[];
  /** The vehicle must unload at one of its facilities right before its end (return empty). */
  returnEmpty?: boolean;
}

export interface RoutingFacility {
  id: number;
  description?: string;
  location: number;
  coordinates?: [number, number];
  setup: number;
  service: number;
  timeWindows: TimeWindow[];
}

export interface RoutingProblem {
  /** Number of capacity dimensions (every amount array has this length). */
  dims: number;
  /** Matrix size M (number of distinct locations). */
  size: number;
  matrices: RoutingMatrices[];
  jobs: RoutingJob[];
  vehicles: RoutingVehicle[];
  facilities: RoutingFacility[];
}

/** Why a job was left out (docs/format.md lists them). */
export type UnassignedReason =
  | 'capacity'
  | 'time_window'
  | 'skills'
  | 'max_travel_time'
  | 'max_distance'
  | 'max_tasks'
  | 'unreachable'
  | 'not_profitable'
  | 'fleet_exhausted';

/** One stop of a planned route, in visit order. */
export type RoutingStepKind = 'start' | 'job' | 'reload' | 'break' | 'end';

export interface RoutingStep {
  type: RoutingStepKind;
  /** Index into jobs / facilities / the vehicle's breaks; -1 for start and end. */
  index: number;
}

/** The solver's answer: step sequences per vehicle, before scheduling. */
export interface RoutingSolution {
  routes: { vehicle: number; steps: RoutingStep[] }[];
  /** Indices of jobs not served. */
  unassigned: number[];
  /** Objective: route costs + fixed costs + prizes of unserved optional jobs. */
  cost: number;
  elapsedMs: number;
  iterations: number;
  stopReason: 'iterations' | 'time_limit' | 'aborted';
  seed: number;
}
