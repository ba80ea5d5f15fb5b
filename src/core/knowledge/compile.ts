import type { z } from 'zod';
import { parseYaml } from '../common/yaml.js';
import { specificIssues } from '../common/zod-issues.js';
import type { Condition } from './condition.js';
import { factsOf, triggersOf, type FactValue, type Facts } from './evaluate.js';
import { buildMedicationIndex, type MedicationIndex } from './medication-index.js';
import {
  FILE_KINDS,
  fileKind,
  type AftercareRule,
  type AnyRule,
  type Cite,
  type Effect,
  type LevelInfo,
  type Symptom,
  type TextTemplate,
  type Zone,
  type FileKind,
  type Grade,
  type RawKnowledge,
  type SchedulingRule,
  type ScreeningRule,
  type TriageRule,
} from './schema.js';

/** One problem in the knowledge base, reported as `file: path: message`. */
export interface KbIssue {
  file: string;
  path: string;
  message: string;
}

export interface KnowledgeFileText {
  /** Path relative to the knowledge/ folder, with forward slashes. */
  path: string;
  text: string;
}

/** A finding's citation: the source id, its evidence grade and what it supports. */
export interface SourceRef {
  readonly id: string;
  readonly grade: Grade;
  readonly note?: string;
}

/** Rules of one kind, indexed by the facts that can make them fire. */
export interface RuleIndex<R> {
  readonly rules: readonly R[];
  /** For each rule (same order), every fact it reads. */
  readonly reads: readonly (readonly string[])[];
  /** Rule id -> the facts it reads. */
  readonly readsById: ReadonlyMap<string, readonly string[]>;
  /** Fact -> rules woken by any value of it, and rules woken by particular values. */
  readonly byFact: ReadonlyMap<string, { readonly any: readonly number[]; readonly byValue: ReadonlyMap<unknown, readonly number[]> }>;
  /** Rules that can fire with all their facts absent: always evaluated. */
  readonly always: readonly number[];
}

export interface Knowledge extends Readonly<Omit<RawKnowledge, 'screening' | 'aftercare' | 'triage' | 'scheduling'>> {
  readonly version: string;
  readonly hash: string;
  readonly screeningPlan: RuleIndex<ScreeningRule>;
  readonly screeningZone: RuleIndex<ScreeningRule>;
  readonly aftercare: RuleIndex<AftercareRule>;
  readonly triage: RuleIndex<TriageRule>;
  readonly scheduling: RuleIndex<SchedulingRule>;
  readonly rulesById: ReadonlyMap<string, AnyRule>;
  readonly sourcesById: ReadonlyMap<string, RawKnowledge['sources'][number]>;
  /** Vocabulary entries by id, built once when the knowledge is compiled (the engines never search a list). */
  readonly zonesById: ReadonlyMap<string, Zone>;
  readonly symptomsById: ReadonlyMap<string, Symptom>;
  readonly effectsById: ReadonlyMap<string, Effect>;
  readonly productsById: ReadonlyMap<string, RawKnowledge['products'][number]>;
  readonly medicationsById: ReadonlyMap<string, RawKnowledge['medications'][number]>;
  readonly conditionsById: ReadonlyMap<string, RawKnowledge['conditions'][number]>;
  readonly devicesById: ReadonlyMap<string, RawKnowledge['devices'][number]>;
  readonly conflictsById: ReadonlyMap<string, RawKnowledge['conflicts'][number]>;
  readonly timeWindowsById: ReadonlyMap<string, RawKnowledge['timeWindows'][number]>;
  readonly levelsById: ReadonlyMap<string, LevelInfo>;
  readonly verdictsById: ReadonlyMap<string, RawKnowledge['verdicts'][number]>;
  readonly effectClassesById: ReadonlyMap<string, RawKnowledge['effectClasses'][number]>;
  readonly textsById: ReadonlyMap<string, TextTemplate>;
  /** The zone.* facts each zone takes from the vocabulary (ceilings, flags, region). */
  readonly zoneFactsById: ReadonlyMap<string, ReadonlyMap<string, FactValue>>;
  /** Every rule's citations with their grades, by the rule's `sources` list. */
  readonly sourceRefs: ReadonlyMap<readonly Cite[], readonly SourceRef[]>;
  /** medication-names.yaml and the medications' ids and labels, by normalised name. */
  readonly medicationIndex: MedicationIndex;
  /** `namespace:id` -> file the entry came from. */
  readonly origins: ReadonlyMap<string, string>;
}

const LIST_KINDS = [
  'sources', 'conflicts', 'devices', 'zones', 'indications', 'conditions', 'medications', 'procedures',
  'products', 'symptoms', 'effects', 'timeWindows', 'levels', 'verdicts', 'effectClasses', 'texts', 'factLabels', 'checkIns', 'screening', 'aftercare', 'triage', 'scheduling',
  'baselines', 'scenarios',
] as const satisfies readonly Exclude<FileKind, 'manifest' | 'fitzpatrick'>[];

