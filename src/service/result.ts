import { specificIssues, type ZIssue } from '../core/common/zod-issues.js';

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

interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly ZIssue[] } };
}

/** Parses with a zod schema, giving every problem as `{ path, message }`. */
export function parseWith<T>(schema: SafeParser<T>, data: unknown): Result<T> {
  const r = schema.safeParse(data);
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
