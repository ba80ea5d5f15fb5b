import { readFileSync } from 'node:fs';
import type { Issue } from '../../service/result.js';

/** Reads a JSON document from a file path or `-` (standard input). Bad JSON is an issue, not a crash. */
export function readJsonArg(arg: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  let text: string;
  try {
    text = readFileSync(arg === '-' ? 0 : arg, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, issues: [{ path: '(file)', message: `cannot read '${arg}' (${code})` }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, issues: [{ path: '(file)', message: `'${arg}' is not valid JSON: ${(e as Error).message}` }] };
  }
}

export function printIssues(err: (s: string) => void, issues: readonly Issue[]): void {
  err(`The input has ${issues.length} problem(s):`);
  for (const i of issues) err(`  - ${i.path}: ${i.message}`);
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
