import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileEdited } from '../../../test/support/kb-fixture.js';

const messages = (edits: Parameters<typeof compileEdited>[0]) =>
  compileEdited(edits).issues.map((i) => `${i.file}: ${i.path}: ${i.message}`);

function expectIssue(edits: Parameters<typeof compileEdited>[0], pattern: RegExp): void {
  const found = messages(edits);
  assert.ok(found.some((m) => pattern.test(m)), `expected an issue matching ${pattern}, got:\n${found.join('\n') || '(none)'}`);
}

const append = (extra: string) => (t: string) => `${t.trimEnd()}\n${extra}\n`;

describe('knowledge validator', () => {
  it('accepts the minimal valid fixture', () => {
    const r = compileEdited({});
    assert.deepEqual(r.issues, []);
    assert.equal(r.ok, true);
  });

  // One deliberately broken fixture per validation error.
  const broken: [string, Parameters<typeof compileEdited>[0], RegExp][] = [
    ['YAML syntax error', { 'sources.yaml': (t) => `${t}\n- { id: [unclosed` }, /^sources\.yaml: \(file\): YAML syntax/],
    ['schema violation names the field', { 'sources.yaml': (t) => t.replace('grade: B', 'grade: Z') }, /^sources\.yaml: src_b\.grade: /],
    ['unknown file name', { 'rules/misc.yaml': () => '[]' }, /^rules\/misc\.yaml: \(file\): not a known knowledge file/],
    ['duplicate id', { 'sources.yaml': (t) => t + t.split('\n')[0] }, /duplicate id 'src_b'/],
    ['source that does not resolve', { 'rules/scheduling.yaml': (t) => t.replace('source: src_b', 'source: nowhere2020') }, /rules\/scheduling\.yaml: sch_deep\.sources\[0\]: source 'nowhere2020' does not resolve/],
    ['vocabulary reference that does not resolve', { 'rules/screening.yaml': (t) => t.replace('condition.hsv_labialis', 'condition.hsv_labial') }, /'hsv_labial' in fact 'condition\.hsv_labial' is not a conditions id/],
    ['unknown fact', { 'rules/scheduling.yaml': (t) => t.replace('treatment.max_depth_mm', 'treatment.depth') }, /unknown fact 'treatment\.depth'/],
    ['value of the wrong type', { 'rules/scheduling.yaml': (t) => t.replace('gte: 1.0', 'gte: "deep"') }, /treatment\.max_depth_mm/],
    ['enum value not accepted', { 'rules/screening.yaml': (t) => t.replace('eq: history', 'eq: past') }, /condition\.hsv_labialis is one of active, history, controlled; got "past"/],
    ['rule with no source', { 'rules/scheduling.yaml': (t) => t.replace('sources: [{ source: src_b }]', 'sources: []') }, /sch_deep\.sources: a rule needs at least one source/],
    ['blocking rule resting only on grade D', { 'rules/screening.yaml': (t) => t.replace('sources: [{ source: src_b }]', 'sources: [{ source: src_d }]') }, /scr_toxin\.sources: blocks treatment or escalates care but rests only on grade D\/U/],
    ['escalating rule resting only on grade D', { 'rules/triage.yaml': (t) => t.replace('sources: [{ source: src_b }]', 'sources: [{ source: src_d }]') }, /tri_fever\.sources: blocks treatment or escalates/],
    ['orphan source', { 'sources.yaml': append('- { id: src_orphan, citation: Nobody cites me, type: WEB, grade: D, verification: verified }') }, /src_orphan: orphan source/],
    ['unused vocabulary entry', { 'vocabulary/symptoms.yaml': append('- { id: itch, label: Itch, description: Itchy., redFlag: false, question: Itchy?, systemic: false }') }, /vocabulary\/symptoms\.yaml: itch: no rule or scenario uses this symptoms entry/],
    ['scenario whose expectation fails', { 'scenarios/screening.yaml': (t) => t.replace('{ verdict: defer, fires: [scr_toxin] }', '{ verdict: proceed, fires: [scr_toxin] }') }, /s_toxin_13\.expect: verdict is defer, expected proceed/],
    ['rule no scenario exercises', { 'rules/scheduling.yaml': append(`- { id: sch_never, version: 1.0.0, kind: scheduling, title: Never, rationale: x., sources: [{ source: src_b }], limits: x., when: { fact: treatment.max_depth_mm, gte: 9 }, then: { minIntervalDays: 90, defaultIntervalDays: 90, advice: x. } }`) }, /sch_never: no scenario exercises this rule/],
    ['rule without a near-miss', { 'scenarios/scheduling.yaml': (t) => t.replace('notFires: [sch_deep], ', '') }, /sch_deep: no passing near-miss scenario/],
    ['conflict naming a missing rule', { 'conflicts.yaml': (t) => t.replace('rules: [scr_toxin]', 'rules: [scr_gone]') }, /cf_fixture\.rules\[0\]: rule 'scr_gone' does not resolve/],
    ['rule naming a missing conflict', { 'rules/screening.yaml': (t) => t.replace('conflicts: [cf_fixture]', 'conflicts: [cf_gone]') }, /scr_toxin\.conflicts\[0\]: conflict 'cf_gone' does not resolve/],
    ['triage window that does not resolve', { 'rules/triage.yaml': (t) => t.replace('window: d1_3', 'window: d9_12') }, /tri_redness_d1_3\.window: time window 'd9_12' does not resolve/],
    ['triage explaining a missing effect', { 'rules/triage.yaml': (t) => t.replace('explains: [erythema_expected]', 'explains: [erythema_gone]') }, /'erythema_gone' is not an effect id/],
    ['scenario naming a missing rule', { 'scenarios/triage.yaml': (t) => t.replace('fires: [tri_fever]', 'fires: [tri_gone]') }, /t_fever\.expect\.fires\[0\]: rule 'tri_gone' does not resolve/],
    ['scenario with an unknown zone', { 'scenarios/screening.yaml': (t) => t.replace("facts: { condition.hsv_labialis: active }", "zones: [{ zone: knee, depthMm: 1 }], facts: { condition.hsv_labialis: active }") }, /s_hsv_active\.zones\[0\]: 'knee' is not a zone id/],
    ['web source without a readable name', { 'sources.yaml': (t) => t.replace('name: Clinic blog, ', '') }, /^sources\.yaml: src_d\.name: a web source needs a readable name/],
    ['citation showing the internal article numbering', { 'sources.yaml': (t) => t.replace('A clinic blog (fixture)', 'A clinic blog (source article 003)') }, /src_d\.citation: shows the internal article numbering/],
    ['fact without a label', { 'text/fact-labels.yaml': (t) => t.replace(/^- \{ fact: zone\.bony,.*$/m, '') }, /^text\/fact-labels\.yaml: zone\.bony: fact 'zone\.bony' has no label/],
    ['text the engines need, missing', { 'text/report.yaml': (t) => t.replace(/^- \{ id: grade_d_web_short,.*$/m, '') }, /grade_d_web_short: the engines need the text 'grade_d_web_short'/],
    ['missing manifest', { 'manifest.yaml': () => '' }, /manifest\.yaml: /],
  ];
  for (const [name, edits, pattern] of broken) {
    it(`reports: ${name}`, () => {
      expectIssue(edits, pattern);
      assert.equal(compileEdited(edits).ok, false);
    });
  }
});
