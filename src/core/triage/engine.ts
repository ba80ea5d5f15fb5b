import {
  conflictDictionary, noticesOf, ruleBasis, sourceDictionary, stampOf, type ConflictRef, type Notices, type RuleBasis,
  type SourceEntry, type Stamp,
} from '../common/explain.js';
import { addHours, hoursBetween } from '../common/time.js';
import type { Knowledge } from '../knowledge/compile.js';
import type { Condition } from '../knowledge/condition.js';
import { evaluate, UNKNOWN, type FactValue, type Facts } from '../knowledge/evaluate.js';
import type { Level, LevelInfo, TriageRule } from '../knowledge/schema.js';
import { levelRank, maxLevel, minLevel } from '../rules/order.js';
import { factInWords } from '../report/fact-words.js';
import { runTriageRules } from '../rules/run.js';
import { treatmentFacts } from '../treatment/facts.js';
import type { TriageInput } from './input.js';
import { safetyNet, setPlaceUnknown, type SafetyNetItem } from './safety-net.js';

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
  /** Reported symptoms no rule accounts for on this day: they hold the level at policy `unexplainedSymptomFloor`. */
  readonly unexplained: readonly { symptomId: string; label: string; note: string }[];
  readonly advice: readonly string[];
  readonly questions: readonly { symptomId: string; question: string }[];
  /** Null at emergency levels: the next step is the emergency action, not a check-in. */
  readonly nextCheckIn: { at: string; reason: string } | null;
  readonly safetyNet: readonly SafetyNetItem[];
  readonly sources: Readonly<Record<string, SourceEntry>>;
  readonly conflicts: Readonly<Record<string, ConflictRef>>;
  readonly stamp: Stamp;
  readonly notices: Notices;
}

/**
 * The needle depth that sets the normal window for the signs reported: for each symptom, the deepest treated zone it
 * names; when a symptom does not say where it is, the shallowest treated zone (an unknown place must never lengthen
 * "normal"); across symptoms, the shallowest of these. With no symptom, the deepest zone (as before).
 */
function depthAtSigns(input: TriageInput): number {
  const depthOf = new Map(input.treatment.zones.map((z) => [z.zone, z.depthMm]));
  const all = [...depthOf.values()];
  const per = input.symptoms.map((s) => {
    const known = (s.zones ?? []).map((z) => depthOf.get(z)).filter((d): d is number => d !== undefined);
    return known.length ? Math.max(...known) : Math.min(...all);
  });
  return per.length ? Math.min(...per) : Math.max(...all);
}

/** The facts of a check-in: the treatment's, plus time, temperature, red-flag answers and symptoms. */
export function checkInFacts(kb: Knowledge, input: TriageInput): Map<string, FactValue> {
  const f = treatmentFacts(kb, input.treatment, input.person);
  const at = input.checkIn.at;
  f.set('checkin.hours_since_treatment', hoursBetween(input.treatment.treatedAt, at));
  if (input.temperatureC !== undefined) f.set('person.temperature_c', input.temperatureC);
  const answers = input.redFlags as Record<string, 'yes' | 'no' | 'unknown' | undefined>;
  // "None of these" answers only the questions left open: an explicit answer or a listed symptom wins.
  const noneOfThese = input.redFlagsNoneOfThese === true;
  for (const s of kb.symptoms) {
    if (!s.redFlag) continue;
    const a = answers[s.id];
    f.set(`symptom.${s.id}`, a === 'yes' ? true : a === 'no' ? false : a === undefined && noneOfThese ? false : UNKNOWN);
  }
  // A red flag answered "yes" says nothing about where: its place is unknown, which never lowers urgency.
  const listed = new Set(input.symptoms.map((s) => s.id));
  for (const s of kb.symptoms) if (s.redFlag && f.get(`symptom.${s.id}`) === true && !listed.has(s.id)) setPlaceUnknown(f, s.id);
  f.set('treatment.depth_at_signs_mm', depthAtSigns(input));
  for (const s of input.symptoms) {
    f.set(`symptom.${s.id}`, true);
    f.set(`symptom.${s.id}.severity`, s.severity ?? UNKNOWN);
    f.set(`symptom.${s.id}.trend`, s.trend ?? UNKNOWN);
    f.set(`symptom.${s.id}.beyond_treated_area`, s.beyondTreatedArea ?? UNKNOWN);
    f.set(`symptom.${s.id}.hours_since_onset`, s.startedAt ? Math.max(0, hoursBetween(s.startedAt, at)) : UNKNOWN);
    // Where the sign is, from the zones vocabulary's flags; not said = unknown (rules then assume the worst place).
    const zones = (s.zones ?? []).flatMap((id) => kb.zones.find((z) => z.id === id) ?? []);
    if (zones.length === 0) setPlaceUnknown(f, s.id);
    else {
      f.set(`symptom.${s.id}.place_known`, true);
      f.set(`symptom.${s.id}.near_eye`, zones.some((z) => z.periorbital));
      f.set(`symptom.${s.id}.perioral`, zones.some((z) => z.perioral));
    }
  }
  return f;
}

