import { setImmediate } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { Knowledge } from '../../core/knowledge/compile.js';
import type { ScreeningService } from '../../service/screening.service.js';
import { reportLabels, screeningReportPdf } from '../pdf/screening-report.js';
import { documentedResult, IssuesBody, jsonBodyErrors } from './responses.js';

/** Route schemas are declared for the OpenAPI document; the service does the validation. */
export const passThrough = () => (data: unknown) => ({ value: data });

export function screeningRoutes(app: FastifyInstance, svc: ScreeningService, kb: Knowledge, pdfConcurrency = 4): void {
  const labels = reportLabels(kb);
  // PDFs take far longer than JSON answers: a few at a time, so a flood of them cannot starve the JSON routes.
  let rendering = 0;
  app.post('/api/v1/screenings/report.pdf', {
    schema: {
      tags: ['screening'],
      summary: 'The screening report as a printable PDF (same request body as /api/v1/screenings)',
      body: svc.schema,
      response: { ...jsonBodyErrors, 503: IssuesBody.describe('Too many reports are being made at once: retry after Retry-After seconds') },
    },
    validatorCompiler: passThrough,
  }, async (req, reply) => {
    const r = svc.screen(req.body);
    if (!r.ok) return reply.code(400).send({ error: 'invalid_request', issues: r.issues });
    if (rendering >= pdfConcurrency) {
      return reply.code(503).header('retry-after', 2).send({ error: 'busy', issues: [{ path: '(server)', message: `${pdfConcurrency} reports are being made; try again in a few seconds` }] });
    }
    rendering += 1;
    // Rendering is CPU work: let queued requests (JSON ones included) through first, then render.
    const pdf = await setImmediate().then(() => screeningReportPdf(r.value, labels)).finally(() => (rendering -= 1));
    return reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="primum-screening-report.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.post('/api/v1/screenings', {
    schema: {
      tags: ['screening'],
      summary: 'Screen a person x plan x setting before treatment',
      description: 'Returns a verdict (proceed, proceed_with_precautions, defer, do_not_treat) with findings, each with its rule id, inputs, sources and grades.',
      body: svc.schema,
      response: {
        200: documentedResult('The screening result: verdict, summary, earliestDate, mustChange, questions, findings (each with its rule id, inputs, sources and grades), sources, conflicts, notices and stamp.', 'docs/screening.md'),
        ...jsonBodyErrors,
      },
    },
    validatorCompiler: passThrough,
  }, (req, reply) => {
    const r = svc.screen(req.body);
    if (!r.ok) return reply.code(400).send({ error: 'invalid_request', issues: r.issues });
    return reply.send(r.value);
  });
}
