import type { CoreInput } from './coreInput.js';
import type { CoreExports } from './loadCore.js';
import { CORE_ARRAYS, type CoreElement } from './coreProtocol.js';

const ELEMENT = {
  i32: Int32Array,
  i64: BigInt64Array,
  u8: Uint8Array,
  f64: Float64Array,
} as const satisfies Record<CoreElement, unknown>;

type ArrayData = Int32Array | BigInt64Array | Uint8Array | Float64Array;
type ArrayConstructorLike = { new (buffer: ArrayBuffer, byteOffset: number, length: number): ArrayData; BYTES_PER_ELEMENT: number };

/**
 * Writes an encoded problem into a fresh core: `alloc`, every array of `CORE_ARRAYS` at
 * `ptr(id)` (job arrays shifted to the core's visit numbering), then `finish()`. Each write is
 * checked against the size of the array the core allocated, so a mismatch between the two
 * sides is an error here rather than a corrupted heap.
 *
 * @example
 * ```ts
 * const core = await instantiateCore();
 * writeCoreInput(core, encodeCvrp({ capacity: 10, demands: [0, 4, 5], coordinates: [0, 0, 3, 4, 6, 8] }));
 * core.init(1);
 * ```
 */
export function writeCoreInput(core: CoreExports, input: CoreInput): void {
  const windows = input.tw.length / 2;
  core.alloc(input.jobs, input.vehicles, input.m, input.mats.length, input.dims, input.facilities, windows, input.classes, input.bService.length);
  CORE_ARRAYS.forEach((spec, id) => {
    const at = core.ptr(id);
    if (spec.size === 'matrices') {
      let offset = 0;
      for (const mat of input.mats) {
        view(core, at, Int32Array as unknown as ArrayConstructorLike, offset, mat.length, spec.name).set(mat as never);
        offset += mat.length;
      }
      return;
    }
    const data = input[spec.name] as ArrayData;
    const Ctor = ELEMENT[spec.type] as unknown as ArrayConstructorLike;
    const shift = spec.size.startsWith('jobs') && input.jobs > 0 ? data.length / input.jobs : 0;
    view(core, at, Ctor, shift, data.length, spec.name).set(data as never);
  });
  core.finish();
}

/** A typed view of `count` elements from element `offset` of the core array at `at`, bounds-checked. */
function view(core: CoreExports, at: number, Ctor: ArrayConstructorLike, offset: number, count: number, name: string): ArrayData {
  const buffer = core.memory.buffer as ArrayBuffer;
  // the AssemblyScript object header stores the payload size in bytes just before the payload
  const size = new Uint32Array(buffer, at - 4, 1)[0];
  const bytes = (offset + count) * Ctor.BYTES_PER_ELEMENT;
  if (bytes > size) throw new Error(`binroute internal error: core array ${name} holds ${size} bytes, ${bytes} written`);
  return new Ctor(buffer, at + offset * Ctor.BYTES_PER_ELEMENT, count);
}
