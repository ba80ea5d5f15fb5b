/**
 * The catalogue of facts a rule may test. A `{vocab}` placeholder must name an id of that
 * vocabulary. Engines derive these facts from their inputs; scenarios state them directly.
 */
export type FactType =
  | { type: 'number'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'vocab'; vocab: VocabName }
  | { type: 'date' };

export type VocabName =
  | 'devices'
  | 'zones'
  | 'indications'
  | 'conditions'
  | 'medications'
  | 'procedures'
  | 'products'
  | 'symptoms'
  | 'effects';

const num = (min?: number, max?: number): FactType => ({ type: 'number', min, max });
const bool: FactType = { type: 'boolean' };
const oneOf = (...values: string[]): FactType => ({ type: 'enum', values });
const vocab = (v: VocabName): FactType => ({ type: 'vocab', vocab: v });

export const SETTINGS = ['home', 'clinic'] as const;
export const OPERATORS = ['self', 'esthetician', 'nurse', 'physician'] as const;
export const ENERGIES = ['mechanical', 'rf', 'none'] as const;
export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const TRENDS = ['improving', 'same', 'worsening'] as const;

/** pattern -> type. Patterns use `{vocab}` for one id segment. */
export const FACTS: Readonly<Record<string, FactType>> = {
  // person (screening, aftercare, triage)
  'person.age': num(0, 130),
  'person.sex': oneOf('female', 'male', 'intersex', 'other'),
  'person.pregnant': bool,
  'person.breastfeeding': bool,
  'person.fitzpatrick': num(1, 6),
  /** The skin type the self-report answer points to, when one was given (person.fitzpatrick may be stated). */
  'person.fitzpatrick_self_report': num(1, 6),
  'person.temperature_c': num(30, 45),
  'condition.{conditions}': oneOf('active', 'history', 'controlled'),
  'condition.{conditions}.in_field': bool,
  'medication.{medications}': oneOf('current', 'past'),
  'medication.{medications}.days_since_last_dose': num(0),
  /** The person says they mean to stop this medicine for the treatment. */
  'medication.{medications}.plan_to_stop': bool,
  /** Free-text conditions or medicine names Primum cannot check (kept and shown). */
  'person.unlisted_conditions': bool,
  /** A clearance recorded for a condition, medicine or procedure: who gave it (screening rules of class clearance). */
  'clearance.condition.{conditions}': oneOf('prescriber', 'specialist', 'physician', 'surgeon'),
  'clearance.medication.{medications}': oneOf('prescriber', 'specialist', 'physician', 'surgeon'),
  'clearance.procedure.{procedures}': oneOf('prescriber', 'specialist', 'physician', 'surgeon'),
  'clearance.condition.{conditions}.date': { type: 'date' },
  'clearance.medication.{medications}.date': { type: 'date' },
  'clearance.procedure.{procedures}.date': { type: 'date' },
  'person.unlisted_medicines': bool,
  'procedure.{procedures}.days_since': num(0),
  'procedure.{procedures}.in_field': bool,
  // plan (screening)
  'plan.setting': oneOf(...SETTINGS),
  'plan.operator': oneOf(...OPERATORS),
  'plan.operator_licensed': bool,
  'plan.device': vocab('devices'),
  'plan.energy': oneOf(...ENERGIES),
  'plan.rf_insulated': bool,
  'plan.device_label_max_depth_mm': num(0, 10),
  'plan.device_max_reach_mm': num(0, 10),
  'plan.needle_material': oneOf('stainless_steel', 'titanium', 'gold_plated', 'nickel_free_coated', 'silicone', 'other'),
  'plan.needles': oneOf('single_use_sterile', 'reused', 'own_device_single_user'),
  'plan.shared_device': bool,
  'plan.max_depth_mm': num(0, 10),
  'plan.max_passes': num(0, 100),
  'plan.indication': vocab('indications'),
  /** An adjunct (devices vocabulary, energy none) used with this plan: PRP/PRF, topicals. */
  'plan.adjunct.{devices}': bool,
  'plan.zone.{zones}': bool,
  'plan.product.{products}': bool,
  /** A product that is not sterile or not made for needled skin, other than plain aftercare (products.blandAftercare). */
  'plan.product_not_sterile_or_not_intended': bool,
  /** A plain aftercare product (moisturiser, hyaluronic serum) that is not sterile. */
  'plan.product_bland_not_sterile': bool,
  'plan.numbing_cream': bool,
  'plan.numbing_occluded_or_large_area': bool,
  // one zone of the plan (screening rules with scope: zone)
  'zone.id': vocab('zones'),
  'zone.depth_mm': num(0, 10),
  'zone.ceiling_mm': num(0, 10),
  'zone.specialist_ceiling_mm': num(0, 10),
  'zone.rf_depth_mm': num(0, 10),
  'zone.rf_min_depth_mm': num(0, 10),
  'zone.bony': oneOf('high', 'medium', 'low', 'none'),
  'zone.keloid_prone': bool,
  'zone.perioral': bool,
  'zone.periorbital': bool,
  'zone.region': oneOf('face', 'neck', 'chest', 'scalp', 'body', 'hand'),
  // the treatment that was done (aftercare, triage, scheduling)
  'treatment.setting': oneOf(...SETTINGS),
  /** The depth whose normal window applies to the signs reported (the zones they name; unknown place: the shallowest). */
  'treatment.depth_at_signs_mm': num(0, 10),
  'treatment.device': vocab('devices'),
  'treatment.energy': oneOf(...ENERGIES),
  'treatment.max_depth_mm': num(0, 10),
  'treatment.zone.{zones}': bool,
  'treatment.periorbital': bool,
  'treatment.perioral': bool,
  'treatment.product.{products}': bool,
  'treatment.numbing_cream': bool,
  'treatment.adjunct.{devices}': bool,
  'treatment.indication': vocab('indications'),
  'treatment.rf_energy_high': bool,
  'treatment.complication_unresolved': bool,
  'treatment.complication.{effects}': bool,
  // a check-in (triage)
  'checkin.hours_since_treatment': num(0),
  'symptom.{symptoms}': bool,
  'symptom.{symptoms}.severity': oneOf(...SEVERITIES),
  'symptom.{symptoms}.trend': oneOf(...TRENDS),
  'symptom.{symptoms}.beyond_treated_area': bool,
  'symptom.{symptoms}.hours_since_onset': num(0),
  /** Where the sign is (from the zones the person names): on or next to the eye (a periorbital zone). */
  'symptom.{symptoms}.near_eye': bool,
  /** Where the sign is: around the mouth (a perioral zone). */
  'symptom.{symptoms}.perioral': bool,
  /** Whether the person said where the sign is; false: the place is unknown and place-dependent rules assume the worst. */
  'symptom.{symptoms}.place_known': bool,
};

const VOCAB_SEGMENT = /\{([a-z]+)\}/;

export interface ResolvedFact {
  pattern: string;
  type: FactType;
  /** The vocabulary id a `{vocab}` segment matched, if any. */
  ref?: { vocab: VocabName; id: string };
}

/** Splits a fact name against the catalogue. Returns undefined when no pattern matches. */
export function resolveFact(name: string): ResolvedFact | undefined {
  const exact = FACTS[name];
  if (exact) return { pattern: name, type: exact };
  const parts = name.split('.');
  for (const [pattern, type] of Object.entries(FACTS)) {
    const pp = pattern.split('.');
    if (pp.length !== parts.length) continue;
    let ref: ResolvedFact['ref'];
    let ok = true;
    for (let i = 0; i < pp.length && ok; i += 1) {
      const seg = pp[i] ?? '';
      const part = parts[i] ?? '';
      const m = VOCAB_SEGMENT.exec(seg);
      if (m?.[1]) ref = { vocab: m[1] as VocabName, id: part };
      else ok = seg === part;
    }
    if (ok) return { pattern, type, ref };
  }
  return undefined;
}
