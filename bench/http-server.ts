// A Primum server for HTTP benchmarks, in its own process so the load generator does not share its event loop.
import { loadValidKnowledge } from '../src/adapters/knowledge/fs-knowledge.js';
import { buildServer } from '../src/adapters/http/server.js';
import { createScreeningService } from '../src/service/screening.service.js';
import { typicalScreening } from './fixtures.js';

const kb = loadValidKnowledge();
const app = await buildServer({ kb, clock: () => new Date().toISOString(), bodyLimit: 64 * 1024 });
// Bench-only control: the typical screening's response, serialized once, sent for the same request body.
// It shows what the response size alone costs, with no validation and no engine work.
const r = createScreeningService(kb, () => new Date().toISOString()).screen(typicalScreening);
const constant = JSON.stringify(r.ok ? r.value : {});
app.post('/bench/constant-screening', { schema: { hide: true } }, (_req, reply) => reply.type('application/json').send(constant));
// Bench-only: a trivial JSON POST route that parses the same body and answers a constant.
app.post('/bench/trivial', { schema: { hide: true } }, () => ({ ok: true }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
