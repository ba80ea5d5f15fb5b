import { z } from 'zod';
import { aftercarePlan, type AftercarePlan } from '../core/aftercare/engine.js';
import { aftercareCalendar } from '../core/aftercare/ics.js';
import type { Knowledge } from '../core/knowledge/compile.js';
import { triage, type TriageResult } from '../core/triage/engine.js';
import { triageInputSchema, type TriageInput } from '../core/triage/input.js';
import { treatedPersonSchema, treatmentSchema } from '../core/treatment/input.js';
import type { Result } from './result.js';
import { useCase, type Clock } from './use-case.js';

export function aftercareInputSchema(kb: Knowledge) {
  return z.strictObject({ treatment: treatmentSchema(kb), person: treatedPersonSchema(kb) });
}
export type AftercareInput = z.infer<ReturnType<typeof aftercareInputSchema>>;

export interface AfterTreatmentService {
  readonly aftercareSchema: ReturnType<typeof aftercareInputSchema>;
  readonly triageSchema: ReturnType<typeof triageInputSchema>;
  plan: (raw: unknown) => Result<AftercarePlan>;
  /** The plan as an RFC 5545 calendar. */
  calendar: (raw: unknown) => Result<string>;
  triage: (raw: unknown) => Result<TriageResult>;
}

export function createAfterTreatmentService(kb: Knowledge, clock: Clock): AfterTreatmentService {
  const aftercareSchema = aftercareInputSchema(kb);
  const triageSchema = triageInputSchema(kb);
  const plan = useCase(aftercareSchema, (i: AftercareInput, now) => aftercarePlan(kb, i.treatment, i.person, { now }), clock);
  const calendar = useCase(aftercareSchema, (i: AftercareInput, now) => aftercareCalendar(kb, aftercarePlan(kb, i.treatment, i.person, { now }), { now }), clock);
  const check = useCase(triageSchema, (i: TriageInput, now) => triage(kb, i, { now }), clock);
  return { aftercareSchema, triageSchema, plan: plan.run, calendar: calendar.run, triage: check.run };
}
