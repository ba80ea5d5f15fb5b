import type { Condition, Predicate, Scalar } from './condition.js';
import type { Knowledge, KbIssue } from './compile.js';
import { resolveFact, type FactType, type VocabName } from './facts.js';
import { runScenario } from './scenarios.js';
import { medicationNameIssues } from './validate-medication-names.js';
import { wordingIssues } from './validate-wording.js';
import { placeholdersIn } from '../common/text.js';
import { waitFacts } from './wait.js';
import { EffectClass, Level, Verdict, type AnyRule, type Cite, type Grade } from './schema.js';

/** Text templates the engines fill (knowledge/text/). */
const ENGINE_TEXTS: readonly string[] = [
  'scr_undated_wait_still_taking', 'scr_undated_wait', 'scr_undated_until_resolved', 'scr_earliest_date', 'scr_clearance_needed',
  'scr_clearance_recorded', 'scr_clearance_recorded_undated', 'scr_clearance_physician_operator', 'scr_answer_open_questions',
  'scr_in_zones', 'scr_product_list_empty', 'scr_needs_answer', 'scr_question_why_proceed', 'scr_question_why_proceed_with_precautions', 'scr_question_why_defer', 'scr_question_why_do_not_treat',
  // triage (src/core/triage/engine.ts, safety-net.ts; text/triage.yaml)
  'tri_q_person_temperature_c', 'tri_q_treatment_numbing_cream', 'tri_q_treatment_energy', 'tri_q_treatment_device',
  'tri_q_treatment_max_depth_mm', 'tri_q_checkin_hours_since_treatment', 'tri_q_symptom_trend', 'tri_q_symptom_severity',
  'tri_q_symptom_beyond', 'tri_q_symptom_onset', 'tri_q_symptom_where', 'tri_q_symptom_present', 'tri_q_symptom_other',
  'tri_q_fact', 'tri_unexplained_note', 'tri_unexplained_advice', 'tri_escalated_advice', 'tri_red_flags_unanswered',
  'tri_next_check_in', 'tri_next_check_in_after_advice', 'tri_expected_until', 'tri_products_none', 'tri_span_from_day', 'tri_span_after_hours',
  'tri_span_first_hours', 'tri_span_on_day', 'tri_span_days', 'tri_span_between_hours', 'tri_span_join',
  // the report's words (text/report.yaml): src/core/report/wording.ts and fact-words.ts
  'date_in_words', ...[0, 1, 2, 3, 4, 5, 6].map((d) => `weekday_${d}`), ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => `month_${m}`),
  'report_provisional_date', 'action_wait_days', 'action_not_before',
  ...['precaution', 'wait', 'refer', 'change_plan', 'skip_area', 'do_not_treat'].map((a) => `action_${a}`),
  ...['a', 'b', 'c', 'd', 'd_web', 'r', 'u'].flatMap((g) => [`grade_${g}_short`, `grade_${g}_words`]),
  'value_unknown', 'value_yes', 'value_no', 'value_mm', 'value_day', 'value_days', 'value_hour', 'value_hours', 'value_celsius', 'value_years',
  // the aftercare calendar (text/calendar.yaml): src/core/aftercare/ics.ts
  'ics_calendar_name', 'ics_checkin_title', 'ics_checkin_description', 'ics_checkin_alarm', 'ics_window_ends_title',
  'ics_window_ends_description', 'ics_window_ends_description_note', 'ics_next_session_title', 'ics_next_session_description', 'ics_next_session_alarm',
];
/** Placeholders the screening engine fills in rule texts. */
const RULE_PLACEHOLDERS: readonly string[] = ['products', 'unlisted', 'stopping'];

const VOCABS: readonly VocabName[] = [
  'devices', 'zones', 'indications', 'conditions', 'medications', 'procedures', 'products', 'symptoms', 'effects',
];

function walk(c: Condition, visit: (p: Predicate) => void): void {
  if ('fact' in c) visit(c);
  else if ('all' in c) c.all.forEach((x) => walk(x, visit));
  else if ('any' in c) c.any.forEach((x) => walk(x, visit));
  else walk(c.not, visit);
}

/** Grades that do not on their own justify blocking treatment or escalating care. */
const WEAK: readonly Grade[] = ['D', 'U'];

function isBlockingOrEscalating(r: AnyRule): boolean {
  if (r.kind === 'screening') return r.then.effect === 'timing' || r.then.effect === 'clearance' || r.then.effect === 'block';
  if (r.kind === 'triage') return r.then.level !== 'self_care' && r.then.level !== 'contact_practitioner';
  return false;
}

