// `npm run bench`: measures speed targets and writes docs/benchmarks.md. Never a timed unit test.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAfterTreatment } from './after-treatment.bench.js';
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
results.push(...benchWebBundle());
const redFlags = loadValidKnowledge().symptoms.filter((s) => s.redFlag).map((s) => s.id);
results.push(
  ...(await benchHttp([
    { name: 'typical screening (4 conditions, 4 zones)', path: '/api/v1/screenings', body: typicalScreening, target: 0.5, control: '/bench/constant-screening' },
    { name: 'typical check-in (day 3, all red flags answered)', path: '/api/v1/triage', body: typicalCheckIn(redFlags), target: 0.5 },
  ])),
);

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
  'The screening and check-in answers are fully explained (every finding with its rule, the answers it used, the',
  'person\'s and the practitioner\'s text, sources with grades, conflicts): about 12 kB of JSON for the typical',
  'screening. The control row sends exactly those bytes, serialized once, with no validation and no engine work, and',
  'already reaches only about half of the trivial route: on loopback with 2 shared cores the cost of writing the',
  'response is of the same order as a whole trivial request. Validation plus engine (~60 µs) and serializing the',
  'result (~30 µs) come on top, which is why the real routes measure at 12-14 % of the trivial POST. Reaching 50 %',
  'would need a much smaller default answer (for example findings by reference, with texts fetched from',
  '`/api/v1/knowledge`), which is a product decision, not an optimisation; see the issue notes.',
  '',
];
const out = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
writeFileSync(out, lines.join('\n'));
for (const r of results) console.log(`${r.pass ? 'ok ' : 'MISS'} ${r.name}: ${r.value} (target ${r.target})`);
console.log(`wrote ${out}`);
if (results.some((r) => !r.pass)) process.exitCode = 1;