/** Questions for the facts that are not symptoms. */
const OTHER_QUESTIONS: Readonly<Record<string, string>> = {
  'person.temperature_c': 'What is your temperature in °C?',
  'treatment.numbing_cream': 'Was a numbing (anaesthetic) cream put on before the treatment?',
  'treatment.energy': 'Was the treatment radiofrequency (RF) microneedling, or needles only?',
  'treatment.device': 'Which device was used for the treatment?',
  'treatment.max_depth_mm': 'How deep were the needles set, in millimetres?',
  'checkin.hours_since_treatment': 'When was the treatment?',
};

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
        !m ? OTHER_QUESTIONS[fact] ?? `Please tell us: ${factInWords(fact, null, (_v, x) => x).label.toLowerCase()}?`
        : part === undefined ? kb.symptoms.find((s) => s.id === id)?.question ?? `Do you have ${label(id)}?`
        : part === 'trend' ? `Is the ${label(id)} getting better, staying the same or getting worse?`
        : part === 'severity' ? `How bad is the ${label(id)}: mild, moderate or severe?`
        : part === 'beyond_treated_area' ? `Does the ${label(id)} reach beyond the treated area?`
        : part === 'hours_since_onset' ? `When did the ${label(id)} start?`
        : part === 'near_eye' || part === 'perioral' ? `Where is the ${label(id)}: which parts of the face or body?`
        : `Please tell us more about the ${label(id)} (${part}).`;
      out.set(fact, { symptomId: id || fact, question: q });
    }
  }
  return [...out.values()];
}

const EMERGENCY: readonly Level[] = ['emergency_department', 'call_emergency_number'];

/** The facts that make a condition true: every branch of a true `all`, the true branches of an `any`, nothing under `not`. */
function supportOf(c: Condition, facts: Facts, out: Set<string> = new Set()): Set<string> {
  if (evaluate(c, facts) !== true) return out;
  if ('fact' in c) out.add(c.fact);
  else if ('all' in c) for (const x of c.all) supportOf(x, facts, out);
  else if ('any' in c) for (const x of c.any) supportOf(x, facts, out);
  return out;
}

/** The present symptoms (ids) among some fact names. */
function presentSymptoms(names: Iterable<string>, facts: Facts): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    // "symptom.<id>" or "symptom.<id>.<part>" (string checks: this runs for every fact of every check-in).
    if (!n.startsWith('symptom.')) continue;
    const dot = n.indexOf('.', 8);
    const id = dot < 0 ? n.slice(8) : n.slice(8, dot);
    if (id !== '' && facts.get(dot < 0 ? n : `symptom.${id}`) === true) out.add(id);
  }
  return out;
}

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size < b.size && [...a].every((x) => b.has(x));

/** A finding that sets the level, with the present symptoms it rests on. */
interface Acting {
  readonly finding: TriageFinding;
  readonly symptoms: ReadonlySet<string>;
  /** An asking rule that policy `escalateOnUnknown` counts as applying. */
  readonly escalated: boolean;
}

/**
 * What the findings most likely are. Per symptom only the most urgent findings that rest on it explain it; an
 * effect is kept when it names one of the finding's symptoms (or none of the finding's effects does), a
 * complication that cannot have started yet is dropped while the finding has another explanation, and expected
 * healing is not offered for a symptom a complication finding already explains. Symptoms used by a finding that
 * is not from the treatment are never explained by the treatment.
 */
