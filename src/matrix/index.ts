export type { MatrixProvider, MatrixSet, ProfileSpec, ProfileMatrices } from './MatrixProvider.js';
export { RoadMatrixProvider, PROFILE_EXCLUDED_CLASSES, daySpeeds, type ProfileRoads, type RoadProviderOptions, type HourlySpeedsByDay } from './RoadMatrixProvider.js';
export { HaversineMatrixProvider, straightPath } from './HaversineMatrixProvider.js';
export { OsrmMatrixProvider, type OsrmProviderOptions } from './OsrmMatrixProvider.js';
export { OsrmClient, ProviderError, type OsrmOptions } from './osrmClient.js';
export { createMatrixProvider, type MatrixKind, type MatrixProviderOptions } from './createMatrixProvider.js';
export { profileDurations } from './profileDurations.js';
