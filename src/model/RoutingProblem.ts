import type { RouteSchedule } from './RouteSchedule.js';
import type { StopReason } from '../types.js';
import type { GeoArcs } from './geoArcs.js';

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
  /** Row-major M×M travel times in seconds (before the vehicle's speed factor); empty with `geo`. */
  durations: Int32Array;
  /** Row-major M×M distances in metres; empty with `geo`. */
  distances: Int32Array;
  /** Optional row-major M×M custom arc costs (VROOM `matrices.<profile>.costs`); replaces per_hour/per_km. */
  costs?: Int32Array;
  /**
   * Arcs computed from points instead of stored (problems above the matrix limit): then
   * `durations` and `distances` are empty, and every profile of the problem has `geo` with the
   * same points. The rule is in `geoArcs.ts`.
   */
  geo?: GeoArcs;
}

/** What jobs and facilities share: an id, a location and the time spent there. */
export interface RoutingPlace {
  /** The user's id (unique among jobs, or among facilities). */
  id: number;
  description?: string;
  location: number;
  /** Coordinates `[lon, lat]` when the input had them (for output only). */
  coordinates?: [number, number];
  /** Spent on arrival unless the previous stop is at the same location. */
  setup: number;
  service: number;
}

export interface RoutingJob extends RoutingPlace {
  /** Amount collected here, per capacity dimension (length = `dims`). */
  pickup: number[];
  /** Amount dropped here (loaded at the vehicle's start or last reload), per dimension. */
  delivery: number[];
  /** Skills the vehicle must all have. */
  skills: number[];
  /**
   * VROOM priority 0..100. The objective serves the largest priority sum first, then the most
   * jobs, then the lowest cost (VROOM's order; docs/format.md "Objective").
   */
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

export interface RoutingFacility extends RoutingPlace {
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

/** Why one unserved job is out, with the evidence (docs/format.md, "Unassigned reasons"). */
export interface UnassignedDiagnosis {
  /** Job index. */
  job: number;
  reason: UnassignedReason;
  /** One sentence naming the vehicles, positions or amounts behind the reason. */
  detail: string;
  /** Cheapest feasible insertion into the final solution, when there is one. */
  bestInsertion?: { vehicle: number; position: number; addedCost: number };
  /**
   * True when a feasible insertion exists that the objective favours (a mandatory job, or an
   * optional one whose prize exceeds the added cost): the solver missed it.
   */
  solverMissed: boolean;
}

/** One planned route: its steps and the schedule the solver computed for them. */
export interface PlannedRoute {
  vehicle: number;
  /** start, the job / reload / break steps in visit order, end. */
  steps: RoutingStep[];
  schedule: RouteSchedule;
}

/** The solver's answer: the routes with their schedules, and every unserved job with its reason. */
export interface RoutingSolution {
  routes: PlannedRoute[];
  /** Indices of jobs not served. */
  unassigned: number[];
  /** Why each job of `unassigned` is out (same order). */
  reasons: UnassignedDiagnosis[];
  /**
   * Cost in the problem's units: route costs (fixed costs included) plus the prizes of optional
   * jobs left out. Equal to the objective the search minimised, less the penalties and priority
   * weights of unserved mandatory jobs (which the search ranks first).
   */
  cost: number;
  elapsedMs: number;
  iterations: number;
  stopReason: StopReason;
  seed: number;
}
