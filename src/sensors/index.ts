export { simulateReadings, type SimulationOptions, type Simulation, type FillReading, type CollectionEvent, type SensorFault, type TrueDailyFill } from './simulateReadings.js';
export { simulationFiles } from './simulationFiles.js';
