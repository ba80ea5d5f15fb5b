import type { Knowledge } from '../knowledge/compile.js';
import type { FactValue } from '../knowledge/evaluate.js';
import type { Level } from '../knowledge/schema.js';
import { levelRank } from '../rules/order.js';
import { runTriageRules } from '../rules/run.js';

export interface SafetyNetItem {
  readonly level: Level;
  readonly label: string;
  readonly timeFrame: string;
  readonly words: string;
  /** The red flags that on their own lead to this level. */
  readonly signs: readonly { symptomId: string; label: string }[];
}

const cache = new WeakMap<Knowledge, Map<string, SafetyNetItem[]>>();

/**
 * "If X happens, do Y": each red flag is run through the triage rules on its own (any time, hour 1, day 2),
 * so the safety net says exactly what a check-in would. Grouped by level, most urgent first.
 */
export function safetyNet(kb: Knowledge, treatment: ReadonlyMap<string, FactValue> = new Map()): SafetyNetItem[] {
  const key = [...treatment.entries()].map(([k, v]) => `${k}=${String(v)}`).join('|');
  let byKey = cache.get(kb);
  if (!byKey) cache.set(kb, (byKey = new Map<string, SafetyNetItem[]>()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const groups = new Map<Level, { symptomId: string; label: string }[]>();
  for (const s of kb.symptoms.filter((x) => x.redFlag)) {
    const alone = (hours: number | null) => {
      const facts = new Map<string, FactValue>(treatment);
      facts.set('checkin.hours_since_treatment', hours);
      facts.set(`symptom.${s.id}`, true);
      facts.set(`symptom.${s.id}.severity`, 'severe');
      return runTriageRules(kb, facts).level;
    };
    // The most urgent of: any time, the first hours (e.g. numbing-cream toxicity) and day 2.
    const level = [alone(null), alone(1), alone(48)].reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a));
    if (level === 'self_care') continue;
    groups.set(level, [...(groups.get(level) ?? []), { symptomId: s.id, label: s.label }]);
  }
  const items = [...groups.entries()]
    .sort((a, b) => levelRank(b[0]) - levelRank(a[0]))
    .map(([level, signs]) => {
      const info = kb.levels.find((l) => l.id === level);
      return { level, label: info?.label ?? level, timeFrame: info?.timeFrame ?? '', words: info?.words ?? '', signs };
    });
  byKey.set(key, items);
  return items;
}
