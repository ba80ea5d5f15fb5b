import type { FastifyError, FastifyInstance } from 'fastify';
import type { Issue } from '../../service/result.js';

/** The body of every 4xx/5xx response. */
export interface ErrorBody {
  error: string;
  issues: Issue[];
}

/** An error body with one issue. */
export const issuesBody = (error: string, path: string, message: string): ErrorBody => ({ error, issues: [{ path, message }] });
const body = issuesBody;

/** A request refused before it reaches a route (e.g. by the body parser), with its status and issues. */
export class RequestError extends Error {
  constructor(readonly status: number, readonly error: string, readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

const hasBody = (e: unknown): e is { body: ErrorBody } =>
  typeof e === 'object' && e !== null && 'body' in e && typeof e.body === 'object';

/** One mapper from failures to HTTP: never a stack trace, never a 500 for bad input. */
export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  // The methods each path answers, to tell "wrong method" (405 with Allow) from "no such path" (404).
  const methods = new Map<string, Set<string>>();
  app.addHook('onRoute', (r) => {
    const set = methods.get(r.url) ?? new Set<string>();
    for (const m of [r.method].flat()) set.add(m);
    methods.set(r.url, set);
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof RequestError) return reply.code(err.status).send({ error: err.error, issues: err.issues });
    if (hasBody(err) && typeof err.statusCode === 'number') return reply.code(err.statusCode).send(err.body);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(body('payload_too_large', '(body)', `the request body is larger than the ${bodyLimit} bytes accepted`));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send(body('unsupported_media_type', '(body)', 'send JSON with Content-Type: application/json'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
      return reply.code(400).send(body('invalid_request', '(headers).content-length', 'the Content-Length header does not match the body sent'));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(body('invalid_request', '(request)', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body('internal_error', '(server)', 'something went wrong on our side; nothing was saved. Please try again.'));
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const allowed = methods.get(path);
    if (allowed?.size) {
      const allow = [...allowed].sort().join(', ');
      return reply.code(405).header('allow', allow).send(body('method_not_allowed', '(method)', `${path} does not answer ${req.method}; use ${allow}`));
    }
    return reply.code(404).send(body('not_found', '(url)', `no route ${req.method} ${path}; see /api/docs`));
  });
}
