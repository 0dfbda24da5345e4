// A small, strict command-line parser: long flags, -h, and single-letter aliases a command
// declares (e.g. VROOM's -i/-o/-l for `solve`), with clear errors.
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

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Flag name (without `--`) → whether it takes a value. */
export type FlagSpec = Record<string, 'value' | 'switch'>;

/** Single letter (without `-`) → the long flag name it stands for, e.g. `{ i: 'input' }`. */
export type ShortFlags = Record<string, string>;

/** Parsed command line. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Splits `argv` into positionals and `--flag value` / `--flag=value` / `--switch` flags.
 * `-h` means `--help`; `--` ends the flags; `-` alone is a positional (stdin). A letter of
 * `short` stands for its long flag: `-i FILE` or `-iFILE` for a value, `-g` for a switch; the
 * flag is stored under its long name. Unknown flags, missing values and repeated flags
 * (also `-o a --output b`) throw a {@link UsageError}.
 *
 * @example
 * ```ts
 * const { positionals, flags } = parseArgs(['a.vrp', '--seed=3', '--quiet'], { seed: 'value', quiet: 'switch' });
 * // positionals = ['a.vrp'], flags = Map { 'seed' => '3', 'quiet' => true }
 * parseArgs(['-i', 'f.json', '-l', '5'], { input: 'value', 'time-limit': 'value' }, { i: 'input', l: 'time-limit' });
 * // positionals = [], flags = Map { 'input' => 'f.json', 'time-limit' => '5' }
 * ```
 */
export function parseArgs(argv: string[], spec: FlagSpec, short: ShortFlags = {}): ParsedArgs {
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
    // `-iFILE` / `-i FILE` (a declared letter), or `--name=value` / `--name value`
    const isShort = !a.startsWith('--');
    const eq = isShort ? (a.length > 2 ? 2 : -1) : a.indexOf('=');
    const name = isShort ? (has(short, a[1]) ? short[a[1]] : undefined) : a.slice(2, eq < 0 ? undefined : eq);
    const kind = name === 'help' ? 'switch' : name !== undefined && has(spec, name) ? spec[name] : undefined;
    if (!kind || name === undefined) throw new UsageError(`unknown option ${isShort ? a : `--${name}`}`, true);
    const shown = isShort ? `-${a[1]}` : `--${name}`;
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    if (kind === 'switch') {
      if (eq >= 0) throw new UsageError(`${isShort ? a : shown} takes no value`);
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = a.slice(isShort ? 2 : eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${shown} needs a value`);
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
