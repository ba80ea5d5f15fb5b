import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { healthyAdult, healthyClinicScreening, homeRfPlan } from '../../../test/support/fixtures.js';
import { cli, tempFiles } from '../../../test/support/cli.js';

const { dir, file } = tempFiles('primum-screen-');

describe('primum screen', () => {
  it('prints a readable report with the verdict, the emergency notice and the review status', async () => {
    const r = await cli(['screen', file('ok.json', JSON.stringify(healthyClinicScreening))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Verdict: PROCEED/);
    assert.match(r.out, /call your emergency number/);
    assert.match(r.out, /not yet been reviewed by a clinician/);
  });

  it('--json prints the machine result; exit 0 on any verdict', async () => {
    const r = await cli(['screen', '--json', file('rf.json', JSON.stringify({ person: healthyAdult, plan: homeRfPlan }))]);
    assert.equal(r.code, 0);
    const body = JSON.parse(r.out) as { verdict: string; findings: { ruleId: string }[] };
    assert.equal(body.verdict, 'do_not_treat');
    assert.ok(body.findings.some((f) => f.ruleId === 'scr_rf_at_home'));
  });

  it('exits 2 with every problem for invalid input', async () => {
    const r = await cli(['screen', file('bad.json', JSON.stringify({ person: { ...healthyAdult, age: 400 }, plan: { ...homeRfPlan, device: 'dermapen' } }))]);
    assert.equal(r.code, 2);
    assert.match(r.err, /person\.age: /);
    assert.match(r.err, /plan\.device: unknown device 'dermapen'; closest known: /);
  });

  it('exits 2 for a missing file or malformed JSON, without a stack trace', async () => {
    const missing = await cli(['screen', join(dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*ENOENT/);
    const broken = await cli(['screen', file('broken.json', '{"person": ')]);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /is not valid JSON/);
    assert.doesNotMatch(broken.err + missing.err, /\s+at\s.+:\d+:\d+/);
  });

  it('--json prints the problems as JSON on stdout for a missing or non-JSON file, still exit 2', async () => {
    for (const [path, error, message] of [
      [join(dir, 'missing.json'), 'cannot_read_file', /cannot read .*ENOENT/],
      [file('text.json', 'hello, this is not JSON'), 'invalid_request', /is not valid JSON/],
    ] as const) {
      const r = await cli(['screen', '--json', path]);
      assert.equal(r.code, 2);
      const body = JSON.parse(r.out) as { error: string; issues: { path: string; message: string }[] };
      assert.equal(body.error, error);
      assert.equal(body.issues[0]?.path, '(file)');
      assert.match(body.issues[0]?.message ?? '', message);
      assert.match(r.err, message);
    }
  });

  it('reads standard input with - through the installed bin', () => {
    const bin = fileURLToPath(new URL('../../../bin/primum.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'screen', '-'], { input: JSON.stringify(healthyClinicScreening), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Verdict: PROCEED/);
  });
});

describe('primum schema', () => {
  it('prints the screening input JSON Schema with vocabulary enums', async () => {
    const r = await cli(['schema', 'screening']);
    assert.equal(r.code, 0);
    const s = JSON.parse(r.out) as { properties: { person: { properties: Record<string, unknown> }; plan: { properties: { device: { enum: string[] } } } } };
    assert.ok(s.properties.person.properties.fitzpatrickSelfReport);
    assert.ok(s.properties.plan.properties.device.enum.includes('pen_motorised'));
  });

  it('exits 2 for an unknown schema name', async () => {
    const r = await cli(['schema', 'nope']);
    assert.equal(r.code, 2);
    assert.match(r.err, /known: screening, aftercare, triage/);
  });
});
