import { z } from 'zod';
import { Condition, Scalar } from './condition.js';

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are snake_case: lower-case letters, digits and _');
const Text = z.string().trim().min(1);
const Semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is semver: MAJOR.MINOR.PATCH');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const Mm = z.number().min(0).max(10);
const MmRange = z.tuple([Mm, Mm]).nullable();

export const Grade = z.enum(['A', 'B', 'C', 'D', 'R', 'U']);
export type Grade = z.infer<typeof Grade>;
export const Verdict = z.enum(['proceed', 'proceed_with_precautions', 'defer', 'do_not_treat']);
export type Verdict = z.infer<typeof Verdict>;
export const Level = z.enum([
  'self_care',
  'contact_practitioner',
  'see_doctor_today',
  'emergency_department',
  'call_emergency_number',
]);
export type Level = z.infer<typeof Level>;

export const Source = z.strictObject({
  id: Id,
  citation: Text,
  /** A short readable name shown where sources are listed ("Chu 2021" is derived from the id; web pages and documents need one). */
  name: Text.max(60).optional(),
  identifiers: z.string().optional(),
  type: z.enum(['SR', 'RCT', 'PC', 'RS', 'CR', 'CS', 'NR', 'REG', 'IFU', 'WEB', 'TEXTBOOK', 'ANIMAL', 'SURVEILLANCE']),
  grade: Grade,
  verification: z.enum(['verified', 'partly_verified', 'from_memory']),
  note: z.string().optional(),
  file: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** A citation inside an entry: the source id and, optionally, what it supports. */
export const Cite = z.strictObject({ source: Id, note: z.string().optional() });
export type Cite = z.infer<typeof Cite>;

const Entry = { id: Id, label: Text, description: Text };

export const Device = z.strictObject({
  ...Entry,
  energy: z.enum(['mechanical', 'rf', 'none']),
  adjustableDepth: z.boolean(),
  typicalLengthMm: MmRange,
  /** The longest needle this kind of device has (REFERENCE §1.1); a deeper setting means another device or an error. Null: no fixed limit. */
  maxReachMm: Mm.nullable(),
  settings: z.array(z.enum(['clinic', 'home'])).min(1),
  regulatory: Text,
  safetyNotes: z.array(Text).min(1),
  sources: z.array(Cite).min(1),
});
export const Zone = z.strictObject({
  ...Entry,
  region: z.enum(['face', 'neck', 'chest', 'scalp', 'body', 'hand']),
  bony: z.enum(['high', 'medium', 'low', 'none']),
  keloidProne: z.boolean(),
  perioral: z.boolean(),
  periorbital: z.boolean(),
  rejuvenationMm: MmRange,
  scarMm: MmRange,
  ceilingMm: Mm,
  specialistCeilingMm: Mm.optional(),
  rfDepthMm: Mm.nullable(),
  /** An RF depth given only as a minimum target (forehead and temple: >= 1.5 mm), not a maximum. */
  rfMinDepthMm: Mm.nullable(),
  flags: z.array(Text),
  sources: z.array(Cite).min(1),
});
export const Indication = z.strictObject({
  ...Entry,
  depthMm: MmRange,
  course: z.string(),
  intervalDays: z.number().int().min(0).nullable(),
  notes: z.string(),
  sources: z.array(Cite).min(1),
});
export const ConditionEntry = z.strictObject({
  ...Entry,
  category: z.enum(['skin', 'systemic', 'allergy', 'lesion', 'implant', 'pigment_scar', 'other']),
  siteMatters: z.boolean(),
});
export const Medication = z.strictObject({ ...Entry, class: Text });
/**
 * A name a person may know a medicine by (generic, brand or everyday) and the medication it counts as.
 * `medication: null` marks a medicine Primum recognises but does not screen for; its note says why.
 */
export const MedicationName = z.strictObject({
  name: Text.max(60),
  medication: Id.nullable(),
  kind: z.enum(['generic', 'brand', 'common']),
  /** WHO ATC code (level 5), only where known with confidence. */
  atc: z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'an ATC code is like B01AA03').optional(),
  /** For a medicine made both for the skin and as tablets or injections, counted differently: the form this name means. */
  route: z.enum(['systemic', 'topical']).optional(),
  note: z.string().optional(),
});
export type MedicationName = z.infer<typeof MedicationName>;
export const MedicationNames = z.strictObject({ sources: z.array(Cite).min(1), names: z.array(MedicationName) });
export type MedicationNames = z.infer<typeof MedicationNames>;
export const Procedure = z.strictObject({ ...Entry, kind: z.enum(['injectable', 'resurfacing', 'energy', 'surgery', 'hair_removal', 'radiotherapy', 'microneedling', 'other']) });
export const Product = z.strictObject({
  ...Entry,
  category: z.enum(['serum', 'active', 'anaesthetic', 'biologic', 'moisturiser', 'sunscreen', 'makeup', 'other']),
  intendedForNeedledSkin: z.boolean(),
  /** Plain, fragrance-free aftercare (moisturiser, hyaluronic serum) with no actives: fine after very shallow needling. */
  blandAftercare: z.boolean().default(false),
});
export const Symptom = z.strictObject({
  ...Entry,
  redFlag: z.boolean(),
  question: Text,
  systemic: z.boolean(),
});
export const Effect = z.strictObject({
  ...Entry,
  /** Expected effects: the treatments after which this is expected (default: all). */
  appliesWhen: Condition.optional(),
  kind: z.enum(['expected', 'complication']),
  onsetHours: z.tuple([z.number().min(0), z.number().min(0).nullable()]),
  normalUntilHours: z.number().min(0).nullable(),
  /**
   * Treatments after which the normal window is longer (REFERENCE §4.1 depth-aware windows): the longest entry whose
   * condition is certainly true wins; an undecidable condition never lengthens "normal".
   */
  normalUntilAdjust: z
    .array(z.strictObject({ when: Condition, normalUntilHours: z.number().min(0), reason: Text }))
    .optional(),
  course: Text,
  signs: Text,
  riskFactors: z.string(),
  severity: z.tuple([z.number().int().min(0).max(4), z.number().int().min(0).max(4)]),
  action: Text,
  symptoms: z.array(Id),
  sources: z.array(Cite).min(1),
});
export const LevelInfo = z.strictObject({
  id: Level,
  label: Text,
  timeFrame: Text,
  words: Text,
});
export type LevelInfo = z.infer<typeof LevelInfo>;

export const VerdictInfo = z.strictObject({ id: Verdict, label: Text, words: Text });
export type VerdictInfo = z.infer<typeof VerdictInfo>;

/** REFERENCE §0.2: the effect class of a screening finding, which sets its verdict. */
export const EffectClass = z.enum(['info', 'precaution', 'add_on_fix', 'timing', 'clearance', 'block']);
export type EffectClass = z.infer<typeof EffectClass>;
export const EffectClassInfo = z.strictObject({
  id: EffectClass,
  /** The verdict a finding of this class gives the plan (info: none, the plan stays `proceed`). */
  verdict: Verdict,
  label: Text,
  description: Text,
  /** How a finding of this class is introduced under "what must change" (empty: not listed there). */
  mustChangeLead: z.string(),
});
export type EffectClassInfo = z.infer<typeof EffectClassInfo>;

/**
 * A sentence an engine builds for people to read, with `{name}` placeholders the engine fills. Kept in the
 * knowledge so that a clinician reviews every sentence in one place.
 */
export const TextTemplate = z.strictObject({
  id: Id,
  text: Text,
  /** The placeholders the engine fills; the validator checks the text uses no other. */
  placeholders: z.array(z.string().regex(/^[a-z_]+$/)).default([]),
  note: z.string().optional(),
});
export type TextTemplate = z.infer<typeof TextTemplate>;

/**
 * The words for a fact a finding used (a pattern of FACTS in src/core/knowledge/facts.ts). In a pattern with a
 * `{vocab}` segment, `{name}` stands for the label of the vocabulary entry.
 */
export const FactLabel = z.strictObject({
  fact: z.string().regex(/^[a-z_]+(\.([a-z0-9_]+|\{[a-z]+\}))*$/),
  label: Text,
});
export type FactLabel = z.infer<typeof FactLabel>;

/** Who may give a clearance (REFERENCE §3 **clearance:** marks). */
export const ClearanceRole = z.enum(['prescriber', 'specialist', 'physician', 'surgeon']);
export type ClearanceRole = z.infer<typeof ClearanceRole>;

export const CheckIn = z.strictObject({
  id: Id,
  hours: z.number().min(0),
  label: Text,
  why: Text,
  when: Condition.optional(),
  sources: z.array(Cite).min(1),
});
export type CheckIn = z.infer<typeof CheckIn>;

export const TimeWindow = z.strictObject({
  id: Id,
  label: Text,
  fromHours: z.number().min(0),
  toHours: z.number().min(0).nullable(),
});

export const FitzpatrickSelfReport = z.strictObject({
  question: Text,
  source: Cite,
  answers: z
    .array(z.strictObject({ id: Id, type: z.number().int().min(1).max(6), label: Text, description: Text }))
    .length(6),
});
export type FitzpatrickSelfReport = z.infer<typeof FitzpatrickSelfReport>;

const RuleBase = {
  id: Id,
  version: Semver,
  title: Text,
  rationale: Text,
  sources: z.array(Cite),
  limits: Text,
  /** Required when a blocking or escalating rule rests only on grade D or U sources. */
  expertConsensus: z.strictObject({ reason: Text }).optional(),
  conflicts: z.array(Id).optional(),
};

export const ScreeningRule = z.strictObject({
  ...RuleBase,
  kind: z.literal('screening'),
  /** `zone` rules are evaluated once for each zone of the plan, with zone.* facts. */
  scope: z.enum(['plan', 'zone']),
  when: Condition,
  then: z.strictObject({
    /** REFERENCE §0.2 effect class; the verdict follows from it (vocabulary/effect-classes.yaml). */
    effect: EffectClass,
    action: z.enum(['precaution', 'wait', 'refer', 'change_plan', 'skip_area', 'do_not_treat']),
    patient: Text,
    clinician: Text,
    waitDays: z.number().int().min(0).optional(),
    /** A date fact the wait counts from; without it the wait counts from the planned date. */
    waitFrom: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe('days-since fact(s) the wait counts from; with several, the most recent event that happened counts'),
    alternative: z.string().optional(),
    /** `clearance` rules: what a recorded clearance must cover, who may give it, and who must clear in plain words. */
    clearance: z
      .strictObject({
        /** Condition, medication or procedure ids; a clearance recorded for any of them counts. */
        covers: z.array(Id).min(1),
        by: z.array(ClearanceRole).min(1),
        /** Whether a physician who treats may take this decision themselves (REFERENCE §0.2). */
        physicianMayDecide: z.boolean(),
        who: Text,
        why: Text,
      })
      .optional(),
  }),
  question: Text,
  /** Why the answer to `question` matters, in plain words (shown with the question). */
  questionWhy: z.string().optional(),
});
export type ScreeningRule = z.infer<typeof ScreeningRule>;

export const AftercareRule = z.strictObject({
  ...RuleBase,
  kind: z.literal('aftercare'),
  topic: Id,
  type: z.enum(['do', 'avoid']),
  advice: Text,
  when: Condition.optional(),
  fromHours: z.number().min(0),
  untilHours: z.number().min(0).nullable(),
  minimumHours: z.number().min(0).optional(),
  untilNote: z.string().optional(),
  /** Products this advice is about, so a plan can list them by name. */
  avoidProducts: z.array(Id).optional(),
  useProducts: z.array(Id).optional(),
  adjust: z
    .array(z.strictObject({ when: Condition, untilHours: z.number().min(0), reason: Text }))
    .optional(),
});
export type AftercareRule = z.infer<typeof AftercareRule>;

export const TriageRule = z.strictObject({
  ...RuleBase,
  kind: z.literal('triage'),
  stage: z.enum(['emergency', 'matrix', 'threshold', 'escalation_pair']),
  window: Id.optional(),
  when: Condition,
  then: z.strictObject({
    level: Level,
    explains: z.array(Id),
    treatmentRelated: z.boolean(),
    advice: Text,
  }),
});
export type TriageRule = z.infer<typeof TriageRule>;

export const SchedulingRule = z.strictObject({
  ...RuleBase,
  kind: z.literal('scheduling'),
  when: Condition,
  then: z.strictObject({
    minIntervalDays: z.number().int().min(0).nullable(),
    defaultIntervalDays: z.number().int().min(0).nullable(),
    /** No next session can be dated until a clinician has reviewed (e.g. after a complication). */
    blocksRetreatment: z.boolean().default(false),
    sessions: z.string().optional(),
    advice: Text,
  }),
});
export type SchedulingRule = z.infer<typeof SchedulingRule>;

export const Conflict = z.strictObject({
  id: Id,
  topic: Text,
  positions: z.array(z.strictObject({ summary: Text, sources: z.array(Id).min(1) })).min(2),
  resolution: Text,
  rules: z.array(Id),
  /** Products the disagreement is about: a screening shows it only when the plan uses one of them. */
  products: z.array(Id).optional(),
});
export type Conflict = z.infer<typeof Conflict>;

export const FactValue = z.union([Scalar, z.literal('unknown'), z.null()]);
export const ScenarioZone = z.strictObject({ zone: Id, depthMm: z.number().min(0) });
export const Scenario = z.strictObject({
  id: Id,
  kind: z.enum(['screening', 'aftercare', 'triage', 'scheduling']),
  description: Text,
  facts: z.record(z.string(), FactValue).default({}),
  zones: z.array(ScenarioZone).optional(),
  /**
   * A whole request (screening or triage input as the API takes it): the scenario then runs the whole engine
   * (`screen()` / `triage()`), so the verdict or level a person sees is checked by data. `facts` must then be empty.
   */
  input: z.record(z.string(), z.unknown()).optional(),
  expect: z.strictObject({
    verdict: Verdict.optional(),
    level: Level.optional(),
    fires: z.array(Id).default([]),
    notFires: z.array(Id).default([]),
    /** Rules expected to be unknown (a question) because a fact they need is unknown. */
    asks: z.array(Id).default([]),
    /** aftercare: the window end (hours) expected for these rules after adjustments */
    untilHours: z.record(Id, z.number().min(0).nullable()).optional(),
    /** scheduling: the expected minimum interval (days) */
    minIntervalDays: z.number().int().min(0).nullable().optional(),
    /** whole-engine screening: the earliest date (null: none can be given) */
    earliestDate: IsoDate.nullable().optional(),
    /** whole-engine: texts that must appear (case-insensitive) in what the person reads, and texts that must not */
    says: z.array(Text).default([]),
    neverSays: z.array(Text).default([]),
    /** whole-engine triage: the effect that must be named first among the likely explanations */
    firstExplanation: Id.optional(),
  }),
});
export type Scenario = z.infer<typeof Scenario>;

export const Manifest = z.strictObject({
  name: Text,
  version: Semver,
  released: IsoDate,
  clinicalReview: z.array(
    z.strictObject({ reviewer: Text, credentials: Text, scope: Text, date: IsoDate, knowledgeVersion: Semver }),
  ),
  policy: z.strictObject({
    unknownBlockingVerdict: Verdict,
    unknownTriageFloor: Level,
    /** A reported symptom that no applying rule accounts for keeps the check-in level at least here (default: unknownTriageFloor). */
    unexplainedSymptomFloor: Level.optional(),
    /** Asking triage rules that count as applying once one of these symptoms is present (unknown must not lower urgency). */
    escalateOnUnknown: z.array(z.strictObject({ rule: Id, whenPresent: z.array(Id).min(1), reason: Text })).optional(),
    /** Check-in signs whose normal window depends on the needle depth where they are (REFERENCE §4.1 depth-aware windows). */
    depthWindowSigns: z.array(Id).optional(),
    /** Medicine groups an unnamed medicine (free text Primum cannot look up) may belong to: asked, never read as "no". */
    unnamedMedicineMayBe: z.array(Id).optional(),
    intendedUse: Text,
    emergencyNotice: Text,
    reviewNotice: Text,
  }),
});
export type Manifest = z.infer<typeof Manifest>;

export const Baseline = z.strictObject({
  kind: z.enum(['screening', 'aftercare', 'triage', 'scheduling']),
  facts: z.record(z.string(), FactValue),
  zones: z.array(ScenarioZone).optional(),
});

/** Which schema a knowledge file follows, by its path relative to knowledge/. */
export const FILE_KINDS = {
  manifest: { pattern: /^manifest\.yaml$/, schema: Manifest },
  sources: { pattern: /^sources\.yaml$/, schema: z.array(Source) },
  conflicts: { pattern: /^conflicts\.yaml$/, schema: z.array(Conflict) },
  devices: { pattern: /^vocabulary\/devices\.yaml$/, schema: z.array(Device) },
  zones: { pattern: /^vocabulary\/zones\.yaml$/, schema: z.array(Zone) },
  indications: { pattern: /^vocabulary\/indications\.yaml$/, schema: z.array(Indication) },
  conditions: { pattern: /^vocabulary\/conditions\.yaml$/, schema: z.array(ConditionEntry) },
  medications: { pattern: /^vocabulary\/medications\.yaml$/, schema: z.array(Medication) },
  medicationNames: { pattern: /^vocabulary\/medication-names\.yaml$/, schema: MedicationNames },
  procedures: { pattern: /^vocabulary\/procedures\.yaml$/, schema: z.array(Procedure) },
  products: { pattern: /^vocabulary\/products\.yaml$/, schema: z.array(Product) },
  symptoms: { pattern: /^vocabulary\/symptoms\.yaml$/, schema: z.array(Symptom) },
  effects: { pattern: /^vocabulary\/effects\.yaml$/, schema: z.array(Effect) },
  timeWindows: { pattern: /^vocabulary\/time-windows\.yaml$/, schema: z.array(TimeWindow) },
  fitzpatrick: { pattern: /^vocabulary\/fitzpatrick\.yaml$/, schema: FitzpatrickSelfReport },
  levels: { pattern: /^vocabulary\/levels\.yaml$/, schema: z.array(LevelInfo) },
  verdicts: { pattern: /^vocabulary\/verdicts\.yaml$/, schema: z.array(VerdictInfo) },
  effectClasses: { pattern: /^vocabulary\/effect-classes\.yaml$/, schema: z.array(EffectClassInfo) },
  factLabels: { pattern: /^text\/fact-labels\.yaml$/, schema: z.array(FactLabel) },
  texts: { pattern: /^text\/(?!fact-labels\.yaml$)[a-z0-9-]+\.yaml$/, schema: z.array(TextTemplate) },
  checkIns: { pattern: /^vocabulary\/check-ins\.yaml$/, schema: z.array(CheckIn) },
  screening: { pattern: /^rules\/screening(-[a-z0-9-]+)?\.yaml$/, schema: z.array(ScreeningRule) },
  aftercare: { pattern: /^rules\/aftercare(-[a-z0-9-]+)?\.yaml$/, schema: z.array(AftercareRule) },
  triage: { pattern: /^rules\/triage(-[a-z0-9-]+)?\.yaml$/, schema: z.array(TriageRule) },
  scheduling: { pattern: /^rules\/scheduling(-[a-z0-9-]+)?\.yaml$/, schema: z.array(SchedulingRule) },
  baselines: { pattern: /^scenarios\/baselines\.yaml$/, schema: z.array(Baseline) },
  scenarios: { pattern: /^scenarios\/(screening|aftercare|triage|scheduling)(-[a-z0-9-]+)?\.yaml$/, schema: z.array(Scenario) },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export function fileKind(relPath: string): FileKind | undefined {
  for (const [kind, spec] of Object.entries(FILE_KINDS)) if (spec.pattern.test(relPath)) return kind as FileKind;
  return undefined;
}

export type Device = z.infer<typeof Device>;
export type Zone = z.infer<typeof Zone>;
export type Indication = z.infer<typeof Indication>;
export type ConditionEntry = z.infer<typeof ConditionEntry>;
export type Medication = z.infer<typeof Medication>;
export type Procedure = z.infer<typeof Procedure>;
export type Product = z.infer<typeof Product>;
export type Symptom = z.infer<typeof Symptom>;
export type Effect = z.infer<typeof Effect>;
export type TimeWindow = z.infer<typeof TimeWindow>;
export type Baseline = z.infer<typeof Baseline>;
export type AnyRule = ScreeningRule | AftercareRule | TriageRule | SchedulingRule;

export interface RawKnowledge {
  manifest: Manifest;
  fitzpatrick: FitzpatrickSelfReport;
  sources: Source[];
  conflicts: Conflict[];
  devices: Device[];
  zones: Zone[];
  indications: Indication[];
  conditions: ConditionEntry[];
  medications: Medication[];
  medicationNames: MedicationNames;
  procedures: Procedure[];
  products: Product[];
  symptoms: Symptom[];
  effects: Effect[];
  timeWindows: TimeWindow[];
  levels: LevelInfo[];
  verdicts: VerdictInfo[];
  effectClasses: EffectClassInfo[];
  texts: TextTemplate[];
  factLabels: FactLabel[];
  checkIns: CheckIn[];
  screening: ScreeningRule[];
  aftercare: AftercareRule[];
  triage: TriageRule[];
  scheduling: SchedulingRule[];
  baselines: Baseline[];
  scenarios: Scenario[];
}
