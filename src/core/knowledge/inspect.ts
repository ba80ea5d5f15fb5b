import type { Knowledge } from './compile.js';
import type { AnyRule, Grade } from './schema.js';

const STRONG: readonly Grade[] = ['A', 'B', 'C', 'R'];

export interface KnowledgeStats {
  version: string;
  hash: string;
  clinicalReview: 'not yet reviewed by a clinician' | 'reviewed';
  counts: Record<string, number>;
  /** Share (0..1) of rules citing at least one source graded A, B, C or R. */
  shareRulesWithStrongSource: number;
}

const allRules = (kb: Knowledge): AnyRule[] => [...kb.rulesById.values()];

export function knowledgeStats(kb: Knowledge): KnowledgeStats {
  const rules = allRules(kb);
  const strong = rules.filter((r) => r.sources.some((c) => {
    const g = kb.sourcesById.get(c.source)?.grade;
    return g !== undefined && STRONG.includes(g);
  }));
  const by = (k: AnyRule['kind']) => rules.filter((r) => r.kind === k).length;
  return {
    version: kb.version,
    hash: kb.hash,
    clinicalReview: kb.manifest.clinicalReview.length === 0 ? 'not yet reviewed by a clinician' : 'reviewed',
    counts: {
      sources: kb.sources.length,
      devices: kb.devices.length,
      zones: kb.zones.length,
      indications: kb.indications.length,
      conditions: kb.conditions.length,
      medications: kb.medications.length,
      procedures: kb.procedures.length,
      products: kb.products.length,
      symptoms: kb.symptoms.length,
      redFlags: kb.symptoms.filter((s) => s.redFlag).length,
      expectedEffects: kb.effects.filter((e) => e.kind === 'expected').length,
      complications: kb.effects.filter((e) => e.kind === 'complication').length,
      timeWindows: kb.timeWindows.length,
      screeningRules: by('screening'),
      aftercareRules: by('aftercare'),
      triageRules: by('triage'),
      schedulingRules: by('scheduling'),
      conflicts: kb.conflicts.length,
      scenarios: kb.scenarios.length,
    },
    shareRulesWithStrongSource: rules.length === 0 ? 0 : Math.round((strong.length / rules.length) * 1000) / 1000,
  };
}

/** Prose fields are skipped when looking for references, so an id mentioned in text does not count. */
const PROSE = new Set([
  'title', 'rationale', 'limits', 'description', 'label', 'patient', 'clinician', 'advice', 'question', 'note',
  'citation', 'summary', 'resolution', 'course', 'signs', 'riskFactors', 'action', 'flags', 'safetyNotes',
  'regulatory', 'reason', 'untilNote', 'alternative', 'notes', 'identifiers', 'topic',
]);

function mentions(node: unknown, id: string): boolean {
  if (typeof node === 'string') return node === id || node.split('.').includes(id);
  if (Array.isArray(node)) return node.some((x) => mentions(x, id));
  if (node && typeof node === 'object') {
    return Object.entries(node).some(([k, v]) => !PROSE.has(k) && (k === id || k.split('.').includes(id) || mentions(v, id)));
  }
  return false;
}

export interface EntryView {
  kind: string;
  entry: unknown;
  file: string | undefined;
  referencedBy: { kind: string; id: string }[];
}

/** Every entry with this id, each with everything that references it. */
export function showEntry(kb: Knowledge, id: string): EntryView[] {
  const groups: [string, readonly { id: string }[]][] = [
    ['sources', kb.sources], ['conflicts', kb.conflicts], ['devices', kb.devices], ['zones', kb.zones],
    ['indications', kb.indications], ['conditions', kb.conditions], ['medications', kb.medications],
    ['procedures', kb.procedures], ['products', kb.products], ['symptoms', kb.symptoms], ['effects', kb.effects],
    ['timeWindows', kb.timeWindows], ['screening', kb.screeningPlan.rules], ['screening', kb.screeningZone.rules],
    ['aftercare', kb.aftercare.rules], ['triage', kb.triage.rules], ['scheduling', kb.scheduling.rules],
    ['scenarios', kb.scenarios],
  ];
  const views: EntryView[] = [];
  for (const [kind, list] of groups) {
    for (const entry of list) {
      if (entry.id !== id) continue;
      const referencedBy: EntryView['referencedBy'] = [];
      for (const [k2, l2] of groups) for (const other of l2) if (other !== entry && mentions(other, id)) referencedBy.push({ kind: k2, id: other.id });
      views.push({ kind, entry, file: kb.origins.get(`${kind}:${id}`), referencedBy });
    }
  }
  return views;
}
