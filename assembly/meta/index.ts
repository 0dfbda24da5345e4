export { ruin, beginStep, touched, nTouched, ruinAlloc, setRuinSize, addToInsert } from './ruin';
export { recreate, recreateAlloc } from './recreate';
