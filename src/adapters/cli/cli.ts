// Process entry point of the `primum` command.
import { runCli } from './main.js';

const args = process.argv.slice(2);
process.exitCode = await runCli(args.length ? args : ['--help']);
