// The check-in being answered, and how it becomes a triage request.
import type { AftercarePlan, KnowledgeSummary, VocabEntry } from '../../api.ts';
import { fromLocalInput, toLocalInput, type SavedTreatment } from './shared.tsx';

export type Answer = 'yes' | 'no' | 'unknown';

export interface SymptomDraft {
  severity?: 'mild' | 'moderate' | 'severe';
  trend?: 'improving' | 'same' | 'worsening';
  /** datetime-local value, may be empty. */
  startedAt: string;
  beyond?: 'yes' | 'no';
}

export interface Draft {
  redFlags: Record<string, Answer>;
  temperature: string;
  symptoms: Record<string, SymptomDraft>;
}

export const EMPTY_DRAFT: Draft = { redFlags: {}, temperature: '', symptoms: {} };

/** The temperature as a number, undefined when empty, or an error message. */
export function parseTemperature(v: string): number | undefined | string {
  if (v.trim() === '') return undefined;
  const n = Number(v.replace(',', '.'));
  if (!Number.isFinite(n) || n < 30 || n > 45) return 'Enter your temperature in °C, between 30 and 45 (for example 37.2), or leave it empty.';
  return Math.round(n * 10) / 10;
}

/** The triage request; `withSymptoms` false for the warning-signs-only check. */
export function triageRequest(t: SavedTreatment, d: Draft, at: string, withSymptoms: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { treatment: t.treatment, person: t.person, checkIn: { at }, redFlags: { ...d.redFlags } };
  const temp = parseTemperature(d.temperature);
  if (typeof temp === 'number') body.temperatureC = temp;
  if (withSymptoms) {
    body.symptoms = Object.entries(d.symptoms).map(([id, s]) => {
      const out: Record<string, unknown> = { id };
      if (s.severity) out.severity = s.severity;
      if (s.trend) out.trend = s.trend;
      const started = fromLocalInput(s.startedAt);
      if (started) out.startedAt = started;
      if (s.beyond) out.beyondTreatedArea = s.beyond === 'yes';
      return out;
    });
  }
  return body;
}

export interface QuestionGroup {
  id: string;
  heading: string;
  symptoms: VocabEntry[];
}

/**
 * The red-flag questions grouped by how soon help is needed (from the engine's safety net for this treatment),
 * the most urgent first. Red flags that need no help on their own come last.
 */
export function groupRedFlags(kb: KnowledgeSummary, net: AftercarePlan['safetyNet'] | null): QuestionGroup[] {
  const flags = kb.vocabulary.symptoms.filter((s) => s.redFlag === true);
  if (!net || net.length === 0) {
    // Without the safety net: whole-body signs first, then signs on the skin or eyes.
    return [
      { id: 'g-body', heading: 'How you feel in yourself', symptoms: flags.filter((s) => s.systemic === true) },
      { id: 'g-skin', heading: 'Your skin and eyes', symptoms: flags.filter((s) => s.systemic !== true) },
    ].filter((g) => g.symptoms.length > 0);
  }
  const groups: QuestionGroup[] = [];
  const seen = new Set<string>();
  for (const item of net) {
    const syms = item.signs.flatMap((sign) => {
      const s = flags.find((f) => f.id === sign.symptomId);
      return s && !seen.has(s.id) ? [s] : [];
    });
    syms.forEach((s) => seen.add(s.id));
    const last = groups.at(-1);
    if (last && last.id === `g-${item.timeFrame}`) last.symptoms.push(...syms);
    else groups.push({ id: `g-${item.timeFrame}`, heading: `Signs that need help ${item.timeFrame}`, symptoms: syms });
  }
  const rest = flags.filter((s) => !seen.has(s.id));
  if (rest.length > 0) groups.push({ id: 'g-other', heading: 'Other warning signs', symptoms: rest });
  return groups.filter((g) => g.symptoms.length > 0).map((g, i) => ({ ...g, id: `group-${i + 1}` }));
}

/** A draft rebuilt from a saved check-in request, to answer it again. */
export function draftFrom(request: unknown): Draft {
  const r = (request ?? {}) as {
    redFlags?: Record<string, Answer>;
    temperatureC?: number;
    symptoms?: { id: string; severity?: SymptomDraft['severity']; trend?: SymptomDraft['trend']; startedAt?: string; beyondTreatedArea?: boolean }[];
  };
  const symptoms: Record<string, SymptomDraft> = {};
  for (const s of r.symptoms ?? []) {
    const d: SymptomDraft = { startedAt: s.startedAt ? toLocalInput(s.startedAt) : '' };
    if (s.severity) d.severity = s.severity;
    if (s.trend) d.trend = s.trend;
    if (s.beyondTreatedArea !== undefined) d.beyond = s.beyondTreatedArea ? 'yes' : 'no';
    symptoms[s.id] = d;
  }
  return { redFlags: { ...(r.redFlags ?? {}) }, temperature: r.temperatureC === undefined ? '' : String(r.temperatureC), symptoms };
}
