// Input formats: recognise a file's format from its name and content, and read it into the
// problem the solver takes. Platform-neutral: callers pass the text (the CLI reads the file or
// stdin, a browser reads an upload).
import { parseJsonText } from './parseJsonText.js';
import type { RoutingProblem } from '../model/RoutingProblem.js';
import { parseVroomProblem } from '../vroom/parseVroomProblem.js';
import { kimToRouting, parseKimInstance, type KimInstance } from './parseKim.js';
import { parseMtvrptwr } from './parseMtvrptwr.js';
import { parseSolomon, solomonToRouting, type SolomonInstance } from './parseSolomon.js';
import { parseVrp, type VrpInstance } from './parseVrp.js';

/** The input formats binroute reads. */
export type InputFormat = 'cvrp' | 'vroom' | 'solomon' | 'mtvrptwr' | 'kim';

/** The benchmark formats of the collection model (text files, not VROOM JSON). */
export type CollectionFormat = 'solomon' | 'mtvrptwr' | 'kim';

/**
 * A benchmark instance read into the collection model. `source` is the instance as the file
 * states it (Solomon and Kim), for reports and independent checks in the file's own terms.
 */
export type LoadedCollectionInstance =
  | { format: 'solomon'; problem: RoutingProblem; source: SolomonInstance }
  | { format: 'mtvrptwr'; problem: RoutingProblem }
  | { format: 'kim'; problem: RoutingProblem; source: KimInstance };

/** Any input read by {@link loadInstance}: a CVRP for `solve()`, or a collection-model problem for `solveRouting()`. */
export type LoadedInstance = { format: 'cvrp'; problem: VrpInstance } | { format: 'vroom'; problem: RoutingProblem } | LoadedCollectionInstance;

/**
 * Recognises an input's format from its file name and its first 4 KB, in this order: VROOM
 * JSON (`.json`, or the content starts with `{`), MTVRPTWR (`TYPE : MTVRPTWR`), Kim
 * (`*_stop.txt`, or line 6 is the `Stop_ID …` column header), Solomon (a `VEHICLE` and a
 * `CUSTOMER` line); anything else is read as CVRPLIB (whose parser reports what is wrong).
 * The name only helps: content without a telling name (e.g. stdin) is recognised too.
 *
 * @example
 * ```ts
 * detectFormat('C101.txt', text);           // 'solomon'
 * detectFormat('problem.json', '{"jobs":'); // 'vroom'
 * detectFormat('<stdin>', '{"jobs":');      // 'vroom'
 * ```
 */
export function detectFormat(file: string, text: string): InputFormat {
  const head = text.slice(0, 4096);
  if (/\.json$/i.test(file) || /^\uFEFF?\s*\{/.test(head)) return 'vroom';
  if (/^\s*TYPE\s*:\s*MTVRPTWR\b/im.test(head)) return 'mtvrptwr';
  if (/_stop\.txt$/i.test(file) || /^\s*Stop_ID\b/i.test(head.replace(/\r/g, '').split('\n')[5] ?? '')) return 'kim';
  if (/^\s*VEHICLE\s*$/im.test(head) && /^\s*CUSTOMER\s*$/im.test(head)) return 'solomon';
  return 'cvrp';
}

/**
 * Reads a Solomon, MTVRPTWR or Kim instance into the collection model: Solomon through
 * `parseSolomon` + `solomonToRouting` (×1000 fixed point, minimum distance), MTVRPTWR through
 * `parseMtvrptwr` (tenths, DIMACS truncation), Kim through `parseKimInstance` + `kimToRouting`.
 * A malformed file throws an {@link InputError} naming `file` and the line or field.
 *
 * @example
 * ```ts
 * const loaded = loadCollectionInstance('solomon', 'C101.txt', text);
 * const plan = await solveRouting(loaded.problem, { maxIterations: 1000 });
 * loaded.source.vehicles; // 25, as the file states it
 * ```
 */
export function loadCollectionInstance(format: CollectionFormat, file: string, text: string): LoadedCollectionInstance {
  if (format === 'solomon') {
    const source = parseSolomon(text, file);
    return { format, problem: solomonToRouting(source), source };
  }
  if (format === 'mtvrptwr') return { format, problem: parseMtvrptwr(text, file) };
  const source = parseKimInstance(text, file);
  return { format, problem: kimToRouting(source), source };
}

/**
 * Reads VROOM / collection-model JSON text into a {@link RoutingProblem} (a UTF-8 byte order
 * mark is skipped). Invalid JSON (`E0005`), or a
 * problem that `parseVroomProblem` refuses, throws an {@link InputError} naming `file` and the
 * field (e.g. `vehicles[0]: needs a start or an end …`).
 *
 * @example
 * ```ts
 * const problem = loadVroomText('f.json', '{"vehicles":[{"id":1,"start":[0,0]}],"jobs":[{"id":1,"location":[1,1]}]}');
 * problem.jobs.length; // 1
 * ```
 */
export function loadVroomText(file: string, text: string): RoutingProblem {
  const json = parseJsonText(text, file);
  const parsed = parseVroomProblem(json);
  if (!parsed.ok) throw parsed.inputError.rewrite({ file });
  return parsed.problem;
}

/**
 * Recognises the format of `text` ({@link detectFormat}) and reads it: a CVRPLIB `.vrp` into a
 * {@link VrpInstance} for `solve()`, VROOM JSON, Solomon, MTVRPTWR or Kim into a
 * {@link RoutingProblem} for `solveRouting()`. `file` names the input in error messages and
 * helps the recognition (`.json`, `*_stop.txt`).
 *
 * @example
 * ```ts
 * const loaded = loadInstance('seongsu-cafes.json', text);
 * if (loaded.format === 'cvrp') console.log((await solve(loaded.problem)).cost);
 * else console.log((await solveRouting(loaded.problem)).cost);
 * ```
 */
export function loadInstance(file: string, text: string): LoadedInstance {
  const format = detectFormat(file, text);
  if (format === 'cvrp') return { format, problem: parseVrp(text, file) };
  if (format === 'vroom') return { format, problem: loadVroomText(file, text) };
  return loadCollectionInstance(format, file, text);
}
