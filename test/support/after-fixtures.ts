// Named fixtures for aftercare and check-ins.
import { shippedKnowledge } from './fixtures.js';

export const TREATED_AT = '2026-11-21T14:00:00.000Z';

export const clinicPenTreatment = {
  treatedAt: TREATED_AT,
  setting: 'clinic',
  device: 'pen_motorised',
  zones: [{ zone: 'cheek_medial_buccal', depthMm: 1.0 }],
} as const;

export const rfTreatment = { ...clinicPenTreatment, device: 'rf_mn_insulated', zones: [{ zone: 'cheek_medial_buccal', depthMm: 2.0 }] } as const;

export const atHours = (h: number) => new Date(Date.parse(TREATED_AT) + h * 3_600_000).toISOString();

/** Every red-flag question answered "no". */
export function allRedFlagsNo(): Record<string, 'no'> {
  return Object.fromEntries(shippedKnowledge().symptoms.filter((s) => s.redFlag).map((s) => [s.id, 'no' as const]));
}
