import type { FactValue } from '../knowledge/evaluate.js';
import { FACTS, resolveFact, type VocabName } from '../knowledge/facts.js';

// Plain words for the facts a finding used ("procedure.botulinum_toxin.days_since: 6" ->
// "Days since anti-wrinkle injections: 6 days"), shared by the web report and the PDF.

/** The label of a vocabulary id; callers fall back to the id when they do not know it. */
export type VocabLabel = (vocab: VocabName, id: string) => string;

/** A name for every fact pattern of the catalogue; `{}` stands for the label of the vocabulary id. */
export const FACT_WORDS: Readonly<Record<string, string>> = {
  'person.age': 'Age',
  'treatment.depth_at_signs_mm': 'Needle depth where the signs are',
  'person.sex': 'Sex',
  'person.pregnant': 'Pregnant',
  'person.breastfeeding': 'Breastfeeding',
  'person.fitzpatrick': 'Skin type (Fitzpatrick)',
  'person.fitzpatrick_self_report': 'Skin type from your answer about sun and skin colour',
  'person.temperature_c': 'Temperature',
  'condition.{conditions}': '{}',
  'condition.{conditions}.in_field': '{}: in or next to the treated area',
  'medication.{medications}': '{}',
  'medication.{medications}.days_since_last_dose': 'Days since the last dose of {}',
  'medication.{medications}.plan_to_stop': 'Means to stop {} for this treatment',
  'person.unlisted_conditions': 'Other conditions, in your own words',
  'person.unlisted_medicines': 'Medicines Primum could not look up',
  'clearance.condition.{conditions}': 'Clearance recorded for {}: given by',
  'clearance.medication.{medications}': 'Clearance recorded for {}: given by',
  'clearance.procedure.{procedures}': 'Clearance recorded for {}: given by',
  'clearance.condition.{conditions}.date': 'Date of the clearance for {}',
  'clearance.medication.{medications}.date': 'Date of the clearance for {}',
  'clearance.procedure.{procedures}.date': 'Date of the clearance for {}',
  'procedure.{procedures}.days_since': 'Time since {}',
  'procedure.{procedures}.in_field': '{}: in the area to be treated',
  'plan.setting': 'Where',
  'plan.operator': 'Who treats',
  'plan.operator_licensed': 'Practitioner licensed',
  'plan.device': 'Device',
  'plan.energy': 'Energy',
  'plan.rf_insulated': 'Insulated RF needles',
  'plan.device_label_max_depth_mm': "Device's labelled maximum depth",
  'plan.device_max_reach_mm': 'Longest needle this kind of device has',
  'plan.needle_material': 'Needle material',
  'plan.needles': 'Needles',
  'plan.shared_device': 'Device shared with others',
  'plan.max_depth_mm': 'Deepest planned depth',
  'plan.max_passes': 'Most passes over one area',
  'plan.indication': 'What it is for',
  'plan.adjunct.{devices}': 'Added to the treatment: {}',
  'plan.zone.{zones}': 'Area to treat: {}',
  'plan.product.{products}': 'Product: {}',
  'plan.product_not_sterile_or_not_intended': 'A product that is not sterile or not made for needled skin',
  'plan.product_bland_not_sterile': 'A plain moisturiser or hyaluronic serum that is not sterile',
  'plan.numbing_cream': 'Numbing cream',
  'plan.numbing_occluded_or_large_area': 'Numbing cream under a wrap or over a large area',
  'zone.id': 'Area',
  'zone.depth_mm': 'Planned depth in this area',
  'zone.ceiling_mm': 'Usual deepest depth for this area',
  'zone.specialist_ceiling_mm': 'Deepest depth for this area in specialist hands',
  'zone.rf_depth_mm': 'Published RF depth for this area',
  'zone.rf_min_depth_mm': 'Published minimum RF depth for this area',
  'zone.bony': 'Bone close under the skin',
  'zone.keloid_prone': 'Area prone to raised (keloid) scars',
  'zone.perioral': 'Around the mouth',
  'zone.periorbital': 'Around the eyes',
  'zone.region': 'Part of the body',
  'treatment.setting': 'Where it was done',
  'treatment.device': 'Device used',
  'treatment.energy': 'Energy used',
  'treatment.max_depth_mm': 'Deepest depth used',
  'treatment.zone.{zones}': 'Treated area: {}',
  'treatment.periorbital': 'Treated around the eyes',
  'treatment.perioral': 'Treated around the mouth',
  'treatment.product.{products}': 'Product used: {}',
  'treatment.numbing_cream': 'Numbing cream used',
  'treatment.adjunct.{devices}': 'Added to the treatment: {}',
  'treatment.indication': 'What it was for',
  'treatment.rf_energy_high': 'High RF energy',
  'treatment.complication_unresolved': 'A complication that has not settled',
  'treatment.complication.{effects}': 'Complication after treatment: {}',
  'checkin.hours_since_treatment': 'Time since treatment',
  'symptom.{symptoms}': '{}',
  'symptom.{symptoms}.severity': '{}: how bad',
  'symptom.{symptoms}.trend': '{}: better or worse',
  'symptom.{symptoms}.beyond_treated_area': '{}: beyond the treated area',
  'symptom.{symptoms}.hours_since_onset': '{}: time since it started',
  'symptom.{symptoms}.near_eye': '{}: near the eye',
  'symptom.{symptoms}.perioral': '{}: around the mouth',
  'symptom.{symptoms}.place_known': '{}: place given',
};

