import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { allRedFlagsNo, atHours, clinicPenTreatment } from '../../../test/support/after-fixtures.js';
import { clinicCheekPlan, healthyAdult, shippedKnowledge } from '../../../test/support/fixtures.js';
import { buildServer } from './server.js';

describe('privacy: the server keeps and logs none of a person\'s answers', () => {
  it('a full journey leaves no answer in the logs and no file behind', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk: Buffer, _e, cb) { lines.push(chunk.toString()); cb(); } });
    const cwd = mkdtempSync(join(tmpdir(), 'primum-privacy-'));
    const before = process.cwd();
    process.chdir(cwd);
    const app = await buildServer({ kb: shippedKnowledge(), clock: () => '2026-11-21T10:00:00Z', bodyLimit: 64 * 1024, logger: true, loggerStream: sink });
    try {
      // Distinctive answers to search for afterwards.
      const person = { ...healthyAdult, age: 47, conditions: [{ id: 'keloid_hypertrophic_scarring', status: 'history' }], procedures: [{ id: 'botulinum_toxin', date: '2026-11-19', inField: 'yes' }] };
      const r1 = await app.inject({ method: 'POST', url: '/api/v1/screenings', payload: { person, plan: clinicCheekPlan } });
      assert.equal(r1.statusCode, 200);
      const r2 = await app.inject({ method: 'POST', url: '/api/v1/aftercare-plans', payload: { treatment: clinicPenTreatment, person: { fitzpatrick: 5 } } });
      assert.equal(r2.statusCode, 200);
      const r3 = await app.inject({ method: 'POST', url: '/api/v1/triage', payload: { treatment: clinicPenTreatment, checkIn: { at: atHours(50) }, redFlags: { ...allRedFlagsNo(), fever: 'yes' }, temperatureC: 38.7, symptoms: [{ id: 'itchy_rash_treated_area', severity: 'moderate', trend: 'worsening' }] } });
      assert.equal(r3.statusCode, 200);
      const bad = await app.inject({ method: 'POST', url: '/api/v1/screenings', payload: { person: { ...person, age: 'forty-seven' } } });
      assert.equal(bad.statusCode, 400);
    } finally {
      await app.close();
      process.chdir(before);
    }
    const log = lines.join('');
    assert.ok(log.includes('/api/v1/screenings'), 'requests are logged (method, url, status), so the test can fail');
    for (const secret of ['keloid', '2026-11-19', '38.7', 'itchy_rash', 'forty-seven', '"age"', 'fitzpatrick', 'botulinum']) {
      assert.ok(!log.includes(secret), `the log contains '${secret}'`);
    }
    assert.deepEqual(readdirSync(cwd), [], 'the server wrote files');
  });

});