/**
 * Every problem in a compiled knowledge base: duplicates, dangling references, unsourced or
 * weakly-sourced blocking rules, orphans, unused vocabulary, failing or missing scenarios.
 */
export function validateKnowledge(kb: Knowledge): KbIssue[] {
  const issues: KbIssue[] = [];
  const fileOf = (ns: string, id: string) => kb.origins.get(`${ns}:${id}`) ?? ns;
  const add = (ns: string, id: string, path: string, message: string) =>
    issues.push({ file: fileOf(ns, id), path: path ? `${id}.${path}` : id, message });

  const ids = {
    sources: new Set(kb.sources.map((s) => s.id)),
    conflicts: new Set(kb.conflicts.map((c) => c.id)),
    windows: new Set(kb.timeWindows.map((w) => w.id)),
    devices: new Set(kb.devices.map((x) => x.id)),
    zones: new Set(kb.zones.map((x) => x.id)),
    indications: new Set(kb.indications.map((x) => x.id)),
    conditions: new Set(kb.conditions.map((x) => x.id)),
    medications: new Set(kb.medications.map((x) => x.id)),
    procedures: new Set(kb.procedures.map((x) => x.id)),
    products: new Set(kb.products.map((x) => x.id)),
    symptoms: new Set(kb.symptoms.map((x) => x.id)),
    effects: new Set(kb.effects.map((x) => x.id)),
  };
  const allRules: AnyRule[] = [
    ...kb.screeningPlan.rules, ...kb.screeningZone.rules, ...kb.aftercare.rules, ...kb.triage.rules, ...kb.scheduling.rules,
  ];

  // 1. duplicate ids
  const dupes = (ns: string, list: readonly { id: string }[]) => {
    const seen = new Set<string>();
    for (const e of list) {
      if (seen.has(e.id)) add(ns, e.id, 'id', `duplicate id '${e.id}' in ${ns}`);
      seen.add(e.id);
    }
  };
  dupes('sources', kb.sources);
  dupes('conflicts', kb.conflicts);
  dupes('timeWindows', kb.timeWindows);
  for (const v of VOCABS) dupes(v, kb[v]);
  dupes('rules', allRules);
  dupes('scenarios', kb.scenarios);
  const baseKinds = new Set<string>();
  for (const b of kb.baselines) {
    if (baseKinds.has(b.kind)) add('baseline', b.kind, '', `more than one ${b.kind} baseline`);
    baseKinds.add(b.kind);
  }

  // usage trackers
  const citedSources = new Set<string>();
  const used: Record<VocabName, Set<string>> = Object.fromEntries(VOCABS.map((v) => [v, new Set<string>()])) as Record<VocabName, Set<string>>;

  const checkCites = (ns: string, id: string, cites: readonly Cite[], path = 'sources') => {
    cites.forEach((c, i) => {
      citedSources.add(c.source);
      if (!ids.sources.has(c.source)) add(ns, id, `${path}[${i}]`, `source '${c.source}' does not resolve to an entry of sources.yaml`);
    });
  };
  const checkValue = (t: FactType, v: Scalar, where: (m: string) => void, fact: string) => {
    switch (t.type) {
      case 'number':
        if (typeof v !== 'number') where(`${fact} is a number; got ${JSON.stringify(v)}`);
        break;
      case 'boolean':
        if (typeof v !== 'boolean') where(`${fact} is true or false; got ${JSON.stringify(v)}`);
        break;
      case 'date':
        if (typeof v !== 'string') where(`${fact} is a date; got ${JSON.stringify(v)}`);
        break;
      case 'enum':
        if (typeof v !== 'string' || !t.values.includes(v)) where(`${fact} is one of ${t.values.join(', ')}; got ${JSON.stringify(v)}`);
        break;
      case 'vocab':
        if (typeof v !== 'string' || !ids[t.vocab].has(v)) where(`${fact} names a ${t.vocab} id; '${String(v)}' is not one`);
        else used[t.vocab].add(v);
        break;
    }
  };
  /** Checks a fact name and returns its type, recording vocabulary use. */
  const checkFact = (fact: string, where: (m: string) => void): FactType | undefined => {
    const r = resolveFact(fact);
    if (!r) {
      where(`unknown fact '${fact}' (see src/core/knowledge/facts.ts for the catalogue)`);
      return undefined;
    }
    if (r.ref) {
      if (!ids[r.ref.vocab].has(r.ref.id)) where(`'${r.ref.id}' in fact '${fact}' is not a ${r.ref.vocab} id`);
      else used[r.ref.vocab].add(r.ref.id);
    }
    return r.type;
  };
  const checkCondition = (ns: string, id: string, path: string, c: Condition) => {
    walk(c, (p) => {
      const where = (m: string) => add(ns, id, path, m);
      const t = checkFact(p.fact, where);
      if (!t) return;
      for (const v of [p.eq, p.ne, ...(p.in ?? [])]) if (v !== undefined) checkValue(t, v, where, p.fact);
      for (const o of [p.gt, p.gte, p.lt, p.lte]) {
        if (o === undefined) continue;
        if (t.type !== 'number') where(`${p.fact} is not numeric and cannot be compared with gt/gte/lt/lte`);
        if (typeof o !== 'number' && typeof o !== 'object') where(`${p.fact} compares with a number or a fact; got ${JSON.stringify(o)}`);
        else if (typeof o === 'object') {
          const ot = checkFact(o.fact, where);
          if (ot && ot.type !== 'number') where(`${o.fact} is not numeric and cannot be an operand`);
        }
      }
    });
  };

  // 2. vocabulary entries and their references
  kb.devices.forEach((d) => checkCites('devices', d.id, d.sources));
  kb.zones.forEach((z) => {
    checkCites('zones', z.id, z.sources);
    if (z.specialistCeilingMm !== undefined && z.specialistCeilingMm < z.ceilingMm) add('zones', z.id, 'specialistCeilingMm', 'is below ceilingMm');
  });
  kb.indications.forEach((x) => checkCites('indications', x.id, x.sources));
  kb.effects.forEach((e) => {
    checkCites('effects', e.id, e.sources);
    if (e.appliesWhen) checkCondition('effects', e.id, 'appliesWhen', e.appliesWhen);
    e.normalUntilAdjust?.forEach((a, i) => checkCondition('effects', e.id, `normalUntilAdjust[${i}].when`, a.when));
    e.symptoms.forEach((s, i) => {
      if (!ids.symptoms.has(s)) add('effects', e.id, `symptoms[${i}]`, `'${s}' is not a symptom id`);
    });
  });
  checkCites('fitzpatrick', 'fitzpatrick', [kb.fitzpatrick.source], 'source');
  checkCites('medicationNames', 'medicationNames', kb.medicationNames.sources);
  issues.push(...medicationNameIssues(kb));
  issues.push(...wordingIssues(kb));
  const types = kb.fitzpatrick.answers.map((a) => a.type).sort();
  if (types.join() !== '1,2,3,4,5,6') add('fitzpatrick', 'fitzpatrick', 'answers', 'each Fitzpatrick type 1-6 needs exactly one answer');
  const orderOk = (ns: string, got: readonly string[], want: readonly string[]) => {
    if (got.join() !== want.join()) add(ns, ns, '', `needs exactly these ids in this order: ${want.join(', ')}; got ${got.join(', ') || 'none'}`);
  };
  orderOk('levels', kb.levels.map((l) => l.id), Level.options);
  orderOk('verdicts', kb.verdicts.map((v) => v.id), Verdict.options);
  orderOk('effectClasses', kb.effectClasses.map((e) => e.id), EffectClass.options);
  // REFERENCE §0.2: info never changes the verdict, precaution and add-on fixes allow treatment, timing and clearance defer.
  const expectVerdict: Record<EffectClass, Verdict> = {
    info: 'proceed', precaution: 'proceed_with_precautions', add_on_fix: 'proceed_with_precautions', timing: 'defer', clearance: 'defer', block: 'do_not_treat',
  };
  for (const e of kb.effectClasses) {
    if (e.verdict !== expectVerdict[e.id]) add('effectClasses', e.id, 'verdict', `REFERENCE §0.2 gives '${e.id}' the verdict ${expectVerdict[e.id]}, not ${e.verdict}`);
  }
  dupes('texts', kb.texts);
  for (const t of kb.texts) {
    for (const p of placeholdersIn(t.text)) if (!t.placeholders.includes(p)) add('texts', t.id, 'text', `uses {${p}}, which is not among its placeholders (${t.placeholders.join(', ') || 'none'})`);
  }
  for (const id of ENGINE_TEXTS) if (!kb.texts.some((t) => t.id === id)) add('texts', id, '', `the engines need the text '${id}'`);
  (kb.manifest.policy.depthWindowSigns ?? []).forEach((id, i) => {
    if (!ids.symptoms.has(id)) add('manifest', 'manifest', `policy.depthWindowSigns[${i}]`, `'${id}' is not a symptom id`);
  });
  (kb.manifest.policy.unnamedMedicineMayBe ?? []).forEach((id, i) => {
    if (!ids.medications.has(id)) add('manifest', 'manifest', `policy.unnamedMedicineMayBe[${i}]`, `'${id}' is not a medication id`);
  });
  const clearanceSubjects = new Set([...ids.conditions, ...ids.medications, ...ids.procedures]);
  for (const r of [...kb.screeningPlan.rules, ...kb.screeningZone.rules]) {
    const c = r.then.clearance;
    if (r.then.effect === 'clearance' && !c) add('rules', r.id, 'then.clearance', 'a clearance rule must say what the clearance covers, who may give it, who must clear and why');
    if (r.then.effect !== 'clearance' && c) add('rules', r.id, 'then.clearance', `only clearance rules carry a clearance (this rule is ${r.then.effect})`);
    c?.covers.forEach((id, i) => {
      if (!clearanceSubjects.has(id)) add('rules', r.id, `then.clearance.covers[${i}]`, `'${id}' is not a condition, medication or procedure id`);
    });
    if (r.then.effect === 'timing' && r.then.waitFrom && r.then.waitDays === undefined) add('rules', r.id, 'then.waitDays', 'a wait that counts from a date needs waitDays');
    for (const [key, text] of [['patient', r.then.patient], ['clinician', r.then.clinician]] as const) {
      for (const p of placeholdersIn(text)) if (!RULE_PLACEHOLDERS.includes(p)) add('rules', r.id, `then.${key}`, `uses {${p}}; screening texts may use only ${RULE_PLACEHOLDERS.map((x) => `{${x}}`).join(', ')}`);
    }
  }
  dupes('checkIns', kb.checkIns);
  kb.checkIns.forEach((c) => {
    checkCites('checkIns', c.id, c.sources);
    if (c.when) checkCondition('checkIns', c.id, 'when', c.when);
  });
  kb.timeWindows.forEach((w) => {
    if (w.toHours !== null && w.toHours <= w.fromHours) add('timeWindows', w.id, 'toHours', 'must be after fromHours');
  });
  kb.conflicts.forEach((c) => {
    c.positions.forEach((p, i) =>
      p.sources.forEach((s, j) => {
        citedSources.add(s);
        if (!ids.sources.has(s)) add('conflicts', c.id, `positions[${i}].sources[${j}]`, `source '${s}' does not resolve`);
      }),
    );
    c.products?.forEach((id, i) => {
      if (!ids.products.has(id)) add('conflicts', c.id, `products[${i}]`, `product '${id}' does not resolve`);
      else used.products.add(id);
    });
    c.rules.forEach((r, i) => {
      if (!kb.rulesById.has(r)) add('conflicts', c.id, `rules[${i}]`, `rule '${r}' does not resolve`);
    });
  });

  // 3. rules
  for (const r of allRules) {
    const ns = r.kind;
    checkCites(ns, r.id, r.sources);
    if (r.sources.length === 0) add(ns, r.id, 'sources', 'a rule needs at least one source');
    const grades = r.sources.map((c) => kb.sourcesById.get(c.source)?.grade).filter((g): g is Grade => g !== undefined);
    if (isBlockingOrEscalating(r) && grades.length > 0 && grades.every((g) => WEAK.includes(g)) && !r.expertConsensus) {
      add(ns, r.id, 'sources',
        'blocks treatment or escalates care but rests only on grade D/U sources: cite a stronger source or mark expertConsensus with a reason');
    }
    (r.conflicts ?? []).forEach((c, i) => {
      if (!ids.conflicts.has(c)) add(ns, r.id, `conflicts[${i}]`, `conflict '${c}' does not resolve`);
    });
    if (r.kind === 'aftercare') {
      if (r.when) checkCondition(ns, r.id, 'when', r.when);
      (r.adjust ?? []).forEach((a, i) => checkCondition(ns, r.id, `adjust[${i}].when`, a.when));
      for (const key of ['avoidProducts', 'useProducts'] as const) {
        (r[key] ?? []).forEach((pid, i) => {
          if (!ids.products.has(pid)) add(ns, r.id, `${key}[${i}]`, `'${pid}' is not a products id`);
          else used.products.add(pid);
        });
      }
      if (r.untilHours !== null && r.untilHours < r.fromHours) add(ns, r.id, 'untilHours', 'ends before it starts');
      if (r.minimumHours !== undefined && r.untilHours !== null && r.minimumHours > r.untilHours) add(ns, r.id, 'minimumHours', 'is longer than untilHours');
    } else checkCondition(ns, r.id, 'when', r.when);
    if (r.kind === 'triage') {
      if (r.window && !ids.windows.has(r.window)) add(ns, r.id, 'window', `time window '${r.window}' does not resolve`);
      r.then.explains.forEach((e, i) => {
        if (!ids.effects.has(e)) add(ns, r.id, `then.explains[${i}]`, `'${e}' is not an effect id`);
        else used.effects.add(e);
      });
      if (!r.then.treatmentRelated && r.then.explains.length > 0) add(ns, r.id, 'then.explains', 'a finding not related to the treatment must not be explained by treatment effects');
    }
    if (r.kind === 'screening' && r.then.waitFrom !== undefined) {
      for (const from of waitFacts(r.then.waitFrom)) {
        const t = checkFact(from, (m) => add(ns, r.id, 'then.waitFrom', m));
        if (t && t.type !== 'number') add(ns, r.id, 'then.waitFrom', 'must name a days-since fact');
      }
      if (r.then.waitDays === undefined) add(ns, r.id, 'then.waitDays', 'waitFrom needs waitDays');
    }
  }

  // 4. scenarios and baselines
  const checkFacts = (ns: string, id: string, facts: Readonly<Record<string, unknown>>) => {
    for (const [fact, v] of Object.entries(facts)) {
      const where = (m: string) => add(ns, id, `facts.${fact}`, m);
      const t = checkFact(fact, where);
      if (t && v !== null && v !== 'unknown') checkValue(t, v as Scalar, where, fact);
    }
  };
  const checkZones = (ns: string, id: string, zones: readonly { zone: string }[] | undefined) =>
    (zones ?? []).forEach((z, i) => {
      if (!ids.zones.has(z.zone)) add(ns, id, `zones[${i}]`, `'${z.zone}' is not a zone id`);
      else used.zones.add(z.zone);
    });
  kb.baselines.forEach((b) => {
    checkFacts('baseline', b.kind, b.facts);
    checkZones('baseline', b.kind, b.zones);
  });
  const firedSomewhere = new Set<string>();
  const nearMissed = new Set<string>();
  const kindOfRule = (id: string) => kb.rulesById.get(id)?.kind;
  for (const s of kb.scenarios) {
    checkFacts('scenarios', s.id, s.facts);
    checkZones('scenarios', s.id, s.zones);
    if (!baseKinds.has(s.kind)) add('scenarios', s.id, 'kind', `no ${s.kind} baseline in scenarios/baselines.yaml`);
    let refsOk = true;
    for (const [key, list] of [['fires', s.expect.fires], ['notFires', s.expect.notFires], ['asks', s.expect.asks]] as const) {
      list.forEach((rid, i) => {
        const k = kindOfRule(rid);
        if (k === undefined) {
          refsOk = false;
          add('scenarios', s.id, `expect.${key}[${i}]`, `rule '${rid}' does not resolve`);
        } else if (k !== s.kind) add('scenarios', s.id, `expect.${key}[${i}]`, `rule '${rid}' is a ${k} rule, not ${s.kind}`);
      });
    }
    if (!refsOk) continue;
    const outcome = runScenario(kb, s);
    outcome.fired.forEach((f) => firedSomewhere.add(f));
    outcome.asked.forEach((f) => firedSomewhere.add(f));
    for (const f of outcome.failures) add('scenarios', s.id, 'expect', f);
    if (outcome.failures.length === 0) s.expect.notFires.forEach((n) => nearMissed.add(n));
  }
  for (const r of allRules) {
    if (!firedSomewhere.has(r.id)) add(r.kind, r.id, '', 'no scenario exercises this rule (none makes it fire)');
    const conditional = r.kind !== 'aftercare' || r.when !== undefined;
    if (conditional && !nearMissed.has(r.id)) add(r.kind, r.id, '', 'no passing near-miss scenario lists this rule in expect.notFires');
  }

  // 5. orphans and unused vocabulary
  for (const s of kb.sources) if (!citedSources.has(s.id)) add('sources', s.id, '', 'orphan source: nothing cites it');
  for (const v of VOCABS) {
    for (const e of kb[v]) if (!used[v].has(e.id)) add(v, e.id, '', `no rule or scenario uses this ${v} entry`);
  }
  return issues;
}
