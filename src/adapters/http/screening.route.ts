import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ScreeningService } from '../../service/screening.service.js';

export const IssuesBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** Route schemas are declared for the OpenAPI document; the service does the validation. */
export const passThrough = () => (data: unknown) => ({ value: data });

export function screeningRoutes(app: FastifyInstance, svc: ScreeningService): void {
  app.post('/api/v1/screenings', {
    schema: {
      tags: ['screening'],
      summary: 'Screen a person x plan x setting before treatment',
      description: 'Returns a verdict (proceed, proceed_with_precautions, defer, do_not_treat) with findings, each with its rule id, inputs, sources and grades.',
      body: svc.schema,
      response: { 400: IssuesBody, 413: IssuesBody },
    },
    validatorCompiler: passThrough,
  }, (req, reply) => {
    const r = svc.screen(req.body);
    if (!r.ok) return reply.code(400).send({ error: 'invalid_request', issues: r.issues });
    return reply.send(r.value);
  });
}
