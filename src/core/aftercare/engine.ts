import { addDays } from '../common/dates.js';
import {
  conflictDictionary, noticesOf, sourceDictionary, sourcesOf, stampOf, type ConflictRef, type Notices, type SourceEntry,
  type SourceRef, type Stamp,
} from '../common/explain.js';
import { hoursAfter, utcDate } from '../common/time.js';
import type { Knowledge } from '../knowledge/compile.js';
import { evaluate, type Facts } from '../knowledge/evaluate.js';
import type { Effect } from '../knowledge/schema.js';
import { runAftercareRules, runSchedulingRules } from '../rules/run.js';
import { safetyNet, type SafetyNetItem } from '../triage/safety-net.js';
import { normalUntilFor, treatmentFacts } from '../treatment/facts.js';
import type { TreatedPerson, TreatmentInput } from '../treatment/input.js';

export interface AftercareInstruction {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly type: 'do' | 'avoid';
  readonly topic: string;
  readonly title: string;
  readonly advice: string;
  readonly from: string;
  /** When the window ends; null when it has no end (ongoing advice). */
  readonly until: string | null;
  /** A hard minimum shorter than the recommended window (e.g. makeup: 24 h minimum, 48 h preferred). */
  readonly minimumUntil?: string;
  readonly untilNote?: string;
  /** Why the window differs from the default for this treatment or person. */
  readonly personalised: readonly string[];
  readonly avoidProducts: readonly string[];
  readonly useProducts: readonly string[];
  readonly sources: readonly SourceRef[];
  readonly conflicts: readonly string[];
}

export interface ExpectedEffect {
  readonly effectId: string;
  readonly label: string;
  readonly course: string;
  readonly from: string;
  readonly normalUntil: string | null;
}

export interface PlanDay {
  readonly day: number;
  readonly date: string;
  /** Expected effects that can still be normal on this day. */
  readonly normal: readonly { effectId: string; label: string; lastNormalDay: number | null }[];
  readonly do: readonly string[];
  readonly avoid: readonly string[];
  /** Rules whose window ends on this day. */
  readonly ends: readonly string[];
  readonly checkIn?: { id: string; label: string; why: string; at: string };
}

export interface NextSession {
  /** The earliest date, or null when a complication must be reviewed first. */
  readonly earliestDate: string | null;
  readonly minIntervalDays: number | null;
  readonly defaultIntervalDays: number | null;
  readonly advice: readonly { ruleId: string; advice: string }[];
}

export interface AftercarePlan {
  readonly treatedAt: string;
  readonly instructions: readonly AftercareInstruction[];
  readonly expected: readonly ExpectedEffect[];
  readonly days: readonly PlanDay[];
  readonly checkIns: readonly { id: string; label: string; why: string; at: string; day: number }[];
  readonly nextSession: NextSession;
  readonly safetyNet: readonly SafetyNetItem[];
  readonly sources: Readonly<Record<string, SourceEntry>>;
  readonly conflicts: Readonly<Record<string, ConflictRef>>;
  readonly stamp: Stamp;
  readonly notices: Notices;
}

const dayOf = (hours: number) => Math.floor(hours / 24);
/** The last day a window that ends at `hours` still covers (a window ending at 192 h covers day 7, not day 8). */
const lastDayBefore = (hours: number) => Math.max(0, Math.ceil(hours / 24) - 1);