function explanationsFor(kb: Knowledge, acting: readonly Acting[], hours: number, facts: Facts): TriageResult['likelyExplanations'] {
  const notOurs = new Set(acting.filter((a) => !a.finding.treatmentRelated).flatMap((a) => [...a.symptoms]));
  const ours = acting.filter((a) => a.finding.treatmentRelated && ![...a.symptoms].some((s) => notOurs.has(s)));
  const top = new Map<string, number>();
  for (const a of ours) for (const s of a.symptoms) top.set(s, Math.max(top.get(s) ?? 0, levelRank(a.finding.level)));
  const candidates = ours.map((a) => {
    const rank = levelRank(a.finding.level);
    const mine = a.symptoms.size === 0 ? [] : [...a.symptoms].filter((s) => top.get(s) === rank);
    // An effect that cannot follow this treatment (an RF burn after a mechanical pen) explains nothing here.
    const effects = a.finding.explains
      .flatMap((id) => kb.effects.find((e) => e.id === id) ?? [])
      .filter((e) => !e.appliesWhen || evaluate(e.appliesWhen, facts) !== false);
    const named = effects.filter((e) => mine.some((s) => e.symptoms.includes(s)));
    const fitting = named.length > 0 ? named : effects;
    const started = fitting.filter((e) => e.kind === 'expected' || (e.onsetHours[0] ?? 0) <= hours);
    const kept = a.symptoms.size > 0 && mine.length === 0 ? [] : started.length > 0 ? started : fitting;
    return { a, mine, kept };
  });
  const complicated = new Set(
    candidates.filter((c) => c.kept.length > 0 && c.kept.every((e) => e.kind === 'complication')).flatMap((c) => c.mine),
  );
  const out = new Map<string, { effectId: string; label: string; kind: 'expected' | 'complication'; why: string[] }>();
  for (const { a, mine, kept } of candidates) {
    for (const e of kept) {
      if (e.kind === 'expected' && mine.length > 0 && mine.every((s) => complicated.has(s))) continue;
      const entry = out.get(e.id) ?? { effectId: e.id, label: e.label, kind: e.kind, why: [] };
      if (!entry.why.includes(a.finding.title)) entry.why.push(a.finding.title);
      out.set(e.id, entry);
    }
  }
  return [...out.values()];
}

/**
 * Day-aware check-in triage. Emergency discriminators, the finding x time-window matrix, thresholds and
 * escalation pairs all come from the knowledge; an unanswered red flag never lowers the level, and a symptom no
 * rule accounts for never reads as normal healing. Pure.
 */
