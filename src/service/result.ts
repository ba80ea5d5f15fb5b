import type { z } from 'zod';
import { quote } from '../core/common/input-types.js';
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

type ZRawIssue = {
  code?: string;
  input?: unknown;
  expected?: string;
  values?: readonly unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
};

/** A received value in a message; a number JSON could not hold (1e400 parses as Infinity) is said as such. */
function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number too large to use';
  return quote(v);
}

const EXPECTED: Record<string, string> = { array: 'a list', object: 'an object', int: 'a whole number', number: 'a number', boolean: 'true or false' };

/** A size limit in words: numbers by value, lists by items, text by characters. */
function limit(iss: ZRawIssue): string | undefined {
  const big = iss.code === 'too_big';
  const n = Number(big ? iss.maximum : iss.minimum);
  const got = `; got ${describeValue(iss.input)}`;
  switch (iss.origin) {
    case 'number':
    case 'int':
      if (big) return `${iss.inclusive ? `must be at most ${n}` : `must be a number less than ${n}`}${got}`;
      return `${iss.inclusive ? `must be at least ${n}` : `must be a number greater than ${n}`}${got}`;
    case 'array': {
      const count = Array.isArray(iss.input) ? `; got ${iss.input.length}` : '';
      return `must have ${big ? 'at most' : 'at least'} ${n} item${n === 1 ? '' : 's'}${count}`;
    }
    case 'string':
      return `must be ${big ? 'at most' : 'at least'} ${n} character${n === 1 ? '' : 's'} long`;
    default:
      return undefined;
  }
}

/** Plain messages for the common problems: what is wrong and what is accepted. */
function friendly(iss: ZRawIssue): string | undefined {
  if (iss.code === 'too_big' || iss.code === 'too_small') return limit(iss);
  const values = iss.values ?? [];
  const accepted =
    iss.code === 'invalid_value'
      ? values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`
      : EXPECTED[iss.expected ?? ''] ?? `a ${iss.expected ?? 'value'}`;
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_value')) return `is required (${accepted})`;
  if (iss.code === 'invalid_value' || iss.code === 'invalid_type') return `must be ${accepted}; got ${describeValue(iss.input)}`;
  return undefined;
}

/**
 * In a union, a branch that failed only its own checks (e.g. "2026-02-30" for a date or "unknown") had the
 * right type: its message is the one to give, not a list of every branch.
 */
function preferCheckedBranch(issues: readonly ZIssue[]): ZIssue[] {
  return issues.flatMap((i): ZIssue[] => {
    if (i.code !== 'invalid_union' || i.errors.length === 0) return [i];
    const errors = i.errors.map(preferCheckedBranch);
    const checked = errors.filter((b) => b.length > 0 && b.every((x) => x.code === 'custom'));
    const only = checked.length === 1 ? checked[0] : undefined;
    return only ? only.map((x) => ({ ...x, path: [...i.path, ...x.path] })) : [{ ...i, errors } as ZIssue];
  });
}

const unknownKeys = (keys: readonly string[]) =>
  `unknown field(s): ${keys.slice(0, 5).map((k) => quote(k).slice(1, -1)).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}; remove them or check the spelling`;

/** Parses with a zod schema, giving every problem as `{ path, message }`. */
export function parseWith<T>(schema: z.ZodType<T>, data: unknown): Result<T> {
  const r = schema.safeParse(data, { error: (iss) => friendly(iss) });
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: specificIssues(preferCheckedBranch(r.error.issues)).map((i) => ({
      path: renderIssuePath(i.path),
      message: i.code === 'unrecognized_keys' ? unknownKeys(i.keys) : i.message,
    })),
  };
}
