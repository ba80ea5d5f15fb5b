import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Knowledge } from '../../core/knowledge/compile.js';
import { ENGINE_VERSION } from '../../core/version.js';
import { createAfterTreatmentService } from '../../service/after-treatment.service.js';
import { createScreeningService, type Clock } from '../../service/screening.service.js';
import { afterTreatmentRoutes } from './after-treatment.route.js';
import { installErrorHandling } from './errors.js';
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
}

/** Builds the HTTP server: routes validate, call one service, map the result. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  // Logs say what was asked (method, url, status, time), never what was in it: request bodies are not logged.
  const logger = deps.logger ? (deps.loggerStream ? { stream: deps.loggerStream } : true) : false;
  const app = Fastify({ logger, bodyLimit: deps.bodyLimit });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, deps.bodyLimit);
  acceptJsonBodiesOnly(app);
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
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/api/v1/health', { schema: { tags: ['meta'], summary: 'Liveness and versions' } }, () => ({
    status: 'ok', engineVersion: ENGINE_VERSION, knowledgeVersion: deps.kb.version,
  }));
  screeningRoutes(app, createScreeningService(deps.kb, deps.clock), deps.kb);
  afterTreatmentRoutes(app, createAfterTreatmentService(deps.kb, deps.clock));
  knowledgeRoutes(app, deps.kb);
  if (deps.webDir !== null) await webRoutes(app, deps.webDir);
  return app;
}