export function triage(kb: Knowledge, input: TriageInput, opts: { now: string }): TriageResult {
  const facts = checkInFacts(kb, input);
  const hours = hoursBetween(input.treatment.treatedAt, input.checkIn.at);
  const run = runTriageRules(kb, facts);
  const policy = kb.manifest.policy;
  const unexplainedFloor = policy.unexplainedSymptomFloor ?? policy.unknownTriageFloor;
  const escalation = policy.escalateOnUnknown ?? [];
  const label = (id: string) => kb.symptoms.find((s) => s.id === id)?.label ?? id;
  const presentTrigger = (ruleId: string) =>
    escalation.find((e) => e.rule === ruleId)?.whenPresent.filter((id) => facts.get(`symptom.${id}`) === true) ?? [];
  const acting: Acting[] = [];
  const findings = run.hits
    .map((h): TriageFinding => {
      const r = h.rule;
      const fired = h.result === 'fired';
      const escalated = !fired && presentTrigger(r.id).length > 0;
      // Object.assign rather than a spread: see the screening engine.
      const f: TriageFinding = Object.assign(ruleBasis(kb, h), {
        stage: r.stage,
        level: fired || escalated ? r.then.level : minLevel(r.then.level, policy.unknownTriageFloor),
        advice: r.then.advice,
        explains: r.then.explains,
        treatmentRelated: r.then.treatmentRelated,
        window: r.window,
      });
      if (fired) acting.push({ finding: f, symptoms: presentSymptoms(supportOf(r.when, facts), facts), escalated });
      else if (escalated) acting.push({ finding: f, symptoms: presentSymptoms(Object.keys(h.inputs), facts), escalated });
      return f;
    })
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.ruleId.localeCompare(b.ruleId));
  acting.sort((a, b) => findings.indexOf(a.finding) - findings.indexOf(b.finding));

  const questions = questionsFor(kb, findings);
  const covered = new Set([...acting.flatMap((a) => [...a.symptoms]), ...questions.map((q) => q.symptomId)]);
  const day = Math.floor(hours / 24);
  const unexplained = [...presentSymptoms(facts.keys(), facts)]
    .filter((id) => !covered.has(id))
    .map((id) => ({
      symptomId: id,
      label: label(id),
      note: `No Primum rule explains ${label(id).toLowerCase()} on day ${day} after treatment as expected healing, so it cannot be called normal.`,
    }));
  let level = findings.reduce<Level>((l, f) => maxLevel(l, f.level), 'self_care');
  if (unexplained.length > 0) level = maxLevel(level, unexplainedFloor);

  // A finding not from the treatment whose symptoms another such finding covers and exceeds gives way to it
  // (slurred speech with a drooping face: the stroke advice, not the seizure first aid).
  const others = acting.filter((a) => !a.finding.treatmentRelated);
  const subsumed = new Set(others.filter((a) => others.some((b) => isSubset(a.symptoms, b.symptoms))));
  const notFromTreatment = others.filter((a) => !subsumed.has(a)).map(({ finding: f }) => ({ ruleId: f.ruleId, title: f.title, advice: f.advice }));
  const atLevel = acting.filter((a) => a.finding.level === level && !subsumed.has(a));
  const ordered = [...atLevel.filter((a) => !a.finding.treatmentRelated), ...atLevel.filter((a) => a.finding.treatmentRelated)];
  const advice = [...new Set(ordered.map((a) => a.finding.advice))];
  for (const { finding: f } of atLevel.filter((a) => a.escalated)) {
    advice.push(`You reported ${presentTrigger(f.ruleId).map((id) => label(id).toLowerCase()).join(' and ')} and did not answer every question that would rule out "${f.title}", so Primum acts as if it were present. Do not wait to answer the questions below.`);
  }
  if (questions.some((q) => kb.symptoms.find((s) => s.id === q.symptomId)?.redFlag) && !EMERGENCY.includes(level)) {
    advice.unshift('Some warning-sign questions are unanswered, so Primum cannot say this is normal healing. Answer them now; if any answer is yes, follow the safety net below.');
  }
  if (unexplained.length > 0 && levelRank(level) <= levelRank(unexplainedFloor)) {
    const which = unexplained.map((u) => u.label.toLowerCase()).join(', ');
    advice.push(`Primum has no rule that explains ${which} on day ${day} after treatment as expected healing, so it cannot reassure you. Contact your practitioner within 24-48 hours and describe it; if it gets worse or you notice a warning sign, get help sooner.`);
  }
  const levelInfo = kb.levels.find((l) => l.id === level) ?? { id: level, label: level, timeFrame: '', words: '' };
  if (advice.length === 0) advice.push(levelInfo.words);

  const window = kb.timeWindows.find((w) => hours >= w.fromHours && (w.toHours === null || hours < w.toHours));
  const next = kb.checkIns.map((c) => ({ at: addHours(input.treatment.treatedAt, c.hours), c })).find((x) => Date.parse(x.at) > Date.parse(input.checkIn.at));
  const nextCheckIn =
    EMERGENCY.includes(level) ? null
    : level === 'self_care' ? (next ? { at: next.at, reason: `${next.c.label}: ${next.c.why}` } : null)
    : { at: addHours(input.checkIn.at, 24), reason: 'Check in again within 24 hours, after you have followed the advice, or at once if anything gets worse.' };
  return {
    level,
    levelInfo,
    hoursSinceTreatment: Math.round(hours * 10) / 10,
    day,
    window: window ? { id: window.id, label: window.label } : null,
    findings,
    likelyExplanations: explanationsFor(kb, acting, hours, facts),
    notFromTreatment,
    unexplained,
    advice,
    questions,
    nextCheckIn,
    safetyNet: safetyNet(kb, facts),
    sources: sourceDictionary(kb, findings.map((f) => f.sources)),
    conflicts: conflictDictionary(kb, findings.map((f) => f.conflicts)),
    stamp: stampOf(kb, opts.now),
    notices: noticesOf(kb),
  };
}
