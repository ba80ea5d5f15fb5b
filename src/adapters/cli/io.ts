import { readFileSync } from 'node:fs';
import type { Issue } from '../../service/result.js';

/** A command that could not run: an error name (as the HTTP API gives it) and every problem. */
export interface Failure {
  readonly ok: false;
  readonly error: string;
  readonly issues: readonly Issue[];
}

/** Reads a JSON document from a file path or `-` (standard input). Bad JSON is an issue, not a crash. */
export function readJsonArg(arg: string): { ok: true; value: unknown } | Failure {
  let text: string;
  try {
    text = readFileSync(arg === '-' ? 0 : arg, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, error: 'cannot_read_file', issues: [{ path: '(file)', message: `cannot read '${arg}' (${code})` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ').slice(0, 120);
    return { ok: false, error: 'invalid_request', issues: [{ path: '(file)', message: `'${arg}' is not valid JSON: ${why}` }] };
  }
}

export function printIssues(err: (s: string) => void, issues: readonly Issue[]): void {
  err(`The input has ${issues.length} problem(s):`);
  for (const i of issues) err(`  - ${i.path}: ${i.message}`);
}

/** Says why a command failed: readable lines on stderr and, with --json, `{ error, issues }` on stdout; exit code 2. */
export function reportFailure(f: Failure, json: boolean | undefined, out: (s: string) => void, err: (s: string) => void, setExit: (c: number) => void): void {
  if (json) out(JSON.stringify({ error: f.error, issues: f.issues }, null, 2));
  printIssues(err, f.issues);
  setExit(2);
}

/** Wraps text to a width for terminal reports; a leading "- " gets a hanging indent. */
export function wrap(text: string, width = 88, indent = ''): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const hang = text.trimStart().startsWith('- ') ? `${indent}  ` : indent;
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const lead = lines.length ? hang : indent;
    if ((line + ' ' + w).trim().length > width - lead.length) {
      lines.push(lead + line.trim());
      line = w;
    } else line += ` ${w}`;
  }
  if (line.trim()) lines.push((lines.length ? hang : indent) + line.trim());
  return lines.join('\n');
}
