import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library (index) and binroute/worker in one build, so that they share their chunks:
    // an InputError thrown through a worker is the same class as the one `binroute` exports.
    // worker: the client for browsers and bundlers (starts solverWorker.js, a module worker);
    // worker.node: the client for Node (starts solverWorker.node.js in worker_threads).
    // comlink is bundled in (its npm entry is UMD, which Node's ESM cannot take apart).
    entry: {
      index: 'src/index.ts',
      worker: 'src/worker/createSolverWorker.ts',
      solverWorker: 'src/worker/solverWorker.ts',
      'worker.node': 'src/worker/createSolverWorker.node.ts',
      'solverWorker.node': 'src/worker/solverWorker.node.ts',
    },
    format: ['esm'],
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    noExternal: ['comlink'],
    external: ['node:worker_threads', 'node:os'],
  },
  // the declarations, one self-contained file per public entry
  { entry: { index: 'src/index.ts' }, dts: { only: true }, format: ['esm'], target: 'es2022' },
  { entry: { worker: 'src/worker/createSolverWorker.ts' }, dts: { only: true }, format: ['esm'], target: 'es2022' },
  {
    entry: { cli: 'cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
