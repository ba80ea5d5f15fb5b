import type { z } from 'zod';

export type ZIssue = z.core.$ZodIssue;

/**
 * Replaces a vague "invalid union" by the issues of the branch that got furthest into the
 * value, so a bad id inside a list is reported at that id, not as "invalid input".
 */
export function specificIssues(issues: readonly ZIssue[], prefix: readonly PropertyKey[] = []): ZIssue[] {
  return issues.flatMap((i): ZIssue[] => {
    const path = [...prefix, ...i.path];
    if (i.code !== 'invalid_union' || i.errors.length === 0) return [{ ...i, path }];
    const depth = (b: readonly ZIssue[]) => Math.max(...b.map((x) => x.path.length));
    const best = [...i.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
    if (best.length === 0 || depth(best) === 0) return [{ ...i, path, message: unionMessage(i) }];
    return specificIssues(best, path);
  });
}

/** A union whose branches all failed at the top: say what each would have accepted. */
function unionMessage(i: ZIssue & { code: 'invalid_union' }): string {
  const parts = [...new Set(i.errors.map((b) => b[0]?.message).filter((m): m is string => Boolean(m)))];
  if (parts.length && parts.every((p) => p.startsWith('is required ('))) {
    return `is required (${parts.map((p) => p.slice('is required ('.length, -1)).join(', or ')})`;
  }
  const mustBe = /^must be (.*); got (.*)$/;
  const matches = parts.map((p) => mustBe.exec(p));
  if (matches.length && matches.every((m) => m !== null)) {
    return `must be ${matches.map((m) => m?.[1] ?? '').join(', or ')}; got ${matches[0]?.[2] ?? ''}`;
  }
  return parts.length ? `not accepted: ${parts.join('; or ')}` : i.message;
}
