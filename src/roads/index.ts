export { RoadGraph, ROAD_CLASS_SPEEDS_KMH, DEFAULT_ROAD_SPEED_KMH, CONNECTOR, type RoadGraphOptions, type Attachment } from './RoadGraph.js';
export { roadMatrices, nodeTables, roadPath, FAR_CONNECTOR_M, type RoadMatrices, type NodeTables, type RoadPath } from './roadMatrices.js';
