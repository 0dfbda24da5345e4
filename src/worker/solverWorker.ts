// The browser worker script of `binroute/worker`: exposes the solver service on the worker's
// global scope. Started by createSolverWorker (module worker); not imported by anything else.
import * as Comlink from 'comlink';
import { solverService } from './solverService.js';

Comlink.expose(solverService());
