// The planner page (examples/planner): `npm run planner` serves it, `npm run planner:build`
// writes examples/planner/dist. It imports the built package (run `npm run build` first), as
// an app that installed binroute would: `binroute` and `binroute/worker`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = (file: string) => fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: [
      { find: /^binroute\/worker$/, replacement: dist('worker.js') },
      { find: /^binroute$/, replacement: dist('index.js') },
    ],
  },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
