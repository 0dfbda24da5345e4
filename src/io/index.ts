// Platform-neutral CVRPLIB readers and writers (no Node APIs here; the Node file helpers
// live in ./readFiles.ts and are imported by the CLI only).
export { parseVrp, MAX_VRP_DIMENSION } from './parseVrp.js';
export type { VrpInstance, EdgeWeightType, EdgeWeightFormat } from './parseVrp.js';
export { parseSol, writeSol } from './sol.js';
export type { SolFile } from './sol.js';
