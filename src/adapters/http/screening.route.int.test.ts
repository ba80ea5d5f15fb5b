import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { NOW, clinicCheekPlan, healthyAdult, healthyClinicScreening, homeRfPlan, shippedKnowledge } from '../../../test/support/fixtures.js';
import { buildServer } from './server.js';

let app: FastifyInstance;
before(async () => {
  app = await buildServer({ kb: shippedKnowledge(), clock: () => NOW, bodyLimit: 64 * 1024 });
});
after(async () => {
  await app.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/screenings', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

interface IssuesBody { error: string; issues: { path: string; message: string }[] }

describe('POST /api/v1/screenings', () => {
  it('returns a stamped verdict for a valid request', async () => {
    const res = await post(healthyClinicScreening);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<{ verdict: string; stamp: { evaluatedAt: string } }>();
    assert.equal(body.verdict, 'proceed');
    assert.equal(body.stamp.evaluatedAt, NOW);
  });

  it('blocks RF at home', async () => {
    const res = await post({ person: healthyAdult, plan: homeRfPlan });
    assert.equal(res.json<{ verdict: string }>().verdict, 'do_not_treat');
  });

  it('names the closest known ids for an unknown vocabulary id', async () => {
    const res = await post({ person: { ...healthyAdult, conditions: [{ id: 'hsv_labial', status: 'history' }] }, plan: clinicCheekPlan });
    assert.equal(res.statusCode, 400);
    const b = res.json<IssuesBody>();
    assert.equal(b.issues[0]?.path, 'person.conditions[0].id');
    assert.match(b.issues[0]?.message ?? '', /unknown condition 'hsv_labial'; closest known: hsv_labialis/);
  });

  it('rejects impossible values with a reason, listing every problem', async () => {
    const res = await post({
      person: { ...healthyAdult, age: 400, procedures: [{ id: 'botulinum_toxin', date: '2027-01-01' }] },
      plan: { ...clinicCheekPlan, zones: [{ zone: 'forehead', depthMm: -1 }], colour: 'blue' },
    });
    assert.equal(res.statusCode, 400);
    const paths = res.json<IssuesBody>().issues.map((i) => i.path);
    for (const p of ['person.age', 'plan.zones[0].depthMm', 'plan']) assert.ok(paths.includes(p), paths.join(' | '));
    const msgs = res.json<IssuesBody>().issues.map((i) => i.message).join('\n');
    assert.match(msgs, /unknown field\(s\): colour/);
  });

  it('rejects dates in the wrong order', async () => {
    const res = await post({ person: { ...healthyAdult, procedures: [{ id: 'botulinum_toxin', date: '2027-01-01' }] }, plan: clinicCheekPlan });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /after the planned treatment date/);
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await post(JSON.stringify({ pad: 'x'.repeat(70 * 1024) }));
    assert.equal(res.statusCode, 413);
    assert.equal(res.json<IssuesBody>().error, 'payload_too_large');
  });

  it('answers malformed JSON, an empty body and a wrong content type with 4xx and issues', async () => {
    for (const [payload, headers, status] of [
      ['{"person":', {}, 400],
      ['', {}, 400],
      ['person=1', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ] as const) {
      const res = await post(payload, headers);
      assert.equal(res.statusCode, status, `${payload}: ${res.body}`);
      assert.ok(res.json<IssuesBody>().issues.length > 0);
      assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
    }
  });

  it('fuzz: arbitrary JSON bodies always get 400 with issues, never 5xx', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (v) => {
      const res = await post(JSON.stringify(v));
      assert.ok(res.statusCode === 400, `${res.statusCode} for ${JSON.stringify(v).slice(0, 200)}`);
      assert.ok(res.json<IssuesBody>().issues.length > 0);
    }), { numRuns: 200 });
  });

  it('fuzz: mutated valid requests never produce 5xx', async () => {
    const leaf = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant('unknown'), fc.array(fc.string(), { maxLength: 2 }));
    await fc.assert(fc.asyncProperty(fc.constantFrom('person', 'plan'), fc.string({ maxLength: 12 }), leaf, async (part, key, value) => {
      const body = structuredClone(healthyClinicScreening) as unknown as Record<string, Record<string, unknown>>;
      const target = body[part] ?? {};
      const keys = Object.keys(target);
      target[keys.length && key.length % 2 === 0 ? (keys[key.length % keys.length] ?? key) : key] = value;
      const res = await post(body);
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `${res.statusCode}: ${res.body.slice(0, 300)}`);
    }), { numRuns: 300 });
  });
});

