export { RoadGraph, ROAD_CLASS_SPEEDS_KMH, DEFAULT_ROAD_SPEED_KMH, CONNECTOR, type RoadGraphOptions, type Attachment } from './RoadGraph.js';
export { roadMatrices, nodeTables, roadPath, type RoadMatrices, type NodeTables, type RoadPath } from './roadMatrices.js';
export { OsrmClient, ProviderError, type OsrmOptions } from './osrmClient.js';
