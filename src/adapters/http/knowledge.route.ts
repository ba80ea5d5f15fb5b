import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Knowledge } from '../../core/knowledge/compile.js';
import { OPERATORS, SETTINGS } from '../../core/knowledge/facts.js';
import { knowledgeSummary } from '../../core/knowledge/summary.js';
import { zoneLimits } from '../../core/screening/zone-limits.js';
import { parseWith } from '../../service/result.js';
import { IssuesBody } from './responses.js';
import { passThrough } from './screening.route.js';

export function knowledgeRoutes(app: FastifyInstance, kb: Knowledge): void {
  const summary = knowledgeSummary(kb);
  app.get('/api/v1/knowledge', {
    schema: { tags: ['knowledge'], summary: 'Knowledge version, clinical review status and vocabulary for building forms' },
  }, () => summary);

  const devices = kb.devices.filter((d) => d.energy !== 'none').map((d) => d.id);
  const Query = z.strictObject({
    device: z.enum(devices as [string, ...string[]]),
    setting: z.enum(SETTINGS),
    operator: z.enum(OPERATORS).optional(),
  });
  app.get('/api/v1/zone-limits', {
    schema: {
      tags: ['knowledge'],
      summary: 'Each zone\'s deepest setting that no rule blocks, for a device, setting and operator (derived from the screening rules)',
      querystring: Query,
      response: { 400: IssuesBody },
    },
    validatorCompiler: passThrough,
  }, (req, reply) => {
    const q = parseWith(Query, req.query);
    if (!q.ok) return reply.code(400).send({ error: 'invalid_request', issues: q.issues });
    return { device: q.value.device, setting: q.value.setting, zones: zoneLimits(kb, q.value.device, q.value.setting, q.value.operator) };
  });
}
