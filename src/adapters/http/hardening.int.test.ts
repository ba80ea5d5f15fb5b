import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { allRedFlagsNo, atHours, clinicPenTreatment } from '../../../test/support/after-fixtures.js';
import { NOW, healthyClinicScreening, shippedKnowledge } from '../../../test/support/fixtures.js';
import type { Limits } from '../config.js';
import { buildServer } from './server.js';
import { WEB_DIST } from './web.route.js';

interface IssuesBody { error: string; issues: { path: string; message: string }[] }
const build = (limits: Partial<Limits> = {}, webDir: string | null = null) =>
  buildServer({ kb: shippedKnowledge(), clock: () => NOW, bodyLimit: 64 * 1024, limits, webDir });

let app: FastifyInstance;
before(async () => {
  app = await build();
});
after(async () => {
  await app.close();
});
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

describe('input bounds', () => {
  it('refuses a 63,000-character symptom id as too long, without searching for the closest id', async () => {
    const res = await post('/api/v1/triage', { treatment: clinicPenTreatment, checkIn: { at: atHours(30) }, symptoms: [{ id: 'x'.repeat(63_000) }] });
    assert.equal(res.statusCode, 400);
    const b = res.json<IssuesBody>();
    assert.equal(b.issues[0]?.path, 'symptoms[0].id');
    assert.match(b.issues[0]?.message ?? '', /^unknown symptom: 63000 characters is too long \(no symptom id is longer than \d+\)$/);
    assert.doesNotMatch(b.issues[0]?.message ?? '', /closest/);
    assert.ok(res.body.length < 500, 'the id is not echoed back');
  });

  it('refuses a symptom that started before the treatment', async () => {
    const res = await post('/api/v1/triage', {
      treatment: clinicPenTreatment, checkIn: { at: atHours(30) }, redFlags: allRedFlagsNo(),
      symptoms: [{ id: 'redness', severity: 'mild', trend: 'improving', startedAt: atHours(-5) }],
    });
    assert.equal(res.statusCode, 400, res.body);
    const issue = res.json<IssuesBody>().issues[0];
    assert.equal(issue?.path, 'symptoms[0].startedAt');
    assert.match(issue?.message ?? '', /before the treatment/);
  });

  it('refuses a check-in time whose offset is beyond ±14:00', async () => {
    const res = await post('/api/v1/triage', { treatment: clinicPenTreatment, checkIn: { at: '2026-11-23T10:00:00+15:00' }, redFlags: allRedFlagsNo() });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json<IssuesBody>().issues[0]?.path, 'checkIn.at');
  });

  it('accepts valid JSON after a UTF-8 byte order mark', async () => {
    const res = await post('/api/v1/screenings', `\uFEFF${JSON.stringify(healthyClinicScreening)}`);
    assert.equal(res.statusCode, 200, res.body);
  });
});

describe('protocol', () => {
  it('answers a wrong method with 405 and Allow, in the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/screenings' });
    assert.equal(res.statusCode, 405);
    assert.equal(res.headers.allow, 'POST');
    assert.equal(res.json<IssuesBody>().error, 'method_not_allowed');
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/nothing' })).statusCode, 404);
  });

  it('answers /health (alive) and /ready (knowledge loaded)', async () => {
    const h = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(h.statusCode, 200);
    assert.deepEqual(h.json(), { status: 'ok' });
    const r = await app.inject({ method: 'GET', url: '/ready' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json<{ status: string }>().status, 'ready');
  });

  it('returns a request id, keeping a plain one the caller sent and replacing any other', async () => {
    const a = await app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.match(String(a.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    const b = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'proxy-42' } });
    assert.equal(b.headers['x-request-id'], 'proxy-42');
    const c = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'bad\nid "x"' } });
    assert.notEqual(c.headers['x-request-id'], 'bad\nid "x"');
  });

  it('answers malformed HTTP and oversized headers in the API error shape', async () => {
    const server = await build();
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const raw = (text: string) => new Promise<string>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => s.end(text));
      let got = '';
      s.on('data', (d: Buffer) => (got += d.toString()));
      s.on('end', () => resolve(got));
      s.on('error', reject);
    });
    try {
      const bad = await raw('GARBAGE\r\n\r\n');
      assert.match(bad, /^HTTP\/1\.1 400 /);
      assert.equal((JSON.parse(bad.split('\r\n\r\n')[1] ?? '') as IssuesBody).error, 'invalid_request');
      const big = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      assert.match(big, /^HTTP\/1\.1 431 /);
      assert.equal((JSON.parse(big.split('\r\n\r\n')[1] ?? '') as IssuesBody).issues[0]?.path, '(request)');
    } finally {
      await server.close();
    }
  });

  it('sets request, headers and keep-alive timeouts and a connection limit', async () => {
    const s = await build({ requestTimeoutMs: 12_000, headersTimeoutMs: 5_000, keepAliveTimeoutMs: 4_000, maxConnections: 77 });
    try {
      assert.equal(s.server.requestTimeout, 12_000);
      assert.equal(s.server.headersTimeout, 5_000);
      assert.equal(s.server.keepAliveTimeout, 4_000);
      assert.equal(s.server.maxConnections, 77);
      assert.ok(s.initialConfig.connectionTimeout && s.initialConfig.connectionTimeout > 0);
    } finally {
      await s.close();
    }
  });
});

