import type { RoutingStepKind } from './RoutingProblem.js';

/** A step of a planned route with its times, running totals and load (as the core scheduled it). */
export interface ScheduledStep {
  type: RoutingStepKind;
  /** Job / facility index, or the break's index in the vehicle's `breaks`; -1 for start and end. */
  index: number;
  /** Matrix location where the step happens (a break happens where the vehicle is). */
  location: number;
  /** Time the vehicle gets there (for a break: when the previous stop is done). */
  arrival: number;
  waitingTime: number;
  /** Service start: `arrival + waitingTime`. */
  start: number;
  /** Setup time (0 after a stop at the same location). */
  setup: number;
  service: number;
  /** Time the vehicle leaves: `start + setup + service`. */
  departure: number;
  /** Cumulative travel time on arrival. */
  duration: number;
  /** Cumulative distance on arrival. */
  distance: number;
  /** Load after the step, per dimension. */
  load: number[];
}

/** The timed route of one vehicle, with its totals. */
export interface RouteSchedule {
  vehicle: number;
  /** start, the job / reload / break steps in order, end. */
  steps: ScheduledStep[];
  jobs: number;
  reloads: number;
  /** Total travel time. */
  duration: number;
  distance: number;
  setup: number;
  service: number;
  waitingTime: number;
  /** Sums over the served jobs. */
  pickup: number[];
  delivery: number[];
  priority: number;
  /** The route's cost as optimised: its arc costs plus the vehicle's fixed cost. */
  cost: number;
}
