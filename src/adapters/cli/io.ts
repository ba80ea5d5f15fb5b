import { closeSync, openSync, readSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../config.js';
import type { Issue } from '../../service/result.js';

/** A command that could not run: an error name (as the HTTP API gives it) and every problem. */
export interface Failure {
  readonly ok: false;
  readonly error: string;
  readonly issues: readonly Issue[];
}

/** Reads at most `limit` bytes; undefined when there is more. */
function readCapped(arg: string, limit: number): string | undefined {
  const fd = arg === '-' ? 0 : openSync(arg, 'r');
  const buf = Buffer.alloc(limit + 1);
  let n = 0;
  try {
    while (n <= limit) {
      let got: number;
      try {
        got = readSync(fd, buf, n, limit + 1 - n, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; // standard input not ready yet
        throw e;
      }
      if (got === 0) return buf.toString('utf8', 0, n);
      n += got;
    }
    return undefined;
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * Reads a JSON document from a file path or `-` (standard input), at most `limit` bytes (the HTTP body limit):
 * `/dev/zero` stops with an error instead of filling memory. Bad JSON is an issue, not a crash.
 */
export function readJsonArg(arg: string, limit: number = DEFAULT_LIMITS.bodyLimit): { ok: true; value: unknown } | Failure {
  let text: string | undefined;
  try {
    text = readCapped(arg, limit);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, error: 'cannot_read_file', issues: [{ path: '(file)', message: `cannot read '${arg}' (${code})` }] };
  }
  if (text === undefined) {
    return { ok: false, error: 'payload_too_large', issues: [{ path: '(file)', message: `'${arg}' is larger than the ${limit} bytes accepted` }] };
  }
  // A UTF-8 byte order mark before the JSON (some Windows editors write one) is not part of the document.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
export function reportFailure(f: Failure, json: boolean | undefined, out: (s: string) => void, err: (s: string) => void, setExit: (c: number) => void, code = 2): void {
  if (json) out(JSON.stringify({ error: f.error, issues: f.issues }, null, 2));
  printIssues(err, f.issues);
  setExit(code);
}

/** Why a file could not be written, in words, from its error code. */
export function cannotWrite(path: string, e: unknown): Failure {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the folder does not exist' : code;
  return { ok: false, error: 'cannot_write_file', issues: [{ path: '(file)', message: `cannot write '${path}' (${why})` }] };
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
