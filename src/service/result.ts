import type { z } from 'zod';
import { specificIssues } from '../core/common/zod-issues.js';

/** One problem with a request: where, and what is wrong / accepted. */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

/** Expected failures are values: adapters map `issues` to HTTP 400 or exit code 2. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Renders a schema path as `person.conditions[0].id`. */
export function renderIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out || '(body)';
}


type ZRawIssue = { code?: string; input?: unknown; expected?: string; values?: readonly unknown[] };

const describeValue = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : JSON.stringify(v));

/** Plain messages for the common problems: what is wrong and what is accepted. */
function friendly(iss: ZRawIssue): string | undefined {
  const values = iss.values ?? [];
  const accepted =
    iss.code === 'invalid_value'
      ? values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`
      : iss.expected === 'array' ? 'a list' : iss.expected === 'object' ? 'an object' : `a ${iss.expected ?? 'value'}`;
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_value')) return `is required (${accepted})`;
  if (iss.code === 'invalid_value') return `must be ${accepted}; got ${describeValue(iss.input)}`;
  if (iss.code === 'invalid_type') return `must be ${accepted}; got ${describeValue(iss.input)}`;
  return undefined;
}

/** Parses with a zod schema, giving every problem as `{ path, message }`. */
export function parseWith<T>(schema: z.ZodType<T>, data: unknown): Result<T> {
  const r = schema.safeParse(data, { error: (iss) => friendly(iss) });
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: specificIssues(r.error.issues).map((i) => {
      if (i.code === 'unrecognized_keys') {
        return { path: renderIssuePath(i.path), message: `unknown field(s): ${i.keys.join(', ')}; remove them or check the spelling` };
      }
      return { path: renderIssuePath(i.path), message: i.message };
    }),
  };
}
