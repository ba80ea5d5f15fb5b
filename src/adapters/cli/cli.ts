// Process entry point of the `primum` command.
import { runCli } from './main.js';

// Output that cannot be written (a full disk, a closed pipe) is one clear line and exit 1, never a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  process.stderr.write(`primum: cannot write the output (${e.code ?? 'error'}: ${e.code === 'ENOSPC' ? 'the disk is full' : e.message})\n`);
  process.exit(1);
});

const args = process.argv.slice(2);
process.exitCode = await runCli(args.length ? args : ['--help']);
