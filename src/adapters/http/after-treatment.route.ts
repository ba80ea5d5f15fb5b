import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Result } from '../../service/result.js';
import type { AfterTreatmentService } from '../../service/after-treatment.service.js';
import { z } from 'zod';
import { negotiate } from './accept.js';
import { documentedResult, jsonBodyErrors } from './responses.js';
import { passThrough } from './screening.route.js';

const send = <T>(reply: FastifyReply, r: Result<T>) =>
  r.ok ? reply.send(r.value) : reply.code(400).send({ error: 'invalid_request', issues: r.issues });

export function afterTreatmentRoutes(app: FastifyInstance, svc: AfterTreatmentService): void {
  app.post('/api/v1/aftercare-plans', {
    schema: {
      tags: ['after treatment'],
      summary: 'A personal day-by-day aftercare plan (JSON), or the same plan as an iCalendar file',
      description: 'Send `Accept: text/calendar` to receive an RFC 5545 .ics file with check-in reminders, the end of each "avoid" window and the earliest next session.',
      body: svc.aftercareSchema,
      response: {
        200: {
          description: 'The plan, as JSON or as an iCalendar file, by the Accept header (q-values honoured; JSON unless text/calendar is preferred).',
          content: {
            'application/json': { schema: documentedResult('The plan: instructions with their windows, days, nextSession, safetyNet, conflicts, notices and stamp.', 'docs/after-treatment.md') },
            'text/calendar': { schema: z.string().describe('An RFC 5545 calendar (primum-aftercare.ics).') },
          },
        },
        ...jsonBodyErrors,
      },
    },
    validatorCompiler: passThrough,
  }, (req, reply) => {
    reply.header('vary', 'Accept');
    if (negotiate(req.headers.accept, ['application/json', 'text/calendar']) === 'application/json') return send(reply, svc.plan(req.body));
    const r = svc.calendar(req.body);
    if (!r.ok) return reply.code(400).send({ error: 'invalid_request', issues: r.issues });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="primum-aftercare.ics"')
      .send(r.value);
  });

  app.post('/api/v1/triage', {
    schema: {
      tags: ['after treatment'],
      summary: 'Is this normal? A day-aware check-in with an urgency level',
      description: 'Red-flag questions left out count as "unknown" and never lower the level.',
      body: svc.triageSchema,
      response: {
        200: documentedResult('The check-in result: level and levelInfo, day and window, findings, likelyExplanations, notFromTreatment, advice, questions, nextCheckIn and safetyNet.', 'docs/after-treatment.md'),
        ...jsonBodyErrors,
      },
    },
    validatorCompiler: passThrough,
  }, (req, reply) => send(reply, svc.triage(req.body)));
}
