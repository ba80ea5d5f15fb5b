// The safety net as it was first written: every sign run through every triage rule at every sample time, for
// every check-in. Slow, and kept only so a test can show the fast path in src/core gives the same answer.
import type { Knowledge } from '../../src/core/knowledge/compile.js';
import { evaluate, type FactValue, type Facts } from '../../src/core/knowledge/evaluate.js';
import type { Level, Symptom } from '../../src/core/knowledge/schema.js';
import { levelRank } from '../../src/core/rules/order.js';
import { runTriageRules } from '../../src/core/rules/run.js';
import { normalUntilFor } from '../../src/core/treatment/facts.js';
import {
  checkInSamples, safetyNetHorizonHours, setPlaceUnknown, signEntries, worstCaseLevel, type SafetyNetItem, type SafetyNetSign,
} from '../../src/core/triage/safety-net.js';

const isCheckInFact = (k: string) => k.startsWith('checkin.') || k.startsWith('symptom.') || k === 'person.temperature_c';

/** Whether the symptom can follow this treatment: some effect that applies lists it, or no effect claims it. */
function canFollow(kb: Knowledge, s: Symptom, facts: Facts): boolean {
  const claims = kb.effects.filter((e) => e.symptoms.includes(s.id));
  return claims.length === 0 || claims.some((e) => !e.appliesWhen || evaluate(e.appliesWhen, facts) !== false);
}

/** The facts of a check-in that reports this one sign and answers "no" to every other warning sign. */
function checkInWith(kb: Knowledge, base: Facts, s: Symptom, hours: number): Map<string, FactValue> {
  const f = new Map<string, FactValue>(base);
  f.set('checkin.hours_since_treatment', hours);
  for (const r of kb.symptoms) if (r.redFlag) f.set(`symptom.${r.id}`, false);
  f.set(`symptom.${s.id}`, true);
  // Like a check-in that does not say where the sign is.
  setPlaceUnknown(f, s.id);
  if (!s.redFlag) {
    // A listed symptom at its mildest: mild, improving, on the treated skin, there since the treatment.
    f.set(`symptom.${s.id}.severity`, 'mild');
    f.set(`symptom.${s.id}.trend`, 'improving');
    f.set(`symptom.${s.id}.beyond_treated_area`, false);
    f.set(`symptom.${s.id}.hours_since_onset`, hours);
  }
  return f;
}

/**
 * "If X happens, do Y", for this treatment and person. Each warning sign is put through the triage rules as a
 * check-in that reports it alone (a red flag answered "yes"; any other sign that is never part of normal healing,
 * mild and improving), at every time the rules can tell apart over the healing period. A sign whose level changes
 * with the day is listed under each level with its days. Signs that cannot follow this treatment (RF burns after
 * a mechanical pen) are left out. An unknown fact about the treatment (numbing cream not recorded) takes its worst
 * value. Grouped by level, most urgent first. Check-in facts in `facts` are ignored.
 */
export function referenceSafetyNet(kb: Knowledge, facts: ReadonlyMap<string, FactValue> = new Map()): SafetyNetItem[] {
  const base = new Map([...facts].filter(([k]) => !isCheckInFact(k)).sort(([a], [b]) => a.localeCompare(b)));

  const horizon = safetyNetHorizonHours(kb);
  const samples = checkInSamples(kb, horizon);
  const levelAt = (s: Symptom, hours: number) => worstCaseLevel(kb, runTriageRules(kb, checkInWith(kb, base, s, hours)));
  // Normal healing: a symptom of an expected effect of this treatment that a check-in leaves at self-care while
  // the effect is normal. Such a symptom is covered by the plan's days and check-ins, not the safety net.
  const expected = kb.effects.filter((e) => e.kind === 'expected' && (!e.appliesWhen || evaluate(e.appliesWhen, base) !== false));
  const normalPresentation = (s: Symptom, levels: readonly { at: number; level: Level }[]) =>
    expected.some(
      (e) =>
        e.symptoms.includes(s.id) &&
        levels.some((x) => x.level === 'self_care' && x.at >= e.onsetHours[0] && x.at < (normalUntilFor(e, base) ?? horizon)),
    );
  const groups = new Map<Level, SafetyNetSign[]>();
  for (const s of kb.symptoms) {
    if (!canFollow(kb, s, base)) continue;
    const levels = samples.map((x) => ({ ...x, level: levelAt(s, x.at) }));
    if (!s.redFlag && normalPresentation(s, levels)) continue;
    for (const [level, sign] of signEntries(kb, { horizon, samples }, s, levels.map((x) => x.level))) {
      groups.set(level, [...(groups.get(level) ?? []), sign]);
    }
  }
  const items = [...groups.entries()]
    .sort((a, b) => levelRank(b[0]) - levelRank(a[0]))
    .map(([level, signs]) => {
      const info = kb.levels.find((l) => l.id === level);
      return { level, label: info?.label ?? level, timeFrame: info?.timeFrame ?? '', words: info?.words ?? '', signs };
    });
  return items;
}