/** "24 hours", "3 days", "2 weeks": a window length in words. */
export function durationWords(hours: number): string {
  if (hours >= 336 && hours % 168 === 0) return `${hours / 168} weeks`;
  if (hours > 24 && hours % 24 === 0) return `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** A rule title with {duration} and {minimum} filled in from the window this treatment actually gets. */
function titleOf(title: string, untilHours: number | null, minimumHours: number | undefined): string {
  return title
    .replace('{duration}', untilHours === null ? 'the time your practitioner advises' : durationWords(untilHours))
    .replace('{minimum}', minimumHours === undefined ? '' : durationWords(minimumHours));
}

/** The expected effects of this treatment, each with its normal window for this treatment (depth-aware). */
function expectedEffectsOf(kb: Knowledge, facts: Facts): (Effect & { normalUntilHours: number | null })[] {
  return kb.effects
    .filter((e) => e.kind === 'expected' && (!e.appliesWhen || evaluate(e.appliesWhen, facts) !== false))
    .map((e) => ({ ...e, normalUntilHours: normalUntilFor(e, facts) }))
    // An effect a check-in escalates from its first day (normal window empty) is never presented as normal.
    .filter((e) => e.normalUntilHours === null || e.normalUntilHours > e.onsetHours[0]);
}

function expectedEffects(effects: readonly (Effect & { normalUntilHours: number | null })[], at: (h: number) => string): ExpectedEffect[] {
  return effects.map((e) => ({
    effectId: e.id,
    label: e.label,
    course: e.course,
    from: at(e.onsetHours[0]),
    normalUntil: e.normalUntilHours === null ? null : at(e.normalUntilHours),
  }));
}

/**
 * A personal aftercare plan from the treatment to full healing: instructions with exact windows, what is normal
 * each day, check-ins, the safety net and the earliest next session. Pure: `now` only stamps the result.
 */
export function aftercarePlan(kb: Knowledge, treatment: TreatmentInput, person: TreatedPerson, opts: { now: string }): AftercarePlan {
  const facts = treatmentFacts(kb, treatment, person);
  const t0 = treatment.treatedAt;
  const at = hoursAfter(t0);
  const items = runAftercareRules(kb, facts);
  const instructions = items.map((i): AftercareInstruction => {
    const r = i.rule;
    const out: { -readonly [K in keyof AftercareInstruction]: AftercareInstruction[K] } = {
      ruleId: r.id,
      ruleVersion: r.version,
      type: r.type,
      topic: r.topic,
      title: titleOf(r.title, i.untilHours, r.minimumHours),
      advice: r.advice,
      from: at(r.fromHours),
      until: i.untilHours === null ? null : at(i.untilHours),
      personalised: i.adjustedBy,
      avoidProducts: r.avoidProducts ?? [],
      useProducts: r.useProducts ?? [],
      sources: sourcesOf(kb, r.sources),
      conflicts: r.conflicts ?? [],
    };
    if (r.minimumHours !== undefined) out.minimumUntil = at(r.minimumHours);
    if (r.untilNote) out.untilNote = r.untilNote;
    return out;
  });
  const expectedEffectsKb = expectedEffectsOf(kb, facts);
  const expected = expectedEffects(expectedEffectsKb, at);
  const checkIns = kb.checkIns
    .filter((c) => !c.when || evaluate(c.when, facts) !== false)
    .map((c) => ({ id: c.id, label: c.label, why: c.why, at: at(c.hours), day: dayOf(c.hours) }));

  // The plan runs until the last dated window, effect or check-in.
  const endHours = [
    ...items.map((i) => i.untilHours ?? 0),
    ...expectedEffectsKb.map((e) => e.normalUntilHours ?? 0),
    ...kb.checkIns.map((c) => c.hours),
  ];
  const lastDay = dayOf(Math.max(0, ...endHours));
  const startDate = utcDate(t0);
  const dayAt = hoursAfter(`${startDate}T00:00:00Z`);
  const days: PlanDay[] = [];
  for (let d = 0; d <= lastDay; d += 1) {
    const startH = d * 24;
    const endH = startH + 24;
    const active = items.filter((i) => i.rule.fromHours < endH && (i.untilHours ?? Infinity) > startH);
    const ends = items.filter((i) => i.untilHours !== null && i.untilHours > 0 && dayOf(i.untilHours) === d).map((i) => i.rule.id);
    const normal = expectedEffectsKb
      .filter((e) => e.onsetHours[0] < endH && (e.normalUntilHours === null || e.normalUntilHours > startH))
      .map((e) => ({ effectId: e.id, label: e.label, lastNormalDay: e.normalUntilHours === null ? null : lastDayBefore(e.normalUntilHours) }));
    const ci = checkIns.find((c) => c.day === d);
    const day: { -readonly [K in keyof PlanDay]: PlanDay[K] } = {
      day: d,
      date: dayAt(d * 24).slice(0, 10),
      normal,
      do: active.filter((a) => a.rule.type === 'do').map((a) => a.rule.id),
      avoid: active.filter((a) => a.rule.type === 'avoid').map((a) => a.rule.id),
      ends,
    };
    if (ci) day.checkIn = { id: ci.id, label: ci.label, why: ci.why, at: ci.at };
    days.push(day);
  }

  const sched = runSchedulingRules(kb, facts);
  const fired = sched.hits.filter((h) => h.result === 'fired');
  const blocked = sched.blocked;
  const defaults = fired.map((h) => h.rule.then.defaultIntervalDays).filter((d): d is number => d !== null);
  const nextSession: NextSession = {
    earliestDate: blocked || sched.minIntervalDays === null ? null : addDays(startDate, sched.minIntervalDays),
    minIntervalDays: blocked ? null : sched.minIntervalDays,
    defaultIntervalDays: blocked || defaults.length === 0 ? null : Math.max(...defaults),
    advice: fired.map((h) => ({ ruleId: h.rule.id, advice: h.rule.then.advice })),
  };
  return {
    treatedAt: t0,
    instructions,
    expected,
    days,
    checkIns,
    nextSession,
    safetyNet: safetyNet(kb, facts),
    sources: sourceDictionary(kb, instructions.map((i) => i.sources)),
    conflicts: conflictDictionary(kb, instructions.map((i) => i.conflicts)),
    stamp: stampOf(kb, opts.now),
    notices: noticesOf(kb),
  };
}
