// A small, strict command-line parser: long flags only (plus -h), with clear errors.
import { parseIntStrict, parseRealStrict } from '../src/io/tokens.js';

/**
 * A mistake in how the command was called. `showUsage` asks the CLI to print the usage too.
 *
 * @example
 * ```ts
 * throw new UsageError('unknown option --bogus', true);
 * ```
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Flag name (without `--`) → whether it takes a value. */
export type FlagSpec = Record<string, 'value' | 'switch'>;

/** Parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits `argv` into positionals and `--flag value` / `--flag=value` / `--switch` flags.
 * `-h` means `--help`; `--` ends the flags. Unknown flags, missing values and repeated
 * flags throw a {@link UsageError}.
 *
 * @example
 * ```ts
 * const { positionals, flags } = parseArgs(['a.vrp', '--seed=3', '--quiet'], { seed: 'value', quiet: 'switch' });
 * // positionals = ['a.vrp'], flags = Map { 'seed' => '3', 'quiet' => true }
 * ```
 */
export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      flags.set('help', true);
      continue;
    }
    if (!a.startsWith('-') || a === '-' || /^-\d/.test(a)) {
      positionals.push(a);
      continue;
    }
    if (!a.startsWith('--')) throw new UsageError(`unknown option ${a}`, true);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const kind = name === 'help' ? 'switch' : Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!kind) throw new UsageError(`unknown option --${name}`, true);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (kind === 'switch') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    flags.set(name, value);
  }
  return { positionals, flags };
}

/**
 * Reads a flag as a positive, finite number of seconds, or `undefined` when absent.
 *
 * @example
 * ```ts
 * secondsFlag(new Map([['time-limit', '2.5']]), 'time-limit'); // 2.5
 * ```
 */
export function secondsFlag(flags: Map<string, string | true>, name: string): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const x = typeof v === 'string' ? parseRealStrict(v) : undefined;
  if (x === undefined || x <= 0 || x > 1e9) {
    throw new UsageError(`--${name}: expected a positive number of seconds, got "${String(v)}"`);
  }
  return x;
}

/**
 * Reads a flag as an integer in `[min, max]`, or `undefined` when absent.
 *
 * @example
 * ```ts
 * intFlag(new Map([['seed', '7']]), 'seed', 0, 2 ** 32 - 1); // 7
 * ```
 */
export function intFlag(flags: Map<string, string | true>, name: string, min: number, max: number): number | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  const x = typeof v === 'string' ? parseIntStrict(v) : undefined;
  if (x === undefined || x < min || x > max) {
    throw new UsageError(`--${name}: expected an integer from ${min} to ${max}, got "${String(v)}"`);
  }
  return x;
}

/**
 * Reads a flag's string value, or `undefined` when absent; empty values are refused.
 *
 * @example
 * ```ts
 * stringFlag(new Map([['output', 'a.sol']]), 'output'); // 'a.sol'
 * ```
 */
export function stringFlag(flags: Map<string, string | true>, name: string): string | undefined {
  const v = flags.get(name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} needs a non-empty value`);
  return v;
}
