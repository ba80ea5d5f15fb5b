import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { allRedFlagsNo, atHours, clinicPenTreatment } from '../../../test/support/after-fixtures.js';
import { NOW, shippedKnowledge } from '../../../test/support/fixtures.js';
import { buildServer } from './server.js';
import { readCalendar } from '../../../test/support/ics.js';

let app: FastifyInstance;
before(async () => {
  app = await buildServer({ kb: shippedKnowledge(), clock: () => NOW, bodyLimit: 64 * 1024 });
});
after(async () => {
  await app.close();
});
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });
interface IssuesBody { error: string; issues: { path: string; message: string }[] }

describe('POST /api/v1/aftercare-plans', () => {
  it('returns the plan as JSON', async () => {
    const res = await post('/api/v1/aftercare-plans', { treatment: clinicPenTreatment });
    assert.equal(res.statusCode, 200, res.body);
    const b = res.json<{ days: unknown[]; nextSession: { earliestDate: string } }>();
    assert.ok(b.days.length > 20);
    assert.equal(b.nextSession.earliestDate, '2026-12-19');
  });

  it('returns an iCalendar file when asked for text/calendar', async () => {
    const res = await post('/api/v1/aftercare-plans', { treatment: clinicPenTreatment }, { accept: 'text/calendar' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/calendar/);
    assert.match(String(res.headers['content-disposition']), /primum-aftercare\.ics/);
    const cal = readCalendar(res.body);
    assert.ok(cal.getAllSubcomponents('vevent').length > 5);
  });

  it('honours q-values in Accept and says the answer varies by Accept', async () => {
    for (const [accept, type] of [
      ['text/calendar;q=0.5, application/json', /^application\/json/],
      ['application/json;q=0.5, text/calendar', /^text\/calendar/],
      ['text/calendar, application/json', /^text\/calendar/],
      ['*/*', /^application\/json/],
    ] as const) {
      const res = await post('/api/v1/aftercare-plans', { treatment: clinicPenTreatment }, { accept });
      assert.equal(res.statusCode, 200, accept);
      assert.match(String(res.headers['content-type']), type, accept);
      assert.match(String(res.headers.vary), /accept/i, accept);
    }
  });
  it('rejects bad input with every problem, as JSON even when a calendar was asked for', async () => {
    const res = await post('/api/v1/aftercare-plans', { treatment: { ...clinicPenTreatment, treatedAt: 'yesterday', zones: [] } }, { accept: 'text/calendar' });
    assert.equal(res.statusCode, 400);
    const paths = res.json<IssuesBody>().issues.map((i) => i.path);
    assert.ok(paths.includes('treatment.treatedAt') && paths.includes('treatment.zones'), paths.join());
  });
});

describe('POST /api/v1/triage', () => {
  it('answers a check-in with a level and its basis', async () => {
    const res = await post('/api/v1/triage', { treatment: clinicPenTreatment, checkIn: { at: atHours(30) }, redFlags: allRedFlagsNo(), symptoms: [{ id: 'redness', severity: 'mild', trend: 'improving', beyondTreatedArea: false }] });
    assert.equal(res.statusCode, 200, res.body);
    const b = res.json<{ level: string; findings: { ruleId: string; sources: { grade: string }[] }[] }>();
    assert.equal(b.level, 'self_care');
    assert.ok(b.findings.every((f) => f.ruleId && f.sources.length > 0));
  });

  it('rejects a check-in dated before the treatment and a temperature of 80 °C', async () => {
    const res = await post('/api/v1/triage', { treatment: clinicPenTreatment, checkIn: { at: atHours(-1) }, temperatureC: 80 });
    assert.equal(res.statusCode, 400);
    const issues = res.json<IssuesBody>().issues;
    assert.ok(issues.some((i) => i.path === 'temperatureC' && /between 30 and 45/.test(i.message)), JSON.stringify(issues));
  });

  it('names the closest symptom ids for a typo', async () => {
    const res = await post('/api/v1/triage', { treatment: clinicPenTreatment, checkIn: { at: atHours(3) }, symptoms: [{ id: 'rednes' }] });
    assert.match(res.json<IssuesBody>().issues[0]?.message ?? '', /closest known: redness/);
  });

  it('fuzz: arbitrary bodies never give a 5xx', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('/api/v1/triage', '/api/v1/aftercare-plans'), async (v, url) => {
      const res = await post(url, JSON.stringify(v));
      assert.equal(res.statusCode, 400, res.body.slice(0, 200));
    }), { numRuns: 200 });
  });
});