/** Words for enum values that read badly as ids. Other values show with underscores as spaces. */
const VALUE_WORDS: Readonly<Record<string, string>> = {
  rf: 'radiofrequency (RF)',
  mechanical: 'needles only',
  active: 'active now',
  history: 'in the past',
  current: 'taking now',
  past: 'taken before',
  home: 'at home',
  clinic: 'in a clinic',
  self: 'yourself',
};

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'] as const;

const words = (id: string) => id.replace(/_/g, ' ');

/** A label inside a sentence: "Anti-wrinkle injections" -> "anti-wrinkle injections", but "PRP" stays. */
const midSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

function duration(hours: number): string {
  if (hours === 1) return '1 hour';
  if (hours < 48) return `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}

/** A fact and its value in plain words; unknown facts fall back to their name. */
export function factInWords(name: string, value: FactValue | undefined, label: VocabLabel): { label: string; value: string } {
  const resolved = resolveFact(name);
  const template = resolved ? FACT_WORDS[resolved.pattern] : undefined;
  const ref = resolved?.ref;
  const vocabWords = ref ? label(ref.vocab, ref.id) : '';
  const text = template === undefined ? name : template.replace('{}', template.startsWith('{}') ? vocabWords : midSentence(vocabWords));
  return { label: text.charAt(0).toUpperCase() + text.slice(1), value: valueWords(resolved?.pattern ?? name, value, label) };
}

function valueWords(pattern: string, v: FactValue | undefined, label: VocabLabel): string {
  if (v === null || v === undefined || v === 'unknown') return 'not known';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') {
    if (pattern.endsWith('_mm')) return `${v} mm`;
    if (pattern.endsWith('days_since') || pattern.endsWith('days_since_last_dose')) return v === 1 ? '1 day' : `${v} days`;
    if (pattern.includes('hours_since')) return duration(v);
    if (pattern === 'person.temperature_c') return `${v} °C`;
    if (pattern === 'person.fitzpatrick' || pattern === 'person.fitzpatrick_self_report') return ROMAN[v] ?? String(v);
    if (pattern === 'person.age') return `${v} years`;
    return String(v);
  }
  const type = FACTS[pattern];
  if (type?.type === 'vocab') return label(type.vocab, v);
  return VALUE_WORDS[v] ?? words(v);
}
