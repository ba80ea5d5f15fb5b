import type { FastifyInstance } from 'fastify';
import type { Knowledge } from '../../core/knowledge/compile.js';
import { knowledgeSummary } from '../../core/knowledge/summary.js';

export function knowledgeRoutes(app: FastifyInstance, kb: Knowledge): void {
  const summary = knowledgeSummary(kb);
  app.get('/api/v1/knowledge', {
    schema: { tags: ['knowledge'], summary: 'Knowledge version, clinical review status and vocabulary for building forms' },
  }, () => summary);
}
