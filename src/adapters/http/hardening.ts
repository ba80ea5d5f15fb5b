import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Limits } from '../config.js';
import { issuesBody } from './errors.js';

/** The web app's policy: scripts, styles and connections only from this origin; no framing, plugins or inline script. */
export const APP_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

const CLIENT_ID = /^[\w.:-]{1,64}$/;

/** A request id: the caller's X-Request-Id when it is short and plain (so it can be traced through a proxy), else a new one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID();
}

/** Errors Node's HTTP parser raises before fastify sees a request, answered in the API's error shape. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const [status, reason, message] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'the request headers are too large']
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'the request was not received in time']
    : [400, 'Bad Request', 'the request is not valid HTTP/1.1'];
  const body = JSON.stringify(issuesBody(status === 408 ? 'request_timeout' : 'invalid_request', '(request)', message));
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Fastify's own options for timeouts, request ids and protocol errors. */
export function serverOptions(limits: Limits, trustProxy: boolean | number | string): FastifyServerOptions {
  return {
    bodyLimit: limits.bodyLimit,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.requestTimeoutMs * 2,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // A number of hops is trusted as proxy-addr does it: the n addresses nearest to the server.
    trustProxy: typeof trustProxy === 'number' ? (_addr: string, hop: number) => hop < trustProxy : trustProxy,
    requestIdHeader: false,
    genReqId: requestId,
    return503OnClosing: true,
    clientErrorHandler,
  };
}

/** Headers, compression, rate limit and load shedding, registered before any route. */
export async function installHardening(app: FastifyInstance, limits: Limits): Promise<void> {
  app.server.headersTimeout = limits.headersTimeoutMs;
  app.server.maxConnections = limits.maxConnections;
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    retryAfter: 5,
    pressureHandler: async (req, reply, type) => {
      if (req.url === '/health') return; // liveness is answered even under load
      req.log.warn({ pressure: type }, 'request shed under load');
      await reply.code(503).header('retry-after', 5).send(issuesBody('overloaded', '(server)', 'the server is busy; try again in a few seconds'));
    },
  });
  await app.register(rateLimit, {
    max: limits.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (req) => req.url === '/health' || req.url === '/ready',
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('rate limited'), {
        statusCode: ctx.statusCode,
        body: issuesBody('rate_limited', '(client)', `more than ${ctx.max} requests a minute from this address; try again in ${ctx.after}`),
      }),
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/') && !req.url.startsWith('/api/docs') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
