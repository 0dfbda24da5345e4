// Every test runs the core's debug build, which keeps AssemblyScript's bounds checks and
// assertions (the release build embedded in the package is compiled with --noAssert).
import { readFileSync } from 'node:fs';
import { useCoreBinary } from '../src/core/loadCore.js';

useCoreBinary(readFileSync(new URL('../build/debug.wasm', import.meta.url)));
useCoreBinary(readFileSync(new URL('../build/debug-geo.wasm', import.meta.url)), 'geo');
