import type { Knowledge } from '../knowledge/compile.js';
import type { FactValue } from '../knowledge/evaluate.js';
import { runScreeningRules } from '../rules/run.js';
import { deviceFacts } from './facts.js';

export interface ZoneLimit {
  readonly zone: string;
  /** Deepest setting (mm) that no rule blocks for this device and setting; 0 when the zone is blocked. */
  readonly maxMm: number;
  /** Deepest setting (mm) with no precaution from a depth or zone rule. */
  readonly cautionFromMm: number | null;
}

const STEP = 0.05;
const MAX = 3.5;
const cache = new WeakMap<Knowledge, Map<string, ZoneLimit[]>>();

/**
 * Each zone's depth limits for a device and setting, found by running the screening rules (for a healthy adult,
 * sterile single-use needles, no products) at every depth from 0.05 to 3.5 mm. The thresholds stay in the knowledge.
 */
export function zoneLimits(
  kb: Knowledge,
  device: string,
  setting: 'clinic' | 'home',
  operator: 'self' | 'esthetician' | 'nurse' | 'physician' = setting === 'home' ? 'self' : 'nurse',
): ZoneLimit[] {
  const key = `${device}|${setting}|${operator}`;
  let byKey = cache.get(kb);
  if (!byKey) cache.set(kb, (byKey = new Map<string, ZoneLimit[]>()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const fromDevice = deviceFacts(kb, device);
  const out = kb.zones.map((z) => {
    let maxMm = 0;
    let cautionFromMm: number | null = null;
    for (let i = 1; i * STEP <= MAX + 1e-9; i += 1) {
      const depth = Math.round(i * STEP * 100) / 100;
      const facts = new Map<string, FactValue>([
        ['person.age', 35], ['person.pregnant', false], ['person.breastfeeding', false], ['person.fitzpatrick', 2],
        ['plan.setting', setting], ['plan.operator', operator], ['plan.operator_licensed', operator !== 'self'],
        ...fromDevice, ['plan.needles', 'single_use_sterile'], ['plan.shared_device', false],
        ['plan.needle_material', 'stainless_steel'], ['plan.max_depth_mm', depth], ['plan.max_passes', 4],
        ['plan.product_not_sterile_or_not_intended', false], ['plan.numbing_cream', false],
        ['plan.adjunct.adjunct_prp_prf', false], ['plan.adjunct.adjunct_topicals', false], [`plan.zone.${z.id}`, true],
      ]);
      const run = runScreeningRules(kb, facts, [{ zone: z.id, depthMm: depth }]);
      if (run.verdict === 'do_not_treat') break;
      maxMm = depth;
      if (cautionFromMm === null && run.verdict !== 'proceed') cautionFromMm = depth;
    }
    return { zone: z.id, maxMm, cautionFromMm };
  });
  byKey.set(key, out);
  return out;
}
