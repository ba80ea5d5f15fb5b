import type { Knowledge } from './compile.js';

const pick = <T extends { id: string; label: string; description: string }>(xs: readonly T[], extra: (x: T) => object = () => ({})) =>
  xs.map((x) => ({ id: x.id, label: x.label, description: x.description, ...extra(x) }));

/**
 * What a client needs to build its forms and show results: version, review status, notices, the vocabulary, and the
 * words (text templates and fact labels) it fills itself, so that it shows the same sentences as the server.
 */
export function knowledgeSummary(kb: Knowledge) {
  const p = kb.manifest.policy;
  return {
    version: kb.version,
    hash: kb.hash,
    clinicalReview: kb.manifest.clinicalReview.length === 0 ? 'not yet reviewed by a clinician' : 'reviewed',
    reviews: kb.manifest.clinicalReview,
    intendedUse: p.intendedUse,
    emergencyNotice: p.emergencyNotice,
    reviewNotice: kb.manifest.clinicalReview.length === 0 ? p.reviewNotice : null,
    vocabulary: {
      devices: pick(kb.devices, (d) => ({ energy: d.energy, settings: d.settings })),
      zones: pick(kb.zones, (z) => ({ region: z.region, ceilingMm: z.ceilingMm })),
      indications: pick(kb.indications),
      conditions: pick(kb.conditions, (c) => ({ category: c.category, siteMatters: c.siteMatters })),
      medications: pick(kb.medications),
      /** Names people know their medicines by (for autocomplete); medication null: known, not screened for. */
      medicationNames: kb.medicationNames.names.map((n) => ({ name: n.name, medication: n.medication, kind: n.kind })),
      procedures: pick(kb.procedures),
      products: pick(kb.products, (x) => ({ category: x.category, intendedForNeedledSkin: x.intendedForNeedledSkin })),
      symptoms: pick(kb.symptoms, (s) => ({ redFlag: s.redFlag, systemic: s.systemic, question: s.question })),
    },
    fitzpatrick: kb.fitzpatrick,
    levels: kb.levels,
    verdicts: kb.verdicts,
    checkIns: kb.checkIns.map((c) => ({ id: c.id, hours: c.hours, label: c.label, why: c.why })),
    expectedEffects: kb.effects
      .filter((e) => e.kind === 'expected')
      .map((e) => ({ id: e.id, label: e.label, course: e.course, onsetHours: e.onsetHours, normalUntilHours: e.normalUntilHours, symptoms: e.symptoms })),
    sources: Object.fromEntries(kb.sources.map((s) => [s.id, { citation: s.citation, ...(s.name ? { name: s.name } : {}), type: s.type, grade: s.grade, verification: s.verification }])),
    texts: kb.texts.map((t) => ({ id: t.id, text: t.text, placeholders: t.placeholders })),
    factLabels: kb.factLabels,
  };
}
