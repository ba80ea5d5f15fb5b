// `npm run bench`: measures speed targets and writes docs/benchmarks.md. Never a timed unit test.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAfterTreatment } from './after-treatment.bench.js';
import { benchDistinctInputs } from './distinct.bench.js';
import { typicalCheckIn, typicalScreening } from './fixtures.js';
import { loadValidKnowledge } from '../src/adapters/knowledge/fs-knowledge.js';
import { benchHttp } from './http.bench.js';
import { benchKnowledge } from './knowledge.bench.js';
import { benchScreeningEngine } from './screening.bench.js';
import { benchWebBundle } from './web.bench.js';

export interface BenchResult {
  name: string;
  value: string;
  target: string;
  pass: boolean;
  detail?: string;
}

const results: BenchResult[] = [];
results.push(...benchKnowledge());
results.push(...benchScreeningEngine());
results.push(...benchAfterTreatment());
results.push(...benchDistinctInputs());
results.push(...benchWebBundle());
const redFlags = loadValidKnowledge().symptoms.filter((s) => s.redFlag).map((s) => s.id);
const http = await benchHttp([
  { name: 'typical screening (4 conditions, 4 zones)', path: '/api/v1/screenings', controls: '/bench/screenings', body: typicalScreening, target: 0.5, engineTargetPerSecond: 20_000 },
  { name: 'typical check-in (day 3, all red flags answered)', path: '/api/v1/triage', controls: '/bench/triage', body: typicalCheckIn(redFlags), target: 0.5, engineTargetPerSecond: 20_000 },
]);
results.push(...http.results);

const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench`. Do not edit by hand: run it again.',
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; node ${process.version}`,
  '',
  '| benchmark | result | target | met |',
  '|---|---|---|---|',
  ...results.map((r) => `| ${r.name} | ${r.value} | ${r.target} | ${r.pass ? 'yes' : '**no**'} |`),
  '',
  ...results.filter((r) => r.detail).map((r) => `- ${r.name}: ${r.detail ?? ''}`),
  '',
  '## Reading the HTTP results',
  '',
  'The server is the bottleneck in these runs, so the inverse of a route\'s throughput is the server time it spends on',
  'one request. Each control route does part of the real route\'s work, which splits that time (this run\'s numbers):',
  '',
  ...http.reading,
  '',
  'The answers are fully explained, as the screening and after-treatment issues ask (every finding with its rule, the',
  'answers it used, the person\'s and the practitioner\'s text, sources with grades, conflicts). Where validation alone',
  'uses the whole budget, no serializer, engine or answer-size change can reach the target on this machine; what was',
  'measured and tried, and the options, are in docs/performance.md.',
  '',
];
const out = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
writeFileSync(out, lines.join('\n'));
for (const r of results) console.log(`${r.pass ? 'ok ' : 'MISS'} ${r.name}: ${r.value} (target ${r.target})`);
console.log(`wrote ${out}`);
if (results.some((r) => !r.pass)) process.exitCode = 1;