describe('request bodies that are not plain JSON', () => {
  const unsupported = { error: 'unsupported_media_type', issues: [{ path: '(body)', message: 'send JSON with Content-Type: application/json' }] };
  it('answers 415 for a text/plain body on every JSON route, without echoing the body', async () => {
    for (const url of ['/api/v1/screenings', '/api/v1/screenings/report.pdf', '/api/v1/triage', '/api/v1/aftercare-plans']) {
      const res = await app.inject({ method: 'POST', url, payload: JSON.stringify(healthyClinicScreening), headers: { 'content-type': 'text/plain' } });
      assert.equal(res.statusCode, 415, `${url}: ${res.body}`);
      assert.deepEqual(res.json(), unsupported);
    }
  });
  it('gives the path of a __proto__ key instead of "Body is not valid JSON"', async () => {
    const res = await post('{"person":{"conditions":[{"__proto__":{"polluted":true}}]}}');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json<IssuesBody>().issues, [{ path: 'person.conditions[0].__proto__', message: 'the key __proto__ is not allowed; remove it' }]);
  });
  it('says why malformed JSON is refused', async () => {
    const res = await post('{"person":');
    assert.match(res.json<IssuesBody>().issues[0]?.message ?? '', /^the body is not valid JSON: /);
  });
  it('never echoes a long value back whole', async () => {
    const res = await post({ person: { ...healthyAdult, age: 'z'.repeat(3000) }, plan: clinicCheekPlan });
    assert.equal(res.statusCode, 400);
    for (const i of res.json<IssuesBody>().issues) assert.ok(i.message.length < 200, i.message);
  });
  it('number problems read as plain words', async () => {
    const res = await post(`{"person":{"age":1e400,"fitzpatrick":2.5},"plan":${JSON.stringify({ ...clinicCheekPlan, zones: [{ zone: 'forehead', depthMm: 0 }] })}}`);
    const byPath = Object.fromEntries(res.json<IssuesBody>().issues.map((i) => [i.path, i.message]));
    assert.match(byPath['person.age'] ?? '', /^must be a number/);
    assert.doesNotMatch(byPath['person.age'] ?? '', /null/);
    assert.equal(byPath['person.fitzpatrick'], 'must be a whole number, or "unknown"; got 2.5');
    assert.equal(byPath['plan.zones[0].depthMm'], 'must be a number greater than 0; got 0');
  });
  it('an impossible planned date gets one message, not a second "is after the planned treatment date"', async () => {
    const res = await post({ person: { ...healthyAdult, procedures: [{ id: 'botulinum_toxin', date: '2026-03-01' }] }, plan: { ...clinicCheekPlan, plannedDate: '2026-02-30' } });
    assert.deepEqual(res.json<IssuesBody>().issues, [{ path: 'plan.plannedDate', message: '"2026-02-30" is not a real date: February 2026 has 28 days; use YYYY-MM-DD' }]);
  });
});

describe('POST /api/v1/screenings/report.pdf', () => {
  it('renders the report as a PDF', async () => {
    const res = await post(healthyClinicScreening, {});
    assert.equal(res.statusCode, 200);
    const pdf = await app.inject({ method: 'POST', url: '/api/v1/screenings/report.pdf', payload: healthyClinicScreening });
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers['content-type']), /^application\/pdf/);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });
  it('answers bad input with 400 issues, not a PDF', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/screenings/report.pdf', payload: { person: {} } });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json<IssuesBody>().issues.length > 0);
  });
});

describe('API metadata', () => {
  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json<{ openapi: string; paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } } }> }>();
    assert.match(doc.openapi, /^3\./);
    const body = doc.paths['/api/v1/screenings']?.post?.requestBody?.content['application/json']?.schema;
    assert.ok(body?.properties?.person && body.properties.plan);
  });

  it('documents 200, 400, 413 and 415 for the JSON routes', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { post?: { responses?: Record<string, { description?: string; content?: Record<string, unknown> }> } }> }>();
    for (const path of ['/api/v1/screenings', '/api/v1/triage', '/api/v1/aftercare-plans']) {
      const responses = doc.paths[path]?.post?.responses ?? {};
      for (const code of ['200', '400', '413', '415']) assert.ok(responses[code], `${path} documents ${code}`);
      assert.match(responses['200']?.description ?? '', /\S/);
      assert.match(responses['415']?.description ?? '', /application\/json/);
    }
    assert.ok(doc.paths['/api/v1/aftercare-plans']?.post?.responses?.['200']?.content?.['text/calendar']);
  });
  it('serves a browsable reference at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });

  it('GET /api/v1/knowledge returns version, review status and the vocabulary', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/knowledge' });
    const b = res.json<{ version: string; clinicalReview: string; vocabulary: { zones: { id: string; label: string }[] } }>();
    assert.equal(b.clinicalReview, 'not yet reviewed by a clinician');
    assert.ok(b.vocabulary.zones.some((z) => z.id === 'forehead' && z.label.length > 0));
  });

  it('unknown routes give a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<IssuesBody>().error, 'not_found');
  });
});
