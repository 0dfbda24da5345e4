// The Node worker script of `binroute/worker` (worker_threads): exposes the solver service
// through comlink's Node adapter. Started by createSolverWorker.node.ts.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { solverService } from './solverService.js';

if (!parentPort) throw new Error('binroute: solverWorker.node.js runs inside worker_threads only');
Comlink.expose(solverService(), nodeEndpoint(parentPort));
