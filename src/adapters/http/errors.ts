import type { FastifyError, FastifyInstance } from 'fastify';
import type { Issue } from '../../service/result.js';

/** The body of every 4xx/5xx response. */
export interface ErrorBody {
  error: string;
  issues: Issue[];
}

const body = (error: string, path: string, message: string): ErrorBody => ({ error, issues: [{ path, message }] });

/** A request refused before it reaches a route (e.g. by the body parser), with its status and issues. */
export class RequestError extends Error {
  constructor(readonly status: number, readonly error: string, readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

/** One mapper from failures to HTTP: never a stack trace, never a 500 for bad input. */
export function installErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof RequestError) return reply.code(err.status).send({ error: err.error, issues: err.issues });
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
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(body('not_found', '(url)', `no route ${req.method} ${req.url.split('?')[0] ?? ''}; see /api/docs`)),
  );
}
