export { ruin, beginStep, touched, nTouched, ruinAlloc, setRuinSize } from './ruin';
export { recreate, recreateAlloc } from './recreate';
