import type { Knowledge, SourceRef } from '../knowledge/compile.js';
import type { FactValue } from '../knowledge/evaluate.js';
import type { Cite, Grade } from '../knowledge/schema.js';
import { ENGINE_VERSION } from '../version.js';

export type { SourceRef } from '../knowledge/compile.js';

/** A cited source, given once per result. */
export interface SourceEntry {
  readonly citation: string;
  readonly type: string;
  readonly grade: Grade;
  readonly verification: string;
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

/** The citations of a rule with their grades (a rule's list is resolved when the knowledge is compiled). */
export function sourcesOf(kb: Knowledge, cites: readonly Cite[]): readonly SourceRef[] {
  return (
    kb.sourceRefs.get(cites) ??
    cites.flatMap((c) => {
      const s = kb.sourcesById.get(c.source);
      return s ? [Object.freeze({ id: s.id, grade: s.grade, ...(c.note ? { note: c.note } : {}) })] : [];
    })
  );
}

/** Every source cited by these findings, once each. */
export function sourceDictionary(kb: Knowledge, refs: Iterable<readonly SourceRef[]>): Record<string, SourceEntry> {
  const out: Record<string, SourceEntry> = {};
  for (const list of refs) {
    for (const r of list) {
      if (out[r.id]) continue;
      const s = kb.sourcesById.get(r.id);
      if (s) out[r.id] = { citation: s.citation, type: s.type, grade: s.grade, verification: s.verification };
    }
  }
  return out;
}

/** The conflicts these rules resolve, once each. */
export function conflictDictionary(kb: Knowledge, ids: Iterable<readonly string[]>): Record<string, ConflictRef> {
  const out: Record<string, ConflictRef> = {};
  for (const list of ids) {
    for (const id of list) {
      const c = kb.conflictsById.get(id);
      if (c && !out[id]) out[id] = { id: c.id, topic: c.topic, positions: c.positions, resolution: c.resolution };
    }
  }
  return out;
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

/** What every finding says about the rule behind it: id, version, the answers it used, sources, limits. */
export interface RuleBasis {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly title: string;
  /** `applies`: the rule's condition holds. `needs_answer`: it might, but an answer it needs is unknown. */
  readonly status: 'applies' | 'needs_answer';
  readonly inputs: Readonly<Record<string, FactValue>>;
  readonly sources: readonly SourceRef[];
  readonly expertConsensus?: string;
  /** Ids of source disagreements this rule resolves; see the result's `conflicts`. */
  readonly conflicts: readonly string[];
  readonly limits: string;
}

type BasisRule = { id: string; version: string; title: string; sources: readonly Cite[]; conflicts?: readonly string[]; limits: string; expertConsensus?: { reason: string } };

export function ruleBasis(kb: Knowledge, hit: { rule: BasisRule; result: 'fired' | 'asks'; inputs: Readonly<Record<string, FactValue>> }): RuleBasis {
  const r = hit.rule;
  // Always the same keys in the same order (an absent consensus is undefined, which JSON leaves out).
  return {
    ruleId: r.id,
    ruleVersion: r.version,
    title: r.title,
    status: hit.result === 'fired' ? 'applies' : 'needs_answer',
    inputs: hit.inputs,
    sources: sourcesOf(kb, r.sources),
    expertConsensus: r.expertConsensus?.reason,
    conflicts: r.conflicts ?? [],
    limits: r.limits,
  };
}
