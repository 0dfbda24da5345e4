export type { CvrpProblem, SolveOptions, Solution, Progress, StopReason } from './types.js';
export { InputError } from './errors.js';
export { solve } from './solve.js';
export * from './io/index.js';
