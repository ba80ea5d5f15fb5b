// A Primum server for HTTP benchmarks, in its own process so the load generator does not share its event loop.
// Besides the real routes it has bench-only control routes that each do part of a real route's work, so one run
// shows where the time goes: parsing the body (trivial), validation, the engine, and sending the answer's bytes.
import { loadValidKnowledge } from '../src/adapters/knowledge/fs-knowledge.js';
import { buildServer } from '../src/adapters/http/server.js';
import { parseWith } from '../src/service/result.js';
import { createAfterTreatmentService } from '../src/service/after-treatment.service.js';
import { createScreeningService } from '../src/service/screening.service.js';
import { triage } from '../src/core/triage/engine.js';
import { typicalCheckIn, typicalScreening } from './fixtures.js';

const kb = loadValidKnowledge();
const clock = () => new Date().toISOString();
// Throughput is measured from one client address, so the per-client rate limit (a flood guard) is lifted here;
// every other production setting (headers, compression, timeouts, load shedding) stays as shipped.
const app = await buildServer({ kb, clock, bodyLimit: 64 * 1024, limits: { rateLimitPerMinute: 1_000_000_000 } });
const screening = createScreeningService(kb, clock);
const after = createAfterTreatmentService(kb, clock);
const redFlags = kb.symptoms.filter((s) => s.redFlag).map((s) => s.id);
const small = (ok: boolean) => (ok ? '{"ok":true}' : '{"ok":false}');
const hide = { schema: { hide: true } };

// Trivial: parses the same JSON body and answers a constant.
app.post('/bench/trivial', hide, () => ({ ok: true }));

interface Work { validate: (raw: unknown) => boolean; engine: (raw: unknown) => boolean; answer: string }
const work: Record<string, Work> = {
  screenings: {
    validate: (raw) => screening.parse(raw).ok,
    engine: (raw) => screening.screen(raw).ok,
    answer: (() => { const r = screening.screen(typicalScreening); return JSON.stringify(r.ok ? r.value : {}); })(),
  },
  triage: {
    validate: (raw) => parseWith(after.triageSchema, raw).ok,
    engine: (raw) => { const p = parseWith(after.triageSchema, raw); return p.ok && triage(kb, p.value, { now: clock() }).level !== undefined; },
    answer: (() => { const r = after.triage(typicalCheckIn(redFlags)); return JSON.stringify(r.ok ? r.value : {}); })(),
  },
};
for (const [name, w] of Object.entries(work)) {
  // Validation only, small answer.
  app.post(`/bench/${name}/validate`, hide, (req, reply) => reply.type('application/json').send(small(w.validate(req.body))));
  // Validation and the engine, small answer: the result is built but not serialized or sent.
  app.post(`/bench/${name}/engine`, hide, (req, reply) => reply.type('application/json').send(small(w.engine(req.body))));
  // The real route's answer for this body, serialized once at start: what sending those bytes costs, and nothing else.
  app.post(`/bench/${name}/bytes`, hide, (_req, reply) => reply.type('application/json').send(w.answer));
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
