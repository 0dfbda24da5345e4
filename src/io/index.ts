// Platform-neutral readers and writers (no Node APIs here; the Node file helpers live in
// ./readFiles.ts and are imported by the CLI and the bench only).
export { parseVrp, MAX_VRP_DIMENSION } from './parseVrp.js';
export type { VrpInstance, EdgeWeightType, EdgeWeightFormat } from './parseVrp.js';
export { parseSol, writeSol } from './sol.js';
export type { SolFile } from './sol.js';
export { parseCsv, parseCsvRecords, type CsvRecord } from './parseCsv.js';
export { detectFormat, loadInstance, loadCollectionInstance, loadVroomText } from './formats.js';
export type { InputFormat, CollectionFormat, LoadedCollectionInstance, LoadedInstance } from './formats.js';
