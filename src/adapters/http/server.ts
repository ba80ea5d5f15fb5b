import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Knowledge } from '../../core/knowledge/compile.js';
import { ENGINE_VERSION } from '../../core/version.js';
import { createAfterTreatmentService } from '../../service/after-treatment.service.js';
import { createScreeningService, type Clock } from '../../service/screening.service.js';
import { afterTreatmentRoutes } from './after-treatment.route.js';
import { DEFAULT_LIMITS, type Limits } from '../config.js';
import { installErrorHandling } from './errors.js';
import { installHardening, serverOptions } from './hardening.js';
import { acceptJsonBodiesOnly } from './json-body.js';
import { knowledgeRoutes } from './knowledge.route.js';
import { screeningRoutes } from './screening.route.js';
import { webRoutes } from './web.route.js';

export interface ServerDeps {
  kb: Knowledge;
  clock: Clock;
  bodyLimit: number;
  logger?: boolean;
  /** Where logs go when `logger` is on (default: standard output). */
  loggerStream?: NodeJS.WritableStream;
  /** The built web app's folder; null to serve the API only. Default: web/dist. */
  webDir?: string | null;
  /** Limits other than bodyLimit (default: DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** See Config.trustProxy (default false). */
  trustProxy?: boolean | number | string;
}

/** Builds the HTTP server: routes validate, call one service, map the result. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  // Logs say what was asked (method, url, status, time), never what was in it: request bodies are not logged.
  const logger = deps.logger ? (deps.loggerStream ? { stream: deps.loggerStream } : true) : false;
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits, bodyLimit: deps.bodyLimit };
  const app = Fastify({ logger, ...serverOptions(limits, deps.trustProxy ?? false) });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, deps.bodyLimit);
  acceptJsonBodiesOnly(app);
  await installHardening(app, limits);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Primum API',
        version: ENGINE_VERSION,
        description: `Microneedling safety from cited, versioned knowledge (knowledge ${deps.kb.version}). ${deps.kb.manifest.policy.emergencyNotice}`,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/health', { schema: { tags: ['meta'], summary: 'Alive: the process answers' } }, () => ({ status: 'ok' }));
  app.get('/ready', { schema: { tags: ['meta'], summary: 'Ready: the knowledge is loaded' } }, (_req, reply) =>
    deps.kb.rulesById.size > 0
      ? { status: 'ready', knowledgeVersion: deps.kb.version }
      : reply.code(503).send({ error: 'not_ready', issues: [{ path: '(knowledge)', message: 'no knowledge is loaded' }] }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/api/v1/health', { schema: { tags: ['meta'], summary: 'Liveness and versions' } }, () => ({
    status: 'ok', engineVersion: ENGINE_VERSION, knowledgeVersion: deps.kb.version,
  }));
  screeningRoutes(app, createScreeningService(deps.kb, deps.clock), deps.kb, limits.pdfConcurrency);
  afterTreatmentRoutes(app, createAfterTreatmentService(deps.kb, deps.clock));
  knowledgeRoutes(app, deps.kb);
  if (deps.webDir !== null) await webRoutes(app, deps.webDir);
  return app;
}
