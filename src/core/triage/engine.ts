import {
  conflictDictionary, noticesOf, ruleBasis, sourceDictionary, stampOf, type ConflictRef, type Notices, type RuleBasis,
  type SourceEntry, type Stamp,
} from '../common/explain.js';
import { addHours, hoursBetween } from '../common/time.js';
import type { Knowledge } from '../knowledge/compile.js';
import { UNKNOWN, type FactValue } from '../knowledge/evaluate.js';
import type { Level, LevelInfo, TriageRule } from '../knowledge/schema.js';
import { levelRank, minLevel } from '../rules/order.js';
import { runTriageRules } from '../rules/run.js';
import { treatmentFacts } from '../treatment/facts.js';
import type { TriageInput } from './input.js';
import { safetyNet, type SafetyNetItem } from './safety-net.js';

export interface TriageFinding extends RuleBasis {
  readonly stage: TriageRule['stage'];
  /** What this finding does to the level. */
  readonly level: Level;
  readonly advice: string;
  readonly explains: readonly string[];
  readonly treatmentRelated: boolean;
  readonly window?: string;
}

export interface TriageResult {
  readonly level: Level;
  readonly levelInfo: LevelInfo;
  readonly hoursSinceTreatment: number;
  /** Day after treatment (day 0 = the first 24 hours). */
  readonly day: number;
  readonly window: { id: string; label: string } | null;
  readonly findings: readonly TriageFinding[];
  /** What the findings most likely are, each with the findings and day window that point to it. */
  readonly likelyExplanations: readonly { effectId: string; label: string; kind: 'expected' | 'complication'; why: readonly string[] }[];
  /** Findings Primum must not put down to the treatment (e.g. signs of a stroke). */
  readonly notFromTreatment: readonly { ruleId: string; title: string; advice: string }[];
  readonly advice: readonly string[];
  readonly questions: readonly { symptomId: string; question: string }[];
  readonly nextCheckIn: { at: string; reason: string } | null;
  readonly safetyNet: readonly SafetyNetItem[];
  readonly sources: Readonly<Record<string, SourceEntry>>;
  readonly conflicts: Readonly<Record<string, ConflictRef>>;
  readonly stamp: Stamp;
  readonly notices: Notices;
}

/** The facts of a check-in: the treatment's, plus time, temperature, red-flag answers and symptoms. */
export function checkInFacts(kb: Knowledge, input: TriageInput): Map<string, FactValue> {
  const f = treatmentFacts(kb, input.treatment, input.person);
  const at = input.checkIn.at;
  f.set('checkin.hours_since_treatment', hoursBetween(input.treatment.treatedAt, at));
  if (input.temperatureC !== undefined) f.set('person.temperature_c', input.temperatureC);
  const answers = input.redFlags as Record<string, 'yes' | 'no' | 'unknown' | undefined>;
  for (const s of kb.symptoms) {
    if (!s.redFlag) continue;
    const a = answers[s.id];
    f.set(`symptom.${s.id}`, a === 'yes' ? true : a === 'no' ? false : UNKNOWN);
  }
  for (const s of input.symptoms) {
    f.set(`symptom.${s.id}`, true);
    f.set(`symptom.${s.id}.severity`, s.severity ?? UNKNOWN);
    f.set(`symptom.${s.id}.trend`, s.trend ?? UNKNOWN);
    f.set(`symptom.${s.id}.beyond_treated_area`, s.beyondTreatedArea ?? UNKNOWN);
    f.set(`symptom.${s.id}.hours_since_onset`, s.startedAt ? Math.max(0, hoursBetween(s.startedAt, at)) : UNKNOWN);
  }
  return f;
}

/** The questions whose answers could change the level: the unknown inputs of rules that asked. */
function questionsFor(kb: Knowledge, findings: readonly TriageFinding[]): { symptomId: string; question: string }[] {
  const out = new Map<string, { symptomId: string; question: string }>();
  const label = (id: string) => kb.symptoms.find((s) => s.id === id)?.label.toLowerCase() ?? id;
  for (const f of findings) {
    if (f.status !== 'needs_answer') continue;
    for (const [fact, v] of Object.entries(f.inputs)) {
      if (v !== UNKNOWN || out.has(fact)) continue;
      const m = /^symptom\.([a-z0-9_]+)(?:\.([a-z_]+))?$/.exec(fact);
      const id = m?.[1] ?? '';
      const part = m?.[2];
      const q =
        !m ? (fact === 'person.temperature_c' ? 'What is your temperature in °C?' : `Please answer: ${fact}`)
        : part === undefined ? kb.symptoms.find((s) => s.id === id)?.question ?? `Do you have ${label(id)}?`
        : part === 'trend' ? `Is the ${label(id)} getting better, staying the same or getting worse?`
        : part === 'severity' ? `How bad is the ${label(id)}: mild, moderate or severe?`
        : part === 'beyond_treated_area' ? `Does the ${label(id)} reach beyond the treated area?`
        : part === 'hours_since_onset' ? `When did the ${label(id)} start?`
        : `Please tell us more about the ${label(id)} (${part}).`;
      out.set(fact, { symptomId: id || fact, question: q });
    }
  }
  return [...out.values()];
}

