// The `binroute` command (bundled by tsup into dist/cli.js): runs runCli on the process's arguments.
import { runCli } from './runCli.js';

process.exitCode = await runCli(process.argv.slice(2));