describe('headers', () => {
  it('API answers are never cached or sniffed, and are compressed when asked', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/knowledge', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['content-encoding'], 'gzip');
    const bad = await post('/api/v1/screenings', { person: 1 });
    assert.equal(bad.headers['cache-control'], 'no-store');
  });

  it('the API reference has a Content-Security-Policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(res.statusCode, 200);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  it('the web app gets a strict CSP with no inline script and no framing; hashed assets are cached for a year', async () => {
    const web = await build({}, WEB_DIST);
    try {
      const res = await web.inject({ method: 'GET', url: '/' });
      assert.equal(res.statusCode, 200);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
      assert.equal(res.headers['cache-control'], 'no-cache');
      const asset = readdirSync(`${WEB_DIST}/assets`).find((f) => f.endsWith('.js'));
      const a = await web.inject({ method: 'GET', url: `/assets/${asset ?? ''}`, headers: { 'accept-encoding': 'br' } });
      assert.equal(a.statusCode, 200);
      assert.equal(a.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(a.headers['content-encoding'], 'br');
    } finally {
      await web.close();
    }
  });
});

describe('resource limits', () => {
  it('limits each client\'s request rate with 429, Retry-After and the error shape', async () => {
    const s = await build({ rateLimitPerMinute: 2 });
    try {
      for (let i = 0; i < 2; i += 1) assert.equal((await s.inject({ method: 'GET', url: '/api/v1/health' })).statusCode, 200);
      const res = await s.inject({ method: 'GET', url: '/api/v1/health' });
      assert.equal(res.statusCode, 429);
      assert.ok(Number(res.headers['retry-after']) > 0);
      const b = res.json<IssuesBody>();
      assert.equal(b.error, 'rate_limited');
      assert.equal(b.issues[0]?.path, '(client)');
      assert.equal((await s.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'liveness is never rate limited');
    } finally {
      await s.close();
    }
  });

  it('makes only a few PDFs at once: the rest get 503 with Retry-After while JSON routes still answer', async () => {
    const s = await build({ pdfConcurrency: 1 });
    const pdf = () => s.inject({ method: 'POST', url: '/api/v1/screenings/report.pdf', payload: healthyClinicScreening });
    try {
      const [a, b, c, json] = await Promise.all([pdf(), pdf(), pdf(), s.inject({ method: 'POST', url: '/api/v1/screenings', payload: healthyClinicScreening })]);
      const codes = [a, b, c].map((r) => r.statusCode).sort();
      assert.deepEqual(codes, [200, 503, 503]);
      const busy = [a, b, c].find((r) => r.statusCode === 503);
      assert.equal(busy?.headers['retry-after'], '2');
      assert.equal(busy?.json<IssuesBody>().error, 'busy');
      assert.equal(json.statusCode, 200);
      assert.equal((await pdf()).statusCode, 200, 'the slot is given back');
    } finally {
      await s.close();
    }
  });
});