/**
 * Day-aware check-in triage. Emergency discriminators, the finding x time-window matrix, thresholds and
 * escalation pairs all come from the knowledge; an unanswered red flag never lowers the level. Pure.
 */
export function triage(kb: Knowledge, input: TriageInput, opts: { now: string }): TriageResult {
  const facts = checkInFacts(kb, input);
  const hours = hoursBetween(input.treatment.treatedAt, input.checkIn.at);
  const run = runTriageRules(kb, facts);
  const floor = kb.manifest.policy.unknownTriageFloor;
  const findings = run.hits
    .map((h): TriageFinding => {
      const r = h.rule;
      const fired = h.result === 'fired';
      // Object.assign rather than a spread: see the screening engine.
      const f: TriageFinding = Object.assign(ruleBasis(kb, h), {
        stage: r.stage,
        level: fired ? r.then.level : minLevel(r.then.level, floor),
        advice: r.then.advice,
        explains: r.then.explains,
        treatmentRelated: r.then.treatmentRelated,
        window: r.window,
      });
      return f;
    })
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.ruleId.localeCompare(b.ruleId));

  const applies = findings.filter((f) => f.status === 'applies');
  // Symptoms a not-treatment-related finding uses (e.g. stroke signs) are never explained by the treatment.
  const presentSymptoms = (f: TriageFinding) =>
    Object.entries(f.inputs).filter(([k, v]) => v === true && /^symptom\.[a-z0-9_]+$/.test(k)).map(([k]) => k);
  const notOurs = new Set(applies.filter((f) => !f.treatmentRelated).flatMap(presentSymptoms));
  const explanations = new Map<string, { effectId: string; label: string; kind: 'expected' | 'complication'; why: string[] }>();
  for (const f of applies) {
    if (!f.treatmentRelated || presentSymptoms(f).some((k) => notOurs.has(k))) continue;
    for (const e of f.explains) {
      const effect = kb.effects.find((x) => x.id === e);
      if (!effect) continue;
      const entry = explanations.get(e) ?? { effectId: e, label: effect.label, kind: effect.kind, why: [] };
      entry.why.push(f.title);
      explanations.set(e, entry);
    }
  }
  const window = kb.timeWindows.find((w) => hours >= w.fromHours && (w.toHours === null || hours < w.toHours));
  const questions = questionsFor(kb, findings);
  const next = kb.checkIns.map((c) => ({ at: addHours(input.treatment.treatedAt, c.hours), c })).find((x) => Date.parse(x.at) > Date.parse(input.checkIn.at));
  const nextCheckIn =
    run.level === 'self_care'
      ? next ? { at: next.at, reason: `${next.c.label}: ${next.c.why}` } : null
      : { at: addHours(input.checkIn.at, 24), reason: 'Check in again within 24 hours, after you have followed the advice, or at once if anything gets worse.' };
  const levelInfo = kb.levels.find((l) => l.id === run.level) ?? { id: run.level, label: run.level, timeFrame: '', words: '' };
  const advice = [...new Set(applies.filter((f) => f.level === run.level).map((f) => f.advice))];
  if (questions.some((q) => kb.symptoms.find((s) => s.id === q.symptomId)?.redFlag)) {
    advice.unshift('Some warning-sign questions are unanswered, so Primum cannot say this is normal healing. Answer them now; if any answer is yes, follow the safety net below.');
  }
  if (advice.length === 0) advice.push(levelInfo.words);
  const facts4net = new Map([...facts].filter(([k]) => k.startsWith('treatment.')));
  return {
    level: run.level,
    levelInfo,
    hoursSinceTreatment: Math.round(hours * 10) / 10,
    day: Math.floor(hours / 24),
    window: window ? { id: window.id, label: window.label } : null,
    findings,
    likelyExplanations: [...explanations.values()],
    notFromTreatment: applies.filter((f) => !f.treatmentRelated).map((f) => ({ ruleId: f.ruleId, title: f.title, advice: f.advice })),
    advice,
    questions,
    nextCheckIn,
    safetyNet: safetyNet(kb, facts4net),
    sources: sourceDictionary(kb, findings.map((f) => f.sources)),
    conflicts: conflictDictionary(kb, findings.map((f) => f.conflicts)),
    stamp: stampOf(kb, opts.now),
    notices: noticesOf(kb),
  };
}
