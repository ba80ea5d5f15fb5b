import type { FastifyInstance } from 'fastify';
import { renderIssuePath, type Issue, type Result } from '../../service/result.js';
import { RequestError } from './errors.js';

/** A key that could reach an object's prototype if the body were ever merged into another object. */
function forbiddenKey(o: Record<string, unknown>): string | undefined {
  if (Object.hasOwn(o, '__proto__')) return '__proto__';
  const c = o.constructor;
  return Object.hasOwn(o, 'constructor') && c !== null && typeof c === 'object' && Object.hasOwn(c, 'prototype') ? 'constructor' : undefined;
}

interface Node { v: unknown; key?: PropertyKey; parent?: Node }
const pathOf = (n: Node | undefined, tail: PropertyKey[] = []): PropertyKey[] => {
  for (; n?.key !== undefined; n = n.parent) tail.unshift(n.key);
  return tail;
};

/** The path of a `__proto__` (or `constructor` holding `prototype`) key; a loop, not recursion, for deep bodies. */
function findForbiddenKey(root: unknown): { path: PropertyKey[]; key: string } | undefined {
  const stack: Node[] = [{ v: root }];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const v = n.v;
    if (v === null || typeof v !== 'object') continue;
    const isList = Array.isArray(v);
    const key = isList ? undefined : forbiddenKey(v as Record<string, unknown>);
    if (key) return { path: pathOf(n, [key]), key };
    for (const [k, child] of Object.entries(v)) {
      if (child !== null && typeof child === 'object') stack.push({ v: child, key: isList ? Number(k) : k, parent: n });
    }
  }
  return undefined;
}

const bad = (path: string, message: string): { ok: false; issues: Issue[] } => ({ ok: false, issues: [{ path, message }] });

/**
 * Parses a JSON request body. `JSON.parse` keeps a `__proto__` key as a plain own key (it cannot pollute), but
 * such keys are refused, with their path, in case the body is ever merged into another object.
 */
export function parseJsonBody(raw: string): Result<unknown> {
  // A UTF-8 byte order mark before the JSON (some Windows editors write one) is not part of the document.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return bad('(body)', 'the body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return bad('(body)', `the body is not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 120)}`);
  }
  // A forbidden key is spelled out or written with \u escapes: only then is the walk needed.
  if (!/__proto__|constructor|\\u/.test(text)) return { ok: true, value };
  const found = findForbiddenKey(value);
  if (!found) return { ok: true, value };
  const message = found.key === '__proto__'
    ? 'the key __proto__ is not allowed; remove it'
    : 'a constructor key holding prototype is not allowed; remove it';
  return bad(renderIssuePath(found.path), message);
}

/**
 * Only `application/json` bodies are parsed: any other content type (fastify also reads text/plain by default)
 * is answered 415 by the error handler.
 */
export function acceptJsonBodiesOnly(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const r = parseJsonBody(String(body));
    if (r.ok) done(null, r.value);
    else done(new RequestError(400, 'invalid_request', r.issues), undefined);
  });
}
