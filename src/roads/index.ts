export { RoadGraph, ROAD_CLASS_SPEEDS_KMH, DEFAULT_ROAD_SPEED_KMH, CONNECTOR, type RoadGraphOptions, type Attachment } from './RoadGraph.js';
export { roadMatrices, nodeTables, type RoadMatrices, type NodeTables } from './roadMatrices.js';
