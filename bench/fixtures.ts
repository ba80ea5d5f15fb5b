// A typical screening request: several conditions and four zones.
export const typicalScreening = {
  person: {
    age: 41, sex: 'female', pregnant: 'no', breastfeeding: 'no', fitzpatrick: 4,
    conditions: [
      { id: 'hsv_labialis', status: 'history' },
      { id: 'pih_melasma', status: 'history' },
      { id: 'rosacea', status: 'controlled' },
      { id: 'diabetes', status: 'controlled' },
    ],
    medications: [{ id: 'topical_retinoid', lastDose: '2026-11-20' }, { id: 'antiplatelet', lastDose: 'still_taking' }],
    procedures: [{ id: 'botulinum_toxin', date: '2026-10-01', inField: 'yes' }],
    allergies: ['nickel_metal_allergy'],
    implants: [],
  },
  plan: {
    setting: 'clinic', operator: { role: 'nurse', licensed: 'yes' }, device: 'pen_motorised',
    needleMaterial: 'stainless_steel', needles: 'single_use_sterile',
    zones: [
      { zone: 'forehead', depthMm: 0.5, passes: 4 },
      { zone: 'cheek_medial_buccal', depthMm: 1.5, passes: 6 },
      { zone: 'perioral_upper_lip', depthMm: 0.5, passes: 4 },
      { zone: 'chin', depthMm: 1.0, passes: 4 },
    ],
    products: [{ id: 'hyaluronic_acid_sterile', sterile: 'yes' }],
    numbingCream: { used: 'yes', occludedOrLargeArea: 'no' },
    adjunctPrp: false, indication: 'atrophic_acne_scars', plannedDate: '2026-12-01',
  },
};

const treatment = { treatedAt: '2026-11-21T14:00:00Z', setting: 'clinic', device: 'pen_motorised', zones: [{ zone: 'cheek_medial_buccal', depthMm: 1.0 }, { zone: 'forehead', depthMm: 0.5 }] };

/** A typical check-in: day 3, two symptoms, every red flag answered. */
export function typicalCheckIn(redFlagIds: readonly string[]) {
  return {
    treatment,
    person: { fitzpatrick: 3 },
    checkIn: { at: '2026-11-24T09:00:00Z' },
    redFlags: Object.fromEntries(redFlagIds.map((id) => [id, 'no'])),
    temperatureC: 36.9,
    symptoms: [
      { id: 'redness', severity: 'mild', trend: 'improving', beyondTreatedArea: false, startedAt: '2026-11-21T14:00:00Z' },
      { id: 'dryness_flaking', severity: 'mild', trend: 'same', beyondTreatedArea: false, startedAt: '2026-11-23T14:00:00Z' },
    ],
  };
}

export const typicalAftercare = { treatment, person: { fitzpatrick: 4, conditions: [{ id: 'pih_melasma', status: 'history' }] } };
