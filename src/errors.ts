import type { ErrorCode } from './errorCodes.js';

/** Most problems one {@link InputError} reports; the rest are counted, not listed. */
export const MAX_REPORTED_PROBLEMS = 20;

/** One problem of an input: its stable code, a one-line message, the field path and the value at fault. */
export interface InputProblem {
  /** Stable code, e.g. `E1002` (docs/errors.md). */
  code: ErrorCode;
  /** One line naming the field and the value, e.g. `jobs[3].service: "60" is not an integer`. */
  message: string;
  /** The field path at fault, e.g. `jobs[3].service` or `DEMAND_SECTION`. */
  field?: string;
  /** The offending value, when there is one (shortened for huge values). */
  value?: unknown;
  /** The file the problem is in, when there is one. */
  file?: string;
}

/** What an {@link InputError} is about, besides its message. */
export interface InputErrorDetails {
  code: ErrorCode;
  file?: string;
  field?: string;
  value?: unknown;
}

/** A value short enough to keep on an error (long strings and big arrays are cut). */
function keepValue(v: unknown): unknown {
  if (typeof v === 'string' && v.length > 200) return `${v.slice(0, 200)}…`;
  if (Array.isArray(v) && v.length > 20) return `[array of ${v.length}]`;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return '[object]';
  return v;
}

/**
 * An error in the caller's input: a bad file, field or option. Every one carries a stable
 * `code` (`E1002`…, listed in docs/errors.md), the `field` path and the offending `value`;
 * when an input has several problems, `problems` lists them (up to
 * {@link MAX_REPORTED_PROBLEMS}; `more` counts the rest) and `message` has one line each. The
 * CLI prints one line per problem and exits with code 2; it never prints a stack trace for it.
 *
 * @example
 * ```ts
 * throw new InputError('demands[3]: -2 is negative', { code: 'E2005', field: 'demands[3]', value: -2 });
 * try { fromVroom(json); } catch (e) { if (e instanceof InputError) console.log(e.code, e.field); }
 * ```
 */
export class InputError extends Error {
  /** Stable code of the (first) problem, e.g. `E1002`. */
  readonly code: ErrorCode;
  /** The file the error is about, when there is one. */
  readonly file?: string;
  /** The field or section at fault, e.g. `DEMAND_SECTION` or `options.seed`. */
  readonly field?: string;
  /** The offending value, when there is one. */
  readonly value?: unknown;
  /** Every problem found (at least one), in input order. */
  readonly problems: readonly InputProblem[];
  /** Problems found beyond those listed in `problems`. */
  readonly more: number;

  constructor(message: string, details?: InputErrorDetails);
  /** @deprecated pass `{ code, file, field, value }`: without a code the error is `E0009` (unclassified). */
  constructor(message: string, file?: string, field?: string);
  constructor(message: string, detailsOrFile?: InputErrorDetails | string, field?: string) {
    const d: InputErrorDetails = typeof detailsOrFile === 'object' && detailsOrFile !== null ? detailsOrFile : { code: 'E0009', file: detailsOrFile, field };
    super(d.file ? `${d.file}: ${message}` : message);
    this.name = 'InputError';
    this.code = d.code;
    this.file = d.file;
    this.field = d.field;
    if (d.value !== undefined) this.value = keepValue(d.value);
    this.problems = [{ code: d.code, message: this.message, field: d.field, value: this.value, file: d.file }];
    this.more = 0;
  }

  /**
   * One error for several problems: the first one's code, field and value; one message line
   * per problem, and a last line counting those beyond the cap.
   *
   * @example
   * ```ts
   * const e = InputError.combine([a, b]); // e.problems.length === 2
   * ```
   */
  static combine(errors: readonly InputError[], more = 0): InputError {
    if (errors.length === 1 && more === 0) return errors[0];
    const problems = errors.flatMap((e) => e.problems);
    const extra = more + errors.reduce((n, e) => n + e.more, 0) + Math.max(0, problems.length - MAX_REPORTED_PROBLEMS);
    const listed = problems.slice(0, MAX_REPORTED_PROBLEMS);
    const first = listed[0];
    const lines = listed.map((p) => p.message);
    if (extra > 0) lines.push(`… and ${extra} more problem${extra === 1 ? '' : 's'}`);
    const e = new InputError(lines.join('\n'), { code: first.code, field: first.field, value: first.value });
    return Object.assign(e, { file: first.file, problems: listed, more: extra });
  }

  /**
   * The same error with its messages and fields rewritten (e.g. prefixed by a file name, or
   * fields renamed for another entry point); codes and values are kept.
   *
   * @example
   * ```ts
   * throw e.rewrite({ file: 'day.json' });
   * ```
   */
  rewrite(how: { file?: string; rename?: (s: string) => string }): InputError {
    const rename = how.rename ?? ((s: string) => s);
    const errors = this.problems.map((p) => {
      const raw = p.file && p.message.startsWith(`${p.file}: `) ? p.message.slice(p.file.length + 2) : p.message;
      return new InputError(rename(raw), { code: p.code, file: how.file ?? p.file, field: p.field === undefined ? undefined : rename(p.field), value: p.value });
    });
    return errors.length === 1 && this.more === 0 ? errors[0] : InputError.combine(errors, this.more);
  }
}

/**
 * Gathers the problems of independent parts of an input (the jobs of a problem, the bins of a
 * scenario) so that one error reports them all, up to a cap.
 *
 * @example
 * ```ts
 * const problems = new ProblemCollector();
 * const jobs = raw.map((j, i) => problems.attempt(() => parseJob(j, `jobs[${i}]`)));
 * problems.throwIfAny(); // one InputError listing every bad job
 * ```
 */
export class ProblemCollector {
  readonly errors: InputError[] = [];
  private extra = 0;

  constructor(readonly cap = MAX_REPORTED_PROBLEMS) {}

  /** Runs `fn`; an {@link InputError} is recorded (and `undefined` returned), anything else is rethrown. */
  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (this.errors.length < this.cap) this.errors.push(e);
      else this.extra++;
      return undefined;
    }
  }

  /** Throws one error for every problem recorded so far, if any. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw InputError.combine(this.errors, this.extra);
  }
}

/**
 * A broken promise of the library itself (a job lost or duplicated, a route that fails the
 * engine's own final check, a trap inside the WebAssembly core): a bug to report, never a
 * user error. `fingerprint` identifies the input it happened on (a hash), when known.
 *
 * @example
 * ```ts
 * try { await solve(problem); } catch (e) { if (e instanceof InternalError) reportBug(e.message, e.fingerprint); }
 * ```
 */
export class InternalError extends Error {
  /** Hash of the core input the failure happened on (`fnv1a64:…`), when known. */
  readonly fingerprint?: string;

  constructor(message: string, options?: { fingerprint?: string; cause?: unknown }) {
    super(`binroute internal error (please report it): ${message}${options?.fingerprint ? ` [input ${options.fingerprint}]` : ''}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InternalError';
    this.fingerprint = options?.fingerprint;
  }
}
