/**
 * An error in the caller's input: a bad file, field or option. The CLI prints `message`
 * on one line and exits with code 2; it never prints a stack trace for this class.
 *
 * @example
 * ```ts
 * throw new InputError('demands[3]: -2 is negative', 'X-n101-k25.vrp');
 * ```
 */
export class InputError extends Error {
  /** The file the error is about, when there is one. */
  readonly file?: string;
  /** The field or section at fault, e.g. `DEMAND_SECTION` or `options.seed`. */
  readonly field?: string;

  constructor(message: string, file?: string, field?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'InputError';
    this.file = file;
    this.field = field;
  }
}

/**
 * A broken promise of the library itself (a job lost or duplicated, a route that fails the
 * engine's own final check): a bug to report, never a user error.
 *
 * @example
 * ```ts
 * try { await solve(problem); } catch (e) { if (e instanceof InternalError) reportBug(e); }
 * ```
 */
export class InternalError extends Error {
  constructor(message: string) {
    super(`binroute internal error (please report it): ${message}`);
    this.name = 'InternalError';
  }
}