/** Renders a zod path, naming list entries by their id when they have one. */
export function renderPath(data: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = data;
  const out: string[] = [];
  for (const seg of path) {
    const next: unknown = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
    if (typeof seg === 'number') {
      const id = next !== null && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
      out.push(typeof id === 'string' && out.length === 0 ? id : `[${seg}]`);
    } else out.push(String(seg));
    node = next;
  }
  return out.join('.').replace(/\.\[/g, '[') || '(root)';
}

function emptyRaw(): RawKnowledge {
  return {
    manifest: {
      name: 'missing',
      version: '0.0.0',
      released: '1970-01-01',
      clinicalReview: [],
      policy: {
        unknownBlockingVerdict: 'defer',
        unknownTriageFloor: 'contact_practitioner',
        intendedUse: 'missing',
        emergencyNotice: 'missing',
        reviewNotice: 'missing',
      },
    },
    fitzpatrick: { question: 'missing', source: { source: 'missing' }, answers: [] },
    medicationNames: { sources: [], names: [] },
    sources: [], conflicts: [], devices: [], zones: [], indications: [], conditions: [], medications: [],
    procedures: [], products: [], symptoms: [], effects: [], timeWindows: [], levels: [], verdicts: [], effectClasses: [], texts: [], factLabels: [], checkIns: [], screening: [], aftercare: [],
    triage: [], scheduling: [], baselines: [], scenarios: [],
  };
}

/** Parses and schema-checks every file. Files that fail keep their valid siblings usable. */
export function parseKnowledge(files: readonly KnowledgeFileText[]): {
  raw: RawKnowledge;
  origins: Map<string, string>;
  issues: KbIssue[];
} {
  const raw = emptyRaw();
  const origins = new Map<string, string>();
  const issues: KbIssue[] = [];
  let sawManifest = false;
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const kind = fileKind(f.path);
    if (!kind) {
      issues.push({ file: f.path, path: '(file)', message: 'not a known knowledge file name' });
      continue;
    }
    const parsed = parseYaml(f.text);
    if (!parsed.ok) {
      issues.push({ file: f.path, path: '(file)', message: `YAML syntax: ${parsed.message}` });
      continue;
    }
    const data = parsed.value;
    const schema: z.ZodType = FILE_KINDS[kind].schema;
    const res = schema.safeParse(data ?? []);
    if (!res.success) {
      for (const i of specificIssues(res.error.issues)) issues.push({ file: f.path, path: renderPath(data, i.path), message: i.message });
      continue;
    }
    if (kind === 'manifest') {
      raw.manifest = res.data as RawKnowledge['manifest'];
      sawManifest = true;
      continue;
    }
    if (kind === 'fitzpatrick') {
      raw.fitzpatrick = res.data as RawKnowledge['fitzpatrick'];
      continue;
    }
    if (kind === 'medicationNames') {
      raw.medicationNames = res.data as RawKnowledge['medicationNames'];
      origins.set('medicationNames:medicationNames', f.path);
      for (const n of raw.medicationNames.names) origins.set(`medicationNames:${n.name}`, f.path);
      continue;
    }
    const list = res.data as { id?: string; kind?: string; fact?: string }[];
    for (const entry of list) {
      const ns = kind === 'baselines' ? `baseline` : kind;
      origins.set(`${ns}:${entry.id ?? entry.kind ?? entry.fact ?? ''}`, f.path);
    }
    (raw[kind] as unknown[]).push(...list);
  }
  if (!sawManifest) issues.push({ file: 'manifest.yaml', path: '(file)', message: 'missing: the knowledge base needs a manifest' });
  for (const k of LIST_KINDS) if (raw[k].length === 0 && k !== 'conflicts') issues.push({ file: k, path: '(file)', message: `no ${k} found` });
  return { raw, origins, issues };
}

function indexRules<R extends { id: string; when?: Condition }>(rules: readonly R[]): RuleIndex<R> {
  const byFact = new Map<string, { any: number[]; byValue: Map<unknown, number[]> }>();
  const always: number[] = [];
  const reads: string[][] = [];
  rules.forEach((r, i) => {
    reads.push(r.when ? [...factsOf(r.when)] : []);
    const t = r.when ? triggersOf(r.when) : undefined;
    if (!t) {
      always.push(i);
      return;
    }
    for (const { fact, value } of t) {
      let entry = byFact.get(fact);
      if (!entry) byFact.set(fact, (entry = { any: [], byValue: new Map() }));
      if (value === undefined) entry.any.push(i);
      else entry.byValue.set(value, [...(entry.byValue.get(value) ?? []), i]);
    }
  });
  return { rules, reads, readsById: new Map(rules.map((r, i) => [r.id, reads[i] ?? []])), byFact, always };
}

