export { ruin, beginStep, touched, nTouched, nRemoved, ruinAlloc, setRuinSize, addToInsert } from './ruin';
export { recreate, recreateAlloc, insertRange, orderForInsertion } from './recreate';
