import { Command, CommanderError } from 'commander';
import { registerAfterTreatment } from './after-treatment.command.js';
import { registerKb } from './kb.command.js';
import { registerSchema } from './schema.command.js';
import { registerScreen } from './screen.command.js';
import { registerServe } from './serve.command.js';

/** Builds the CLI. Output functions and exit setting are injected so tests can run it in-process. */
export function buildProgram(out: (s: string) => void, err: (s: string) => void, setExit: (c: number) => void): Command {
  const program = new Command('primum')
    .description('Primum: microneedling safety from cited, versioned clinical knowledge. Not for emergencies: call your emergency number.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });
  registerKb(program, out, err, setExit);
  registerServe(program, out);
  registerScreen(program, out, err, setExit);
  registerAfterTreatment(program, out, err, setExit);
  registerSchema(program, out, err, setExit);
  return program;
}

export async function runCli(argv: readonly string[], out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  let code = 0;
  const program = buildProgram(out, err, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    err(`primum: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  return code;
}
