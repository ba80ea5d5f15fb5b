// Named, typed fixtures shared by all tests (STYLE 17).
import { loadKnowledge } from '../../src/adapters/knowledge/fs-knowledge.js';
import type { Knowledge } from '../../src/core/knowledge/compile.js';

let cached: Knowledge | undefined;
/** The shipped knowledge base (loaded once per test process). */
export function shippedKnowledge(): Knowledge {
  cached ??= loadKnowledge().knowledge;
  return cached;
}

export const NOW = '2026-11-21T10:00:00.000Z';
export const PLANNED = '2026-12-01';

export const healthyAdult = {
  age: 35,
  sex: 'female',
  pregnant: 'no',
  breastfeeding: 'no',
  fitzpatrick: 2,
  conditions: [],
  medications: [],
  procedures: [],
  allergies: [],
  implants: [],
} as const;

export const clinicCheekPlan = {
  setting: 'clinic',
  operator: { role: 'physician', licensed: 'yes' },
  device: 'pen_motorised',
  needleMaterial: 'stainless_steel',
  needles: 'single_use_sterile',
  zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.5, passes: 4 }],
  products: [],
  numbingCream: { used: 'no' },
  adjunctPrp: false,
  indication: 'photoageing_fine_lines',
  plannedDate: PLANNED,
} as const;

export const healthyClinicScreening = { person: healthyAdult, plan: clinicCheekPlan };

export const homeRfPlan = { ...clinicCheekPlan, setting: 'home', operator: { role: 'self', licensed: 'no' }, device: 'rf_mn_insulated', sharedDevice: 'no' } as const;

export const homeRollerPlan = {
  ...clinicCheekPlan,
  setting: 'home',
  operator: { role: 'self', licensed: 'no' },
  device: 'roller',
  sharedDevice: 'no',
  zones: [{ zone: 'cheek_medial_buccal', depthMm: 0.25, passes: 4 }],
} as const;

export const patientOnIsotretinoin = {
  ...healthyAdult,
  medications: [{ id: 'isotretinoin', lastDose: '2026-10-01' }],
} as const;

export const personWithRecentToxin = {
  ...healthyAdult,
  procedures: [{ id: 'botulinum_toxin', date: '2026-11-25', inField: 'yes' }],
} as const;
