// A Primum server for HTTP benchmarks, in its own process so the load generator does not share its event loop.
import { loadValidKnowledge } from '../src/adapters/knowledge/fs-knowledge.js';
import { buildServer } from '../src/adapters/http/server.js';

const app = await buildServer({ kb: loadValidKnowledge(), clock: () => new Date().toISOString(), bodyLimit: 64 * 1024 });
// Bench-only: a trivial JSON POST route that parses the same body and answers a constant.
app.post('/bench/trivial', { schema: { hide: true } }, () => ({ ok: true }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
