// `runCli`: command dispatch, exit codes, one coded line per input problem, internal errors without a stack unless --debug.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../bench/locate.js';
import { InputError } from '../src/errors.js';
import { UsageError } from './args.js';
import { benchCommand } from './benchCommand.js';
import { nodeIo, type CliIo } from './cliIo.js';
import { solveCommand } from './solveCommand.js';
import { simulateCommand } from './simulateCommand.js';
import { planCommand } from './planCommand.js';
import { forecastCommand } from './forecastCommand.js';

function version(io: CliIo): string {
  const root = findPackageRoot(io.cliDir);
  if (!root) return 'unknown';
  try {
    return String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  } catch {
    return 'unknown';
  }
}

/** Node's file-system error codes that mean "the user gave a bad path", not "binroute is broken". */
const USER_FS_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG', 'EROFS', 'ENOSPC', 'EEXIST']);

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The lines a user sees for an input error: one per problem, each ending with its stable code
 * (`binroute: day.json: jobs[3].service: "60" is not an integer [E1002]`), and one counting the
 * problems beyond the cap.
 */
function inputErrorLines(e: InputError): string {
  const lines = e.problems.map((p) => `binroute: ${oneLine(p.message)} [${p.code}]\n`);
  if (e.more > 0) lines.push(`binroute: … and ${e.more} more problem${e.more === 1 ? '' : 's'}\n`);
  return lines.join('');
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code:
 * 0 success, 1 internal error (one line with a hint to report it; the stack only with
 * `--debug`), 2 user error (one line `binroute: <message> [E….]` per problem), 130 interrupted bench.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(['solve', 'fixtures/tiny-8.vrp', '--iterations', '100']);
 * ```
 */
export async function runCli(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const debug = argv.includes('--debug');
  if (debug) argv = argv.filter((a) => a !== '--debug');
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case undefined:
        io.stderr(io.usage);
        return 2;
      case '--help':
      case '-h':
      case 'help':
        io.stdout(io.usage);
        return 0;
      case '--version':
        io.stdout(`binroute ${version(io)}\n`);
        return 0;
      case 'solve':
        return await solveCommand(rest, io);
      case 'bench':
        return await benchCommand(rest, io);
      case 'simulate':
        return await simulateCommand(rest, io);
      case 'plan':
        return await planCommand(rest, io);
      case 'forecast':
        return await forecastCommand(rest, io);
      default:
        throw new UsageError(
          command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`,
          true,
        );
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`binroute: ${oneLine(e.message)}\n`);
      if (e.showUsage) io.stderr(`\n${io.usage}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(inputErrorLines(e));
      if (debug && e.stack) io.stderr(`${e.stack}\n`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && USER_FS_CODES.has(code)) {
      io.stderr(`binroute: ${oneLine((e as Error).message)} [E0001]\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    const what = message.startsWith('binroute internal error') ? message : `binroute internal error (please report it): ${message}`;
    io.stderr(`binroute: ${oneLine(what)}\n`);
    if (debug) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
    else io.stderr('binroute: this is a bug in binroute, not in your input: please report it with the command line and the input file (run again with --debug for the stack trace)\n');
    return 1;
  }
}

