export type { CvrpProblem, SolveOptions, Solution, Progress, StopReason } from './types.js';
export type * from './model/RoutingProblem.js';
export { InputError } from './errors.js';
export { solve } from './solve.js';
export { solveRouting, encodeRouting } from './solveRouting.js';
export * from './io/index.js';
export * from './vroom/index.js';
