/**
 * Every distinct `ArrayBuffer` behind a typed array in `value` (walked recursively): the list to
 * transfer with a message so that large arrays (matrices) move instead of being copied.
 *
 * @example
 * ```ts
 * const problem = { durations: new Int32Array(4), nested: { d: new Float64Array(2) } };
 * transferList(problem).length; // 2
 * ```
 */
export function transferList(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) found.add(v.buffer);
      return;
    }
    if (Array.isArray(v)) {
      // number arrays (coordinates) hold nothing to transfer: only look into object elements
      for (const x of v) if (x !== null && typeof x === 'object') walk(x);
      return;
    }
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
  };
  walk(value);
  return [...found];
}

