import type { Knowledge } from '../knowledge/compile.js';
import type { Cite, Grade } from '../knowledge/schema.js';
import { ENGINE_VERSION } from '../version.js';

export interface SourceRef {
  readonly id: string;
  readonly citation: string;
  readonly grade: Grade;
  readonly verification: string;
  readonly note?: string;
}

export interface ConflictRef {
  readonly id: string;
  readonly topic: string;
  readonly positions: readonly { summary: string; sources: readonly string[] }[];
  readonly resolution: string;
}

/** What every result carries so it can be reproduced and audited later. */
export interface Stamp {
  readonly engineVersion: string;
  readonly knowledgeVersion: string;
  readonly knowledgeHash: string;
  readonly clinicalReview: 'not yet reviewed by a clinician' | 'reviewed';
  readonly evaluatedAt: string;
}

export interface Notices {
  readonly intendedUse: string;
  readonly emergency: string;
  readonly review: string | null;
}

export function sourcesOf(kb: Knowledge, cites: readonly Cite[]): SourceRef[] {
  return cites.flatMap((c) => {
    const s = kb.sourcesById.get(c.source);
    if (!s) return [];
    return [{ id: s.id, citation: s.citation, grade: s.grade, verification: s.verification, ...(c.note ? { note: c.note } : {}) }];
  });
}

export function conflictsOf(kb: Knowledge, ids: readonly string[] | undefined): ConflictRef[] {
  return (ids ?? []).flatMap((id) => {
    const c = kb.conflicts.find((x) => x.id === id);
    return c ? [{ id: c.id, topic: c.topic, positions: c.positions, resolution: c.resolution }] : [];
  });
}

export function stampOf(kb: Knowledge, now: string): Stamp {
  return {
    engineVersion: ENGINE_VERSION,
    knowledgeVersion: kb.version,
    knowledgeHash: kb.hash,
    clinicalReview: kb.manifest.clinicalReview.length === 0 ? 'not yet reviewed by a clinician' : 'reviewed',
    evaluatedAt: now,
  };
}

export function noticesOf(kb: Knowledge): Notices {
  const p = kb.manifest.policy;
  return { intendedUse: p.intendedUse, emergency: p.emergencyNotice, review: kb.manifest.clinicalReview.length === 0 ? p.reviewNotice : null };
}
