// The screening questionnaire's model: the answers as kept in the browser, the steps and their skip logic,
// validation per step, the API request built from the answers, and where an API issue is fixed.
// Clinical thresholds and texts are not here: they come from the knowledge (GET /api/v1/knowledge) and the API.
import type { Issue, KnowledgeSummary, VocabEntry } from '../../api.ts';

export type YNU = 'yes' | 'no' | 'unknown';
/** A list question: none of these, some of these (ticked below), or "I don't know". */
export type ListMode = 'none' | 'some' | 'unknown';
export type Sex = 'female' | 'male' | 'intersex' | 'other' | 'not_given';
export type ConditionStatus = 'active' | 'history' | 'controlled' | 'unknown';
export type Role = 'self' | 'esthetician' | 'nurse' | 'physician';
export type Needles = 'single_use_sterile' | 'own_device_single_user' | 'reused' | 'unknown';
export type NeedleMaterial = 'stainless_steel' | 'titanium' | 'gold_plated' | 'nickel_free_coated' | 'silicone' | 'other' | 'unknown';

export interface ConditionAnswer { status?: ConditionStatus; inField?: YNU }
export interface MedicationAnswer { when?: 'still_taking' | 'date' | 'unknown'; date?: string }
export interface ProcedureAnswer { date?: string; dateUnknown?: boolean; inField?: YNU }
export interface ImplantAnswer { inField?: YNU }
export interface ProductAnswer { sterile?: YNU }

