import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRedFlagsNo, atHours, clinicPenTreatment } from '../../../test/support/after-fixtures.js';
import { cli, tempFiles } from '../../../test/support/cli.js';
import { readCalendar } from '../../../test/support/ics.js';
import { when } from './after-treatment.command.js';

const { dir, file } = tempFiles('primum-after-');

describe('primum aftercare', () => {
  it('prints a readable plan and writes a valid .ics', async () => {
    const ics = join(dir, 'plan.ics');
    const r = await cli(['aftercare', file('t.json', { treatment: clinicPenTreatment }), '--ics', ics]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /call your emergency number/);
    assert.match(r.out, /Day 3 \(2026-11-24\) — Day 3 check-in/);
    assert.match(r.out, /Not before 2026-12-19/);
    const cal = readCalendar(readFileSync(ics, 'utf8'));
    assert.ok(cal.getAllSubcomponents('vevent').length > 5);
  });

  it('--json prints the plan; invalid input exits 2', async () => {
    const ok = await cli(['aftercare', '--json', file('t2.json', { treatment: clinicPenTreatment })]);
    assert.ok((JSON.parse(ok.out) as { instructions: unknown[] }).instructions.length > 10);
    const bad = await cli(['aftercare', file('bad.json', { treatment: { ...clinicPenTreatment, device: 'dermaroller' } })]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /treatment\.device: unknown device 'dermaroller'; closest known: /);
  });
});

describe('treatment times in the readable plan', () => {
  it('show the instant in UTC and the time as given, not the local time labelled UTC', async () => {
    const r = await cli(['aftercare', file('tokyo.json', { treatment: { ...clinicPenTreatment, treatedAt: '2026-11-22T08:00:00+09:00' } })]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Aftercare plan for the treatment of 2026-11-21 23:00 UTC \(as given: 2026-11-22 08:00 \+09:00\)/);
  });
  it('a UTC time is shown once', () => {
    assert.equal(when('2026-11-21T14:00:00Z'), '2026-11-21 14:00 UTC');
    assert.equal(when('2026-11-21T14:00:00.000+00:00'), '2026-11-21 14:00 UTC');
    assert.equal(when('2026-11-21T23:30:00-05:00'), '2026-11-22 04:30 UTC (as given: 2026-11-21 23:30 -05:00)');
    assert.equal(when(null), 'no end date');
  });
});

describe('--json failures', () => {
  it('aftercare and triage print the problems as JSON on stdout for a missing or non-JSON file', async () => {
    for (const command of ['aftercare', 'triage']) {
      for (const [path, error] of [[join(dir, 'missing.json'), 'cannot_read_file'], [file('text.json', 'not JSON'), 'invalid_request']] as const) {
        const r = await cli([command, '--json', path]);
        assert.equal(r.code, 2, `${command} ${path}`);
        const body = JSON.parse(r.out) as { error: string; issues: { path: string; message: string }[] };
        assert.equal(body.error, error);
        assert.equal(body.issues[0]?.path, '(file)');
        assert.match(r.err, /The input has 1 problem/);
      }
    }
  });
  it('and the validation problems too', async () => {
    const r = await cli(['triage', '--json', file('c4.json', { treatment: clinicPenTreatment, checkIn: { at: atHours(-5) } })]);
    assert.equal(r.code, 2);
    const body = JSON.parse(r.out) as { error: string; issues: { path: string }[] };
    assert.equal(body.error, 'invalid_request');
    assert.ok(body.issues.some((i) => i.path === 'checkIn.at'));
  });
});

describe('primum aftercare from standard input', () => {
  it('writes the .ics of the same plan when the input comes from stdin (read once)', () => {
    const bin = fileURLToPath(new URL('../../../bin/primum.js', import.meta.url));
    const ics = join(dir, 'stdin.ics');
    const r = spawnSync(process.execPath, [bin, 'aftercare', '-', '--ics', ics], { input: JSON.stringify({ treatment: clinicPenTreatment }), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Aftercare plan for the treatment of/);
    assert.ok(readCalendar(readFileSync(ics, 'utf8')).getAllSubcomponents('vevent').length > 5);
  });
});

describe('primum triage', () => {
  it('prints the level in plain words with the safety net', async () => {
    const r = await cli(['triage', file('c.json', { treatment: clinicPenTreatment, checkIn: { at: atHours(50) }, redFlags: { ...allRedFlagsNo(), pus_or_honey_crusts: 'yes' } })]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /SEE A DOCTOR TODAY/);
    assert.match(r.out, /Safety net/);
  });

  it('--json and exit 2 on a check-in before the treatment', async () => {
    const j = await cli(['triage', '--json', file('c2.json', { treatment: clinicPenTreatment, checkIn: { at: atHours(5) }, redFlags: allRedFlagsNo() })]);
    assert.equal((JSON.parse(j.out) as { level: string }).level, 'self_care');
    const bad = await cli(['triage', file('c3.json', { treatment: clinicPenTreatment, checkIn: { at: atHours(-5) } })]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /checkIn\.at: is before the treatment/);
  });
});
