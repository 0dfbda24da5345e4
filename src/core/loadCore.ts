import { RELEASE_GEO_WASM_BASE64, RELEASE_WASM_BASE64 } from './wasmBinary.generated.js';

/**
 * The two builds of the core: `matrix` reads arcs from M×M matrices, `geo` computes them from
 * points (for problems too large for full matrices); see CoreSizes.geo.
 */
export type CoreBuild = 'matrix' | 'geo';

/** The raw exports of the AssemblyScript core (protocol: assembly/index.ts; ids and layout: coreProtocol.ts). */
export interface CoreExports {
  memory: WebAssembly.Memory;
  alloc(jobs: number, vehicles: number, m: number, matrices: number, dims: number, facilities: number, windows: number, classes: number, breaks: number): void;
  ptr(id: number): number;
  finish(): void;
  setParam(id: number, value: number): void;
  init(seed: number): void;
  prepare(units: number): number;
  run(iterations: number, base: number, scale: number): number;
  bestCost(): number;
  bestRouteCost(): number;
  bestUnserved(): number;
  bestPrizes(): number;
  writeBest(): number;
  outputLength(): number;
  routesBuffer(n: number): number;
  loadRoutes(): number;
  routeVisits(vehicle: number): number;
  trialInsert(job: number, vehicle: number, position: number, alone: number): number;
  trialAddedCost(): number;
}

const compiled: Partial<Record<CoreBuild, WebAssembly.Module>> = {};
let compiles = 0;
let lastMemory: WeakRef<WebAssembly.Memory> | undefined;

/**
 * How many times this thread compiled a core module (once per build used, unless
 * {@link useCoreBinary} swapped it): the worker tests check the `.wasm` loads once per worker.
 *
 * @example
 * ```ts
 * await solve(problem, { maxIterations: 100 });
 * coreCompileCount(); // 1
 * ```
 */
export function coreCompileCount(): number {
  return compiles;
}

/**
 * The linear memory of the last core instance, in bytes (0 before the first, or once it was
 * garbage-collected): one instance per solve, so this stays bounded across solves.
 *
 * @example
 * ```ts
 * await solve(problem, { maxIterations: 100 });
 * lastCoreMemoryBytes(); // e.g. 1_245_184
 * ```
 */
export function lastCoreMemoryBytes(): number {
  return lastMemory?.deref()?.buffer.byteLength ?? 0;
}
const override: Partial<Record<CoreBuild, Uint8Array>> = {};
const EMBEDDED: Record<CoreBuild, string> = { matrix: RELEASE_WASM_BASE64, geo: RELEASE_GEO_WASM_BASE64 };

function decodeBase64(b64: string): Uint8Array {
  if (typeof atob === 'function') {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  throw new Error('binroute: no base64 decoder (atob) in this environment');
}

/**
 * Replaces an embedded release core by another build of it, e.g. the debug build with
 * assertions used by the tests. Pass `undefined` to go back to the embedded release build.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * useCoreBinary(readFileSync('build/debug.wasm'));
 * useCoreBinary(readFileSync('build/debug-geo.wasm'), 'geo');
 * ```
 */
export function useCoreBinary(bytes: Uint8Array | undefined, build: CoreBuild = 'matrix'): void {
  if (bytes) override[build] = bytes;
  else delete override[build];
  delete compiled[build];
}

/**
 * Instantiates a fresh core. Each solve gets its own instance, so memory never leaks between
 * solves and a trapped instance is simply dropped. The module is compiled once and cached.
 *
 * @example
 * ```ts
 * const core = await instantiateCore();
 * core.alloc(3);
 * ```
 */
export async function instantiateCore(build: CoreBuild = 'matrix'): Promise<CoreExports> {
  let module = compiled[build];
  if (!module) {
    const bytes = override[build] ?? decodeBase64(EMBEDDED[build]);
    module = compiled[build] = await WebAssembly.compile(bytes as BufferSource);
    compiles++;
  }
  let memory: WebAssembly.Memory | undefined;
  const instance = await WebAssembly.instantiate(module, {
    env: {
      // the deadline of the time limit inside an iteration (assembly/common/clock.ts)
      clock: () => performance.now(),
      // debug builds report the context of a failed self-check here before aborting
      trace(msgPtr: number, n: number, ...args: number[]) {
        const len = memory ? new Uint32Array(memory.buffer, msgPtr - 4, 1)[0] >>> 1 : 0;
        const msg = memory ? String.fromCharCode(...new Uint16Array(memory.buffer, msgPtr, Math.min(len, 200))) : '?';
        console.error(`binroute core: ${msg}`, ...args.slice(0, n));
      },
      abort(msgPtr: number, filePtr: number, line: number, col: number) {
        const read = (ptr: number): string => {
          if (!memory || !ptr) return '?';
          const len = new Uint32Array(memory.buffer, ptr - 4, 1)[0] >>> 1;
          return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, Math.min(len, 500)));
        };
        throw new Error(`binroute core abort: ${read(msgPtr)} at ${read(filePtr)}:${line}:${col}`);
      },
    },
  });
  const exports = instance.exports as unknown as CoreExports;
  memory = exports.memory;
  lastMemory = new WeakRef(memory);
  return exports;
}