/** Everything the person has answered so far, exactly as entered (numbers as typed text). */
export interface Answers {
  age?: string;
  ageUnknown?: boolean;
  sex?: Sex;
  pregnant?: YNU;
  breastfeeding?: YNU;
  /** '1'..'6' or 'unknown' (then the self-report helper is shown). */
  fitzpatrick?: string;
  /** A knowledge self-report answer id, or 'unknown'. */
  fitzpatrickSelfReport?: string;
  conditionsMode?: ListMode;
  conditions?: Record<string, ConditionAnswer>;
  medicationsMode?: ListMode;
  medications?: Record<string, MedicationAnswer>;
  /** "Something else": conditions in the person's words, one per line (kept and shown, never read as none). */
  otherConditions?: string;
  /** Medicines by the name on the box, one per line (looked up by Primum; unknown names are kept and asked about). */
  otherMedicines?: string;
  proceduresMode?: ListMode;
  procedures?: Record<string, ProcedureAnswer>;
  allergiesMode?: ListMode;
  allergies?: Record<string, true>;
  implantsMode?: ListMode;
  implants?: Record<string, ImplantAnswer>;
  setting?: 'clinic' | 'home';
  operatorRole?: Role;
  licensed?: YNU;
  device?: string;
  rfInsulated?: YNU;
  deviceLabelMaxDepthMm?: string;
  needles?: Needles;
  needleMaterial?: NeedleMaterial;
  sharedDevice?: YNU;
  products?: Record<string, ProductAnswer>;
  numbingUsed?: YNU;
  numbingOccluded?: YNU;
  indication?: string;
  plannedDate?: string;
  /** zone id -> depth in mm as typed; an empty text means the zone is not treated. */
  zones?: Record<string, string>;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Reads saved answers defensively: anything that is not the right shape is dropped. */
export function asAnswers(x: unknown): Answers {
  if (!isRecord(x)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (['conditions', 'medications', 'procedures', 'allergies', 'implants', 'products', 'zones'].includes(k)) {
      if (isRecord(v)) out[k] = Object.fromEntries(Object.entries(v).filter(([, e]) => (k === 'zones' ? typeof e === 'string' : k === 'allergies' ? e === true : isRecord(e))));
    } else if (typeof v === 'string' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

export type StepId =
  | 'about-you' | 'pregnancy' | 'skin-type' | 'health' | 'medicines' | 'procedures' | 'allergies-implants' | 'treatment'
  | 'areas' | 'review';

export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: 'about-you', title: 'About you' },
  { id: 'pregnancy', title: 'Pregnancy and breastfeeding' },
  { id: 'skin-type', title: 'Your skin type' },
  { id: 'health', title: 'Your health' },
  { id: 'medicines', title: 'Your medicines' },
  { id: 'procedures', title: 'Earlier treatments' },
  { id: 'allergies-implants', title: 'Allergies and implants' },
  { id: 'treatment', title: 'The planned treatment' },
  { id: 'areas', title: 'Areas and needle depth' },
  { id: 'review', title: 'Check your answers' },
];

export const isStepId = (s: string | undefined): s is StepId => STEPS.some((x) => x.id === s);

/** Pregnancy questions are asked unless the person said they are male. */
export const asksPregnancy = (a: Answers): boolean => a.sex !== 'male';

/** The steps this person sees, in order (skip logic). */
export function visibleSteps(a: Answers): StepId[] {
  return STEPS.map((s) => s.id).filter((id) => id !== 'pregnancy' || asksPregnancy(a));
}

export const stepTitle = (id: StepId): string => STEPS.find((s) => s.id === id)?.title ?? id;

// ---------------------------------------------------------------------------------------------------------------
// Knowledge helpers

export const energyOf = (kb: KnowledgeSummary | null, device: string | undefined): string | undefined =>
  kb?.vocabulary.devices.find((d) => d.id === device)?.energy as string | undefined;

/** Needling devices (not add-ons) that can be used in a setting. */
export function devicesFor(kb: KnowledgeSummary, setting: string | undefined): VocabEntry[] {
  return kb.vocabulary.devices.filter((d) => d.energy !== 'none' && (!setting || !Array.isArray(d.settings) || (d.settings as string[]).includes(setting)));
}

export const isRf = (kb: KnowledgeSummary | null, a: Answers): boolean => energyOf(kb, a.device) === 'rf';

const categoryOf = (e: VocabEntry): string => (typeof e.category === 'string' ? e.category : '');

/** Health conditions (not allergies or implants). */
export const healthConditions = (kb: KnowledgeSummary): VocabEntry[] =>
  kb.vocabulary.conditions.filter((c) => categoryOf(c) !== 'allergy' && categoryOf(c) !== 'implant');
export const allergyEntries = (kb: KnowledgeSummary): VocabEntry[] => kb.vocabulary.conditions.filter((c) => categoryOf(c) === 'allergy');
export const implantEntries = (kb: KnowledgeSummary): VocabEntry[] => kb.vocabulary.conditions.filter((c) => categoryOf(c) === 'implant');

/** Whether "is it in or next to the area to be treated?" matters for a condition. */
export const conditionAsksSite = (c: VocabEntry): boolean => c.siteMatters === true || categoryOf(c) === 'skin' || categoryOf(c) === 'lesion';
export const implantAsksSite = (c: VocabEntry): boolean => c.siteMatters === true;

export const isNumbingProduct = (kb: KnowledgeSummary, id: string): boolean =>
  categoryOf(kb.vocabulary.products.find((p) => p.id === id) ?? { id, label: '', description: '' }) === 'anaesthetic';

/** The occlusion question is asked only when numbing cream is used. */
export const asksOcclusion = (kb: KnowledgeSummary | null, a: Answers): boolean =>
  a.numbingUsed === 'yes' || (kb !== null && Object.keys(a.products ?? {}).some((id) => isNumbingProduct(kb, id)));

/** Groups for the long health list, in the knowledge's order. */
export const CONDITION_GROUPS: readonly { title: string; categories: readonly string[] }[] = [
  { title: 'Skin', categories: ['skin'] },
  { title: 'Moles, spots and growths', categories: ['lesion'] },
  { title: 'Scarring and pigment', categories: ['pigment_scar'] },
  { title: 'General health', categories: ['systemic'] },
  { title: 'Other', categories: [] },
];
export function groupConditions(list: VocabEntry[]): { title: string; items: VocabEntry[] }[] {
  const known = CONDITION_GROUPS.flatMap((g) => g.categories);
  return CONDITION_GROUPS.map((g) => ({
    title: g.title,
    items: list.filter((c) => (g.categories.length ? g.categories.includes(categoryOf(c)) : !known.includes(categoryOf(c)))),
  })).filter((g) => g.items.length > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Wording for fixed enums of the request schema (not clinical texts)

export const YNU_LABELS: Record<YNU, string> = { yes: 'Yes', no: 'No', unknown: "I don't know" };
export const SEX_LABELS: Record<Sex, string> = { female: 'Female', male: 'Male', intersex: 'Intersex', other: 'Other', not_given: 'I prefer not to say' };
export const STATUS_LABELS: Record<ConditionStatus, string> = {
  active: 'Active now',
  history: 'In the past',
  controlled: 'Controlled with treatment',
  unknown: "I don't know",
};
export const ROLE_LABELS: Record<Role, string> = {
  self: 'Me, on myself',
  esthetician: 'A beautician or aesthetician',
  nurse: 'A nurse',
  physician: 'A doctor',
};
export const SETTING_LABELS: Record<'clinic' | 'home', string> = { clinic: 'In a clinic or salon', home: 'At home' };
export const NEEDLES_LABELS: Record<Needles, string> = {
  single_use_sterile: 'New, sterile and single-use (opened in front of me)',
  own_device_single_user: 'My own home device, used only by me',
  reused: 'Single-use needles or a cartridge used again, or used on someone else',
  unknown: "I don't know",
};
export const MATERIAL_LABELS: Record<NeedleMaterial, string> = {
  stainless_steel: 'Stainless steel',
  titanium: 'Titanium',
  gold_plated: 'Gold-plated',
  nickel_free_coated: 'Nickel-free coated',
  silicone: 'Silicone',
  other: 'Something else',
  unknown: "I don't know",
};
export const LIST_MODE_LABELS: Record<ListMode, string> = { none: 'No, none of these', some: 'Yes', unknown: "I don't know" };

// ---------------------------------------------------------------------------------------------------------------
// Validation

/** Field id -> message. Field ids are DOM ids, so the first error can get focus. */
export type Errors = Record<string, string>;

export const fieldId = (...parts: string[]): string => `q-${parts.join('-').replace(/[^a-zA-Z0-9_-]/g, '_')}`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date YYYY-MM-DD between 1900 and 2100. */
export function isRealDate(s: string | undefined): boolean {
  const m = ISO_DATE.exec(s ?? '');
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2100 && dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The number in a typed text, or null when it is not a plain number. */
export function parseNumber(s: string | undefined): number | null {
  const t = (s ?? '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export const DEPTH_MIN = 0.05;
export const DEPTH_MAX = 10;

export function depthError(text: string): string | null {
  const n = parseNumber(text);
  if (n === null) return 'Enter the depth as a number of millimetres, for example 0.5.';
  if (n < DEPTH_MIN || n > DEPTH_MAX) return `Enter a depth from ${DEPTH_MIN} to ${DEPTH_MAX} mm.`;
  return null;
}

const chosenZones = (a: Answers): [string, string][] => Object.entries(a.zones ?? {}).filter(([, v]) => v.trim() !== '');

/** The problems on one step that stop the person moving on. */
export function validateStep(step: StepId, a: Answers, kb: KnowledgeSummary | null): Errors {
  const e: Errors = {};
  const pick = (v: unknown, id: string, msg = "Choose an answer, or \"I don't know\".") => {
    if (v === undefined) e[id] = msg;
  };
  switch (step) {
    case 'about-you': {
      if (!a.ageUnknown) {
        const n = parseNumber(a.age);
        if ((a.age ?? '').trim() === '') e[fieldId('age')] = 'Enter your age in years, or tick "I don\'t know or prefer not to say".';
        else if (n === null || !Number.isInteger(n)) e[fieldId('age')] = 'Enter your age as a whole number of years, for example 34.';
        else if (n < 0 || n > 120) e[fieldId('age')] = 'Enter an age from 0 to 120 years.';
      }
      break;
    }
    case 'pregnancy':
      pick(a.pregnant, fieldId('pregnant'));
      pick(a.breastfeeding, fieldId('breastfeeding'));
      break;
    case 'skin-type':
      if (a.fitzpatrick === undefined) e[fieldId('fitzpatrick')] = 'Choose your skin type, or "I don\'t know my skin type".';
      else if (a.fitzpatrick === 'unknown' && a.fitzpatrickSelfReport === undefined) {
        e[fieldId('fitzpatrick-self')] = 'Choose the description that fits best, or "I can\'t say".';
      }
      break;
    case 'health': {
      pick(a.conditionsMode, fieldId('conditions'));
      if (a.conditionsMode === 'some' && kb) {
        const chosen = Object.keys(a.conditions ?? {});
        if (chosen.length === 0) e[fieldId('conditions', 'list')] = 'Tick at least one, or choose "No, none of these".';
        for (const c of healthConditions(kb).filter((x) => chosen.includes(x.id))) {
          const ans = a.conditions?.[c.id] ?? {};
          pick(ans.status, fieldId('condition', c.id, 'status'), `${c.label}: choose whether it is active now, in the past or controlled.`);
          if (conditionAsksSite(c)) pick(ans.inField, fieldId('condition', c.id, 'site'), `${c.label}: say whether it is in or next to the area to be treated.`);
        }
      }
      break;
    }
    case 'medicines': {
      pick(a.medicationsMode, fieldId('medications'));
      if (a.medicationsMode === 'some' && kb) {
        const chosen = Object.keys(a.medications ?? {});
        if (chosen.length === 0 && (a.otherMedicines ?? '').trim() === '') e[fieldId('medications', 'list')] = 'Tick at least one or type its name, or choose "No, none of these".';
        for (const m of kb.vocabulary.medications.filter((x) => chosen.includes(x.id))) {
          const ans = a.medications?.[m.id] ?? {};
          pick(ans.when, fieldId('medication', m.id, 'when'), `${m.label}: say when you last took it.`);
          if (ans.when === 'date' && !isRealDate(ans.date)) e[fieldId('medication', m.id, 'date')] = `${m.label}: enter the date of the last dose (day, month and year).`;
        }
      }
      break;
    }
    case 'procedures': {
      pick(a.proceduresMode, fieldId('procedures'));
      if (a.proceduresMode === 'some' && kb) {
        const chosen = Object.keys(a.procedures ?? {});
        if (chosen.length === 0) e[fieldId('procedures', 'list')] = 'Tick at least one, or choose "No, none of these".';
        for (const p of kb.vocabulary.procedures.filter((x) => chosen.includes(x.id))) {
          const ans = a.procedures?.[p.id] ?? {};
          if (!ans.dateUnknown && !isRealDate(ans.date)) e[fieldId('procedure', p.id, 'date')] = `${p.label}: enter the date (day, month and year), or tick "I don't know the date".`;
          pick(ans.inField, fieldId('procedure', p.id, 'site'), `${p.label}: say whether it was in or next to the area to be treated.`);
        }
      }
      break;
    }
    case 'allergies-implants': {
      pick(a.allergiesMode, fieldId('allergies'));
      if (a.allergiesMode === 'some' && Object.keys(a.allergies ?? {}).length === 0) e[fieldId('allergies', 'list')] = 'Tick at least one, or choose "No, none of these".';
      pick(a.implantsMode, fieldId('implants'));
      if (a.implantsMode === 'some' && kb) {
        const chosen = Object.keys(a.implants ?? {});
        if (chosen.length === 0) e[fieldId('implants', 'list')] = 'Tick at least one, or choose "No, none of these".';
        for (const i of implantEntries(kb).filter((x) => chosen.includes(x.id) && implantAsksSite(x))) {
          pick(a.implants?.[i.id]?.inField, fieldId('implant', i.id, 'site'), `${i.label}: say whether it is in or next to the area to be treated.`);
        }
      }
      break;
    }
    case 'treatment': {
      pick(a.setting, fieldId('setting'), 'Choose where the treatment will be done.');
      pick(a.operatorRole, fieldId('operator'), 'Choose who will do the treatment.');
      if (a.operatorRole && a.operatorRole !== 'self') pick(a.licensed, fieldId('licensed'));
      pick(a.device, fieldId('device'), 'Choose the device.');
      if (kb && a.device && a.setting && !devicesFor(kb, a.setting).some((d) => d.id === a.device)) {
        e[fieldId('device')] = 'This device is not used in this setting. Choose another device, or change where it will be done.';
      }
      if (a.setting === 'home') pick(a.sharedDevice, fieldId('shared'));
      if ((a.deviceLabelMaxDepthMm ?? '').trim() !== '') {
        const n = parseNumber(a.deviceLabelMaxDepthMm);
        if (n === null || n < 0 || n > 10) e[fieldId('label-depth')] = 'Enter a length from 0 to 10 mm, or leave it empty.';
      }
      pick(a.needles, fieldId('needles'));
      pick(a.needleMaterial, fieldId('material'));
      if (kb) {
        for (const p of kb.vocabulary.products.filter((x) => a.products?.[x.id])) {
          pick(a.products?.[p.id]?.sterile, fieldId('product', p.id, 'sterile'), `${p.label}: say whether it is sterile.`);
        }
      }
      pick(a.numbingUsed, fieldId('numbing'));
      if (asksOcclusion(kb, a)) pick(a.numbingOccluded, fieldId('numbing-occluded'));
      pick(a.indication, fieldId('indication'), 'Choose what the treatment is for.');
      if (!isRealDate(a.plannedDate)) e[fieldId('planned-date')] = 'Enter the planned treatment date (day, month and year).';
      break;
    }
    case 'areas': {
      const zones = chosenZones(a);
      if (zones.length === 0) e[fieldId('zones')] = 'Enter a needle depth for at least one area.';
      for (const [z, v] of zones) {
        const msg = depthError(v);
        if (msg) e[fieldId('zone', z)] = msg;
      }
      break;
    }
    case 'review':
      break;
  }
  return e;
}

/** Every problem on every visible step, with the step that fixes it. */
export function validateAll(a: Answers, kb: KnowledgeSummary | null): { step: StepId; field: string; message: string }[] {
  return visibleSteps(a).flatMap((step) => Object.entries(validateStep(step, a, kb)).map(([field, message]) => ({ step, field, message })));
}

// ---------------------------------------------------------------------------------------------------------------
// The request

const listOrUnknown = <T>(mode: ListMode | undefined, items: () => T[]): T[] | 'unknown' => (mode === 'unknown' ? 'unknown' : mode === 'some' ? items() : []);

/** The POST /api/v1/screenings body built from the answers (call after validation). */
export function buildRequest(a: Answers, kb: KnowledgeSummary): { person: Record<string, unknown>; plan: Record<string, unknown> } {
  const person: Record<string, unknown> = {};
  const age = parseNumber(a.age);
  person.age = a.ageUnknown || age === null ? 'unknown' : age;
  if (a.sex && a.sex !== 'not_given') person.sex = a.sex;
  // Skipped for a man: not pregnant, not breastfeeding.
  person.pregnant = asksPregnancy(a) ? (a.pregnant ?? 'unknown') : 'no';
  person.breastfeeding = asksPregnancy(a) ? (a.breastfeeding ?? 'unknown') : 'no';
  if (a.fitzpatrick && a.fitzpatrick !== 'unknown') person.fitzpatrick = Number(a.fitzpatrick);
  else if (a.fitzpatrickSelfReport && a.fitzpatrickSelfReport !== 'unknown') person.fitzpatrickSelfReport = a.fitzpatrickSelfReport;
  else person.fitzpatrick = 'unknown';

  person.conditions = listOrUnknown(a.conditionsMode, () =>
    healthConditions(kb)
      .filter((c) => a.conditions?.[c.id])
      .map((c) => {
        const ans = a.conditions?.[c.id] ?? {};
        return { id: c.id, status: ans.status ?? 'unknown', ...(conditionAsksSite(c) ? { inField: ans.inField ?? 'unknown' } : {}) };
      }),
  );
  person.medications = listOrUnknown(a.medicationsMode, () =>
    kb.vocabulary.medications
      .filter((m) => a.medications?.[m.id])
      .map((m) => {
        const ans = a.medications?.[m.id] ?? {};
        return { id: m.id, lastDose: ans.when === 'still_taking' ? 'still_taking' : ans.when === 'date' && ans.date ? ans.date : 'unknown' };
      }),
  );
  const lines = (t: string | undefined) => (t ?? '').split('\n').map((x) => x.trim()).filter((x) => x !== '').slice(0, 20);
  const otherConditions = lines(a.otherConditions);
  if (otherConditions.length) person.otherConditions = otherConditions;
  const byName = a.medicationsMode === 'some' ? lines(a.otherMedicines).map((name) => ({ name, lastDose: 'unknown' })) : [];
  const listed: unknown[] = Array.isArray(person.medications) ? (person.medications as unknown[]) : [];
  if (byName.length) person.medications = [...listed, ...byName];
  person.procedures = listOrUnknown(a.proceduresMode, () =>
    kb.vocabulary.procedures
      .filter((p) => a.procedures?.[p.id])
      .map((p) => {
        const ans = a.procedures?.[p.id] ?? {};
        return { id: p.id, date: !ans.dateUnknown && ans.date ? ans.date : 'unknown', inField: ans.inField ?? 'unknown' };
      }),
  );
  person.allergies = listOrUnknown(a.allergiesMode, () => allergyEntries(kb).filter((x) => a.allergies?.[x.id]).map((x) => x.id));
  person.implants = listOrUnknown(a.implantsMode, () =>
    implantEntries(kb)
      .filter((x) => a.implants?.[x.id])
      .map((x) => ({ id: x.id, ...(implantAsksSite(x) ? { inField: a.implants?.[x.id]?.inField ?? 'unknown' } : {}) })),
  );

  const plan: Record<string, unknown> = {};
  plan.setting = a.setting;
  plan.operator = { role: a.operatorRole, licensed: a.operatorRole === 'self' ? 'no' : (a.licensed ?? 'unknown') };
  plan.device = a.device;
  if (isRf(kb, a) && a.rfInsulated) plan.rfInsulated = a.rfInsulated;
  const labelDepth = parseNumber(a.deviceLabelMaxDepthMm);
  if (labelDepth !== null) plan.deviceLabelMaxDepthMm = labelDepth;
  plan.needleMaterial = a.needleMaterial;
  plan.needles = a.needles;
  if (a.setting === 'home' && a.sharedDevice) plan.sharedDevice = a.sharedDevice;
  plan.zones = kb.vocabulary.zones
    .filter((z) => (a.zones?.[z.id] ?? '').trim() !== '')
    .map((z) => ({ zone: z.id, depthMm: parseNumber(a.zones?.[z.id]) ?? 0 }));
  const products = kb.vocabulary.products.filter((p) => a.products?.[p.id]);
  plan.products = products.map((p) => ({ id: p.id, sterile: a.products?.[p.id]?.sterile ?? 'unknown' }));
  plan.numbingCream = {
    used: a.numbingUsed ?? 'unknown',
    ...(asksOcclusion(kb, a) ? { occludedOrLargeArea: a.numbingOccluded ?? 'unknown' } : {}),
  };
  plan.adjunctPrp = products.some((p) => p.id === 'prp');
  plan.indication = a.indication;
  plan.plannedDate = a.plannedDate;
  return { person, plan };
}

// ---------------------------------------------------------------------------------------------------------------
// API issues -> the step that fixes them

/** "person.medications[0].lastDose" -> ["person", "medications", "0", "lastDose"] */
export const pathParts = (path: string): string[] => path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);

export function stepForIssue(path: string, a: Answers): StepId {
  const p = pathParts(path);
  if (p[0] === 'person') {
    switch (p[1]) {
      case 'age':
      case 'sex':
        return 'about-you';
      case 'pregnant':
      case 'breastfeeding':
        return asksPregnancy(a) ? 'pregnancy' : 'about-you';
      case 'fitzpatrick':
      case 'fitzpatrickSelfReport':
        return 'skin-type';
      case 'conditions':
        return 'health';
      case 'medications':
        return 'medicines';
      case 'procedures':
        return 'procedures';
      case 'allergies':
      case 'implants':
        return 'allergies-implants';
      default:
        return 'about-you';
    }
  }
  if (p[0] === 'plan') return p[1] === 'zones' ? 'areas' : 'treatment';
  return 'review';
}

/** A readable name for an issue's path, using the labels of the items in the request. */
export function describeIssue(issue: Issue, request: { person: Record<string, unknown>; plan: Record<string, unknown> } | null, kb: KnowledgeSummary | null): string {
  const p = pathParts(issue.path);
  const listVocab: Record<string, keyof KnowledgeSummary['vocabulary']> = {
    conditions: 'conditions', medications: 'medications', procedures: 'procedures', implants: 'conditions', allergies: 'conditions', zones: 'zones', products: 'products',
  };
  const names: Record<string, string> = {
    age: 'Your age', sex: 'Sex', pregnant: 'Pregnant', breastfeeding: 'Breastfeeding', fitzpatrick: 'Skin type',
    fitzpatrickSelfReport: 'Skin type', conditions: 'Health conditions', medications: 'Medicines', procedures: 'Earlier treatments',
    allergies: 'Allergies', implants: 'Implants', setting: 'Where', operator: 'Who does it', device: 'Device', rfInsulated: 'Insulated needles',
    deviceLabelMaxDepthMm: 'Longest needle on the label', needleMaterial: 'Needle material', needles: 'Needles', sharedDevice: 'Shared device',
    zones: 'Areas', products: 'Products', numbingCream: 'Numbing cream', indication: 'What it is for', plannedDate: 'Planned date',
    lastDose: 'last dose', date: 'date', depthMm: 'depth', inField: 'in the area', status: 'status', zone: 'area', sterile: 'sterile',
  };
  const [root, key, index, field] = p;
  if (root !== 'person' && root !== 'plan') return issue.message;
  let where = names[key ?? ''] ?? key ?? '';
  if (key && index !== undefined && /^\d+$/.test(index)) {
    const list = root === 'person' ? request?.person[key] : request?.plan[key];
    const item = Array.isArray(list) ? (list[Number(index)] as unknown) : undefined;
    const id = typeof item === 'string' ? item : isRecord(item) ? [item.id, item.zone].find((x): x is string => typeof x === 'string') ?? '' : '';
    const vocab = listVocab[key];
    const label = (vocab && kb?.vocabulary[vocab].find((x) => x.id === id)?.label) || id;
    where = `${label}${field ? `, ${names[field] ?? field}` : ''}`;
  } else if (index !== undefined) where = `${where}, ${names[index] ?? index}`;
  return `${where}: ${friendlyMessage(issue.message, field)}`;
}

const DATE_FMT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "2026-11-30" -> "30 November 2026" (the text as given when it is not a date). */
export const formatDate = (iso: string | undefined): string => {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  return !isRealDate(iso) || Number.isNaN(d.getTime()) ? iso : DATE_FMT.format(d);
};

/** The API's date-order messages in plain words; other messages as they are. */
function friendlyMessage(message: string, field: string | undefined): string {
  const m = /^is after the planned treatment date (\d{4}-\d{2}-\d{2})/.exec(message);
  if (!m) return message;
  const advice = field === 'lastDose' ? 'Check the date, or choose “I still take it” if you still take this medicine.' : 'Check this date and the planned treatment date.';
  return `this date is after the planned treatment date (${formatDate(m[1])}). ${advice}`;
}