/** The rules of an index that can be anything but false for these facts, in file order. */
export function candidates<R>(index: RuleIndex<R>, facts: Facts | Iterable<readonly [string, unknown]>): R[] {
  const mark = new Uint8Array(index.rules.length);
  for (const i of index.always) mark[i] = 1;
  for (const [name, value] of facts) {
    if (value === null) continue;
    const entry = index.byFact.get(name);
    if (!entry) continue;
    for (const i of entry.any) mark[i] = 1;
    const byValue = entry.byValue.get(value);
    if (byValue) for (const i of byValue) mark[i] = 1;
  }
  const out: R[] = [];
  for (let i = 0; i < mark.length; i += 1) if (mark[i]) out.push(index.rules[i] as R);
  return out;
}

const byId = <T extends { readonly id: string }>(list: readonly T[]): ReadonlyMap<string, T> => new Map(list.map((x) => [x.id, x]));

function zoneFactsOf(z: Zone): ReadonlyMap<string, FactValue> {
  return new Map<string, FactValue>([
    ['zone.ceiling_mm', z.ceilingMm],
    ['zone.specialist_ceiling_mm', z.specialistCeilingMm ?? null],
    ['zone.rf_depth_mm', z.rfDepthMm],
    ['zone.rf_min_depth_mm', z.rfMinDepthMm],
    ['zone.bony', z.bony],
    ['zone.keloid_prone', z.keloidProne],
    ['zone.perioral', z.perioral],
    ['zone.periorbital', z.periorbital],
    ['zone.region', z.region],
  ]);
}

function sourceRefsOf(rules: readonly AnyRule[], sources: ReadonlyMap<string, RawKnowledge['sources'][number]>): Map<readonly Cite[], readonly SourceRef[]> {
  const out = new Map<readonly Cite[], readonly SourceRef[]>();
  for (const r of rules) {
    if (out.has(r.sources)) continue;
    out.set(r.sources, r.sources.flatMap((c) => {
      const s = sources.get(c.source);
      return s ? [Object.freeze({ id: s.id, grade: s.grade, ...(c.note ? { note: c.note } : {}) })] : [];
    }));
  }
  return out;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    if (o instanceof Map) for (const v of o.values()) deepFreeze(v);
    else for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** Builds the immutable, indexed bundle. Does not check references: see validateKnowledge. */
export function buildKnowledge(raw: RawKnowledge, hash: string, origins: ReadonlyMap<string, string> = new Map()): Knowledge {
  const allRules: AnyRule[] = [...raw.screening, ...raw.aftercare, ...raw.triage, ...raw.scheduling];
  const sourcesById = byId(raw.sources);
  return deepFreeze({
    ...raw,
    version: raw.manifest.version,
    hash,
    screeningPlan: indexRules(raw.screening.filter((r) => r.scope === 'plan')),
    screeningZone: indexRules(raw.screening.filter((r) => r.scope === 'zone')),
    aftercare: indexRules(raw.aftercare),
    triage: indexRules(raw.triage),
    scheduling: indexRules(raw.scheduling),
    rulesById: new Map(allRules.map((r) => [r.id, r])),
    sourcesById,
    zonesById: byId(raw.zones),
    symptomsById: byId(raw.symptoms),
    effectsById: byId(raw.effects),
    productsById: byId(raw.products),
    medicationsById: byId(raw.medications),
    conditionsById: byId(raw.conditions),
    devicesById: byId(raw.devices),
    conflictsById: byId(raw.conflicts),
    timeWindowsById: byId(raw.timeWindows),
    levelsById: byId(raw.levels),
    verdictsById: byId(raw.verdicts),
    effectClassesById: byId(raw.effectClasses),
    textsById: byId(raw.texts),
    zoneFactsById: new Map(raw.zones.map((z) => [z.id, zoneFactsOf(z)])),
    sourceRefs: sourceRefsOf(allRules, sourcesById),
    medicationIndex: buildMedicationIndex(raw.medications, raw.medicationNames.names),
    origins,
  });
}

/** Parses, indexes and validates a knowledge base. `ok` only when there is no issue at all. */
export function compileKnowledge(
  files: readonly KnowledgeFileText[],
  hash: string,
  validate: (kb: Knowledge) => KbIssue[],
): { ok: boolean; knowledge: Knowledge; issues: KbIssue[] } {
  const { raw, origins, issues } = parseKnowledge(files);
  const knowledge = buildKnowledge(raw, hash, origins);
  const all = [...issues, ...validate(knowledge)];
  return { ok: all.length === 0, knowledge, issues: all };
}
