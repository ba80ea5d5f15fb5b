import {
  conflictDictionary, noticesOf, ruleBasis, sourceDictionary, stampOf, type ConflictRef, type Notices, type RuleBasis,
  type SourceEntry, type Stamp,
} from '../common/explain.js';
import { fill, listInWords, textOf } from '../common/text.js';
import { addHours, hoursBetween } from '../common/time.js';
import type { Knowledge } from '../knowledge/compile.js';
import type { Condition } from '../knowledge/condition.js';
import { evaluate, UNKNOWN, type FactValue, type Facts } from '../knowledge/evaluate.js';
import type { Level, LevelInfo, TriageRule } from '../knowledge/schema.js';
import { levelRank, maxLevel } from '../rules/order.js';
import { factInWords } from '../report/fact-words.js';
import { runTriageRules } from '../rules/run.js';
import { normalUntilFor, treatmentFacts } from '../treatment/facts.js';
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
 * "normal"); across symptoms, the shallowest of these. Only signs listed in policy `depthWindowSigns` count (a tender
 * neck gland has no treated depth). With none of them, the deepest zone.
 */
function depthAtSigns(kb: Knowledge, input: TriageInput): number {
  const depthOf = new Map(input.treatment.zones.map((z) => [z.zone, z.depthMm]));
  const all = [...depthOf.values()];
  // Only the signs whose normal window depends on depth (policy depthWindowSigns: redness, warmth, swelling, ...).
  const windowed = new Set(kb.manifest.policy.depthWindowSigns ?? []);
  const per = input.symptoms.filter((s) => windowed.has(s.id)).map((s) => {
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
  f.set('treatment.depth_at_signs_mm', depthAtSigns(kb, input));
  for (const s of input.symptoms) {
    f.set(`symptom.${s.id}`, true);
    f.set(`symptom.${s.id}.severity`, s.severity ?? UNKNOWN);
    f.set(`symptom.${s.id}.trend`, s.trend ?? UNKNOWN);
    f.set(`symptom.${s.id}.beyond_treated_area`, s.beyondTreatedArea ?? UNKNOWN);
    f.set(`symptom.${s.id}.hours_since_onset`, s.startedAt ? Math.max(0, hoursBetween(s.startedAt, at)) : UNKNOWN);
    // Where the sign is, from the zones vocabulary's flags; not said = unknown (rules then assume the worst place).
    const zones = (s.zones ?? []).flatMap((id) => kb.zonesById.get(id) ?? []);
    if (zones.length === 0) setPlaceUnknown(f, s.id);
    else {
      f.set(`symptom.${s.id}.place_known`, true);
      f.set(`symptom.${s.id}.near_eye`, zones.some((z) => z.periorbital));
      f.set(`symptom.${s.id}.perioral`, zones.some((z) => z.perioral));
    }
  }
  return f;
}

/** Questions for the facts that are not symptoms: knowledge text `tri_q_<fact with dots as underscores>`. */
const OTHER_QUESTIONS: readonly string[] = [
  'person.temperature_c', 'treatment.numbing_cream', 'treatment.energy', 'treatment.device', 'treatment.max_depth_mm',
  'checkin.hours_since_treatment',
];
/** The knowledge text of a question about one part of a symptom (`symptom.<id>.<part>`). */
const PART_QUESTIONS: Readonly<Record<string, string>> = {
  trend: 'tri_q_symptom_trend',
  severity: 'tri_q_symptom_severity',
  beyond_treated_area: 'tri_q_symptom_beyond',
  hours_since_onset: 'tri_q_symptom_onset',
  near_eye: 'tri_q_symptom_where',
  perioral: 'tri_q_symptom_where',
};
/** The questions whose answers could change the level: the unknown inputs of rules that asked. */
function questionsFor(kb: Knowledge, findings: readonly TriageFinding[]): { symptomId: string; question: string }[] {
  const out = new Map<string, { symptomId: string; question: string }>();
  const label = (id: string) => kb.symptomsById.get(id)?.label.toLowerCase() ?? id;
  for (const f of findings) {
    if (f.status !== 'needs_answer') continue;
    for (const [fact, v] of Object.entries(f.inputs)) {
      if (v !== UNKNOWN || out.has(fact)) continue;
      const m = /^symptom\.([a-z0-9_]+)(?:\.([a-z_]+))?$/.exec(fact);
      const id = m?.[1] ?? '';
      const part = m?.[2];
      const q =
        !m ?
          OTHER_QUESTIONS.includes(fact) ? textOf(kb, `tri_q_${fact.replaceAll('.', '_')}`)
          : textOf(kb, 'tri_q_fact', { fact: factInWords(kb, fact, null, (_v, x) => x).label.toLowerCase() })
        : part === undefined ? kb.symptomsById.get(id)?.question ?? textOf(kb, 'tri_q_symptom_present', { symptom: label(id) })
        : textOf(kb, PART_QUESTIONS[part] ?? 'tri_q_symptom_other', { symptom: label(id), part });
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
  // A measured temperature that a rule rests on is the fever it measures.
  for (const n of names) if (n === 'person.temperature_c') out.add('fever');
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

type Explanation = TriageResult['likelyExplanations'][number];

/**
 * What the findings most likely are, ranked by fit. Per symptom only the most urgent findings that rest on it explain
 * it, and a finding that rests on present symptoms is explained only by effects that name one of them (a finding that
 * rests on none, such as a temperature alone, by all its effects). A complication that cannot have started yet is
 * dropped while the finding has another explanation; expected healing is never offered for a finding that needs a
 * doctor today or sooner, nor for a symptom a complication already explains; a complication whose named symptoms
 * another complication names and exceeds gives way to it (cellulitis, not "infection", for fever with redness).
 * A finding whose signs all belong to a finding not from the treatment explains nothing. Order: the level of the
 * most urgent finding that points to it, then how many present symptoms it names, then the rule's own order (most
 * dangerous that fits first), then severity.
 */
function explanationsFor(kb: Knowledge, acting: readonly Acting[], hours: number, facts: Facts): Explanation[] {
  const notOurs = new Set(acting.filter((a) => !a.finding.treatmentRelated).flatMap((a) => [...a.symptoms]));
  const ours = acting.filter((a) => a.finding.treatmentRelated && (a.symptoms.size === 0 || ![...a.symptoms].every((s) => notOurs.has(s))));
  const top = new Map<string, number>();
  for (const a of ours) for (const s of a.symptoms) top.set(s, Math.max(top.get(s) ?? 0, levelRank(a.finding.level)));
  const sameDay = levelRank('see_doctor_today');
  const candidates = ours.map((a) => {
    const rank = levelRank(a.finding.level);
    const mine = a.symptoms.size === 0 ? [] : [...a.symptoms].filter((s) => top.get(s) === rank);
    // An effect that cannot follow this treatment or person (an RF burn after a mechanical pen) explains nothing here.
    const effects = a.finding.explains
      .flatMap((id) => kb.effectsById.get(id) ?? [])
      .filter((e) => !e.appliesWhen || evaluate(e.appliesWhen, facts) !== false)
      .filter((e) => e.kind === 'complication' || rank < sameDay);
    const fitting = a.symptoms.size === 0 ? effects : effects.filter((e) => mine.some((s) => e.symptoms.includes(s)));
    const started = fitting.filter((e) => e.kind === 'expected' || (e.onsetHours[0] ?? 0) <= hours);
    const kept = started.length > 0 ? started : fitting;
    return { a, mine, kept, rank };
  });
  const complicated = new Set(
    candidates.filter((c) => c.kept.length > 0 && c.kept.every((e) => e.kind === 'complication')).flatMap((c) => c.mine),
  );
  const out = new Map<string, Explanation & { why: string[]; rank: number; named: Set<string>; pos: number; severity: number }>();
  for (const { a, mine, kept, rank } of candidates) {
    kept.forEach((e, pos) => {
      if (e.kind === 'expected' && mine.length > 0 && mine.every((s) => complicated.has(s))) return;
      const entry = out.get(e.id) ?? { effectId: e.id, label: e.label, kind: e.kind, why: [], rank, named: new Set<string>(), pos, severity: e.severity[1] };
      if (!entry.why.includes(a.finding.title)) entry.why.push(a.finding.title);
      for (const s of mine) if (e.symptoms.includes(s)) entry.named.add(s);
      entry.rank = Math.max(entry.rank, rank);
      entry.pos = Math.min(entry.pos, pos);
      out.set(e.id, entry);
    });
  }
  // Beside a complication that needs a doctor today or sooner, nothing is put down to expected healing.
  const serious = [...out.values()].some((x) => x.kind === 'complication' && x.rank >= sameDay);
  const all = [...out.values()].filter((x) => !serious || x.kind === 'complication');
  const exceeds = (b: (typeof all)[number], x: (typeof all)[number]) =>
    b !== x && b.kind === 'complication' && b.rank >= x.rank && x.named.size < b.named.size && [...x.named].every((s) => b.named.has(s));
  return all
    .filter((x) => x.kind !== 'complication' || !all.some((b) => exceeds(b, x)))
    .sort((x, y) => y.rank - x.rank || y.named.size - x.named.size || x.pos - y.pos || y.severity - x.severity)
    .map(({ effectId, label, kind, why }) => ({ effectId, label, kind, why }));
}

/** Sentences as people read them, each once: a bullet that only repeats earlier sentences is left out. */
function dedupeSentences(bullets: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const b of bullets) {
    const fresh = b.split(/(?<=[.!?])\s+/).filter((x) => {
      const key = x.trim().toLowerCase();
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) out.push(fresh.join(' '));
  }
  return out;
}

/** The treatment's products a reaction could come from, for `{products}` in rule advice. */
function productsNamed(kb: Knowledge, input: TriageInput): string {
  const labels = input.treatment.products
    .flatMap((id) => kb.productsById.get(id) ?? []).filter((p) => p.blandAftercare !== true)
    .map((p) => `the ${p.label.charAt(0).toLowerCase()}${p.label.slice(1)}`);
  return labels.length > 0 ? listInWords(labels) : textOf(kb, 'tri_products_none');
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
  const label = (id: string) => kb.symptomsById.get(id)?.label ?? id;
  const presentTrigger = (ruleId: string) =>
    escalation.find((e) => e.rule === ruleId)?.whenPresent.filter((id) => facts.get(`symptom.${id}`) === true) ?? [];
  const vars = { products: productsNamed(kb, input) };
  const acting: Acting[] = [];
  const findings = run.hits
    .map((h): TriageFinding => {
      const r = h.rule;
      const fired = h.result === 'fired';
      const escalated = !fired && presentTrigger(r.id).length > 0;
      // Object.assign rather than a spread: see the screening engine.
      const f: TriageFinding = Object.assign(ruleBasis(kb, h), {
        stage: r.stage,
        level: escalated ? r.then.level : h.level,
        advice: fill(r.then.advice, vars),
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
      note: textOf(kb, 'tri_unexplained_note', { symptom: label(id).toLowerCase(), day }),
    }));
  let level = findings.reduce<Level>((l, f) => maxLevel(l, f.level), 'self_care');
  if (unexplained.length > 0) level = maxLevel(level, unexplainedFloor);

  // A finding not from the treatment whose symptoms another such finding covers and exceeds gives way to it
  // (slurred speech with a drooping face: the stroke advice, not the seizure first aid).
  const others = acting.filter((a) => !a.finding.treatmentRelated);
  const subsumed = new Set(others.filter((a) => others.some((b) => isSubset(a.symptoms, b.symptoms))));
  const notFromTreatment = others.filter((a) => !subsumed.has(a)).map(({ finding: f }) => ({ ruleId: f.ruleId, title: f.title, advice: f.advice }));
  // Advice: every applying finding's, most urgent first; at one level, findings not from the treatment first, then by
  // the explanation they point to (the best-fitting picture heads its own advice). Expected-healing advice is left out
  // beside a finding that needs more than self-care, and so is a treatment finding whose signs all belong to a finding
  // not from the treatment (vision change as a possible stroke, not the eye-rinse advice).
  const likelyExplanations = explanationsFor(kb, acting, hours, facts);
  const notOurs = new Set(others.flatMap((a) => [...a.symptoms]));
  const fitRank = (a: Acting) => {
    const i = likelyExplanations.findIndex((e) => a.finding.explains.includes(e.effectId));
    return i < 0 ? likelyExplanations.length : i;
  };
  const ordered = acting
    .filter((a) => !subsumed.has(a))
    .filter((a) => level === 'self_care' || a.finding.level !== 'self_care')
    .filter((a) => !a.finding.treatmentRelated || a.symptoms.size === 0 || ![...a.symptoms].every((x) => notOurs.has(x)))
    .sort(
      (a, b) =>
        levelRank(b.finding.level) - levelRank(a.finding.level) ||
        Number(a.finding.treatmentRelated) - Number(b.finding.treatmentRelated) ||
        fitRank(a) - fitRank(b),
    );
  const bullets = ordered.map((a) => a.finding.advice);
  for (const { finding: f } of ordered.filter((a) => a.escalated)) {
    bullets.push(textOf(kb, 'tri_escalated_advice', { symptoms: listInWords(presentTrigger(f.ruleId).map((id) => label(id).toLowerCase())), title: f.title }));
  }
  if (questions.some((q) => kb.symptomsById.get(q.symptomId)?.redFlag) && !EMERGENCY.includes(level)) {
    bullets.unshift(textOf(kb, 'tri_red_flags_unanswered'));
  }
  if (unexplained.length > 0 && levelRank(level) <= levelRank(unexplainedFloor)) {
    bullets.push(textOf(kb, 'tri_unexplained_advice', { symptoms: unexplained.map((u) => u.label.toLowerCase()).join(', '), day }));
  }
  // Calm and specific: for expected healing, until when each expected effect is normal after this treatment, at the
  // depth where the signs are.
  if (level === 'self_care') {
    const atSigns = new Map(facts);
    atSigns.set('treatment.max_depth_mm', facts.get('treatment.depth_at_signs_mm') ?? null);
    for (const e of likelyExplanations.filter((x) => x.kind === 'expected')) {
      const effect = kb.effectsById.get(e.effectId);
      const until = effect ? normalUntilFor(effect, atSigns) : null;
      if (until !== null && until > hours) bullets.push(textOf(kb, 'tri_expected_until', { effect: e.label, day: Math.max(0, Math.ceil(until / 24) - 1) }));
    }
  }
  const advice = dedupeSentences(bullets);
  const levelInfo = kb.levelsById.get(level) ?? { id: level, label: level, timeFrame: '', words: '' };
  if (advice.length === 0) advice.push(levelInfo.words);

  const window = kb.timeWindows.find((w) => hours >= w.fromHours && (w.toHours === null || hours < w.toHours));
  const next = kb.checkIns.map((c) => ({ at: addHours(input.treatment.treatedAt, c.hours), c })).find((x) => Date.parse(x.at) > Date.parse(input.checkIn.at));
  const nextCheckIn =
    EMERGENCY.includes(level) ? null
    : level === 'self_care' ? (next ? { at: next.at, reason: textOf(kb, 'tri_next_check_in', { label: next.c.label, why: next.c.why }) } : null)
    : { at: addHours(input.checkIn.at, 24), reason: textOf(kb, 'tri_next_check_in_after_advice') };
  return {
    level,
    levelInfo,
    hoursSinceTreatment: Math.round(hours * 10) / 10,
    day,
    window: window ? { id: window.id, label: window.label } : null,
    findings,
    likelyExplanations,
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
