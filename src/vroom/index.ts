export type * from './types.js';
export { fromVroom } from './fromVroom.js';
export { parseVroomProblem, type ParsedVroomProblem } from './parseVroomProblem.js';
export { toVroom } from './toVroom.js';
export { haversineDistance, EARTH_RADIUS_M } from './haversineDistance.js';
export {
  haversineMatrices,
  profileSpeedKmh,
  DEFAULT_DETOUR_FACTOR,
  DEFAULT_SPEEDS_KMH,
  type HaversineOptions,
} from './haversineMatrices.js';
