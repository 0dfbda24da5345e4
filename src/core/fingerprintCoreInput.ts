import type { CoreInput } from './coreInput.js';
import { CORE_ARRAYS } from './coreProtocol.js';

/** Folds the bytes of `view` into the two 32-bit FNV-1a states `h` (in place). */
function fold(h: Uint32Array, view: ArrayBufferView): void {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let a = h[0];
  let b = h[1];
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x01000193) ^ (i & 0xff);
  }
  h[0] = a;
  h[1] = b;
}

/**
 * A 64-bit hash of an encoded problem (sizes and every array, in protocol order), written as
 * `fnv1a64:` and 16 hex digits. It names the input of a failed solve in an internal error:
 * two runs on the same input give the same fingerprint, on any machine.
 *
 * @example
 * ```ts
 * fingerprintCoreInput(encodeRouting(fromVroom(json))); // 'fnv1a64:3f2a…'
 * ```
 */
export function fingerprintCoreInput(input: CoreInput): string {
  const h = new Uint32Array([0x811c9dc5, 0x050c5d1f]);
  fold(h, new Int32Array([input.jobs, input.vehicles, input.m, input.dims, input.facilities, input.classes, input.geo ? 1 : 0]));
  for (const spec of CORE_ARRAYS) {
    const data = (input as unknown as Record<string, ArrayBufferView | ArrayBufferView[]>)[spec.name];
    if (Array.isArray(data)) for (const m of data) fold(h, m);
    else if (data) fold(h, data);
  }
  return `fnv1a64:${h[0].toString(16).padStart(8, '0')}${h[1].toString(16).padStart(8, '0')}`;
}
