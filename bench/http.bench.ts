import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import type { BenchResult } from './run.js';

interface Load { rps: number; p99: number; non2xx: number; errors: number }
export interface HttpRoute {
  name: string;
  path: string;
  /** Prefix of the bench-only control routes for this route (see http-server.ts). */
  controls: string;
  body: unknown;
  /** Required throughput as a fraction of the trivial POST's. */
  target: number;
  /** The target for the engine alone, per second on one core, to compare with the HTTP budget. */
  engineTargetPerSecond?: number;
}

const CONNECTIONS = 50;
const SECONDS = 6;

async function load(opts: autocannon.Options): Promise<Load> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

const fmt = (l: Load) => `${Math.round(l.rps).toLocaleString('en')} req/s, p99 ${l.p99} ms`;
const pct = (x: Load, of: Load) => `${((x.rps / of.rps) * 100).toFixed(0)}%`;
/** Server time per request above the trivial POST's, in µs: the server is the bottleneck, so 1/throughput is its time per request. */
const extraUs = (x: Load, trivial: Load) => Math.max(0, 1e6 / x.rps - 1e6 / trivial.rps);
const us = (n: number) => `${Math.round(n)} µs`;

/**
 * Throughput of each POST route compared with the same server's trivial JSON route, in one run, with control routes
 * that do part of the route's work (validation; validation and engine; sending the answer's bytes) to show where the
 * time goes. Returns the table rows and a paragraph per route explaining them with this run's numbers.
 */
export async function benchHttp(routes: HttpRoute[]): Promise<{ results: BenchResult[]; reading: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/http-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const base = chunk.toString().trim();
    const measure = async (opts: autocannon.Options) => {
      await load({ ...opts, duration: 2 }); // warm-up
      return load(opts);
    };
    const getTrivial = await measure({ url: `${base}/api/v1/health` });
    const results: BenchResult[] = [
      { name: 'HTTP GET /api/v1/health (trivial JSON route, no body)', value: fmt(getTrivial), target: 'reference', pass: getTrivial.errors === 0 },
    ];
    const reading: string[] = [];
    for (const r of routes) {
      const post = (path: string) => ({ url: `${base}${path}`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(r.body) });
      const trivial = await measure(post('/bench/trivial'));
      const validate = await measure(post(`${r.controls}/validate`));
      const engine = await measure(post(`${r.controls}/engine`));
      const bytes = await measure(post(`${r.controls}/bytes`));
      const real = await measure(post(r.path));
      const ratio = real.rps / trivial.rps;
      const control = (label: string, l: Load, detail: string): BenchResult => ({
        name: `HTTP POST control: ${label}`, value: `${fmt(l)}; ${pct(l, trivial)} of the trivial POST`, target: 'informational', pass: l.errors === 0 && l.non2xx === 0, detail,
      });
      results.push(
        { name: `HTTP POST trivial JSON route, same ${r.name} body`, value: fmt(trivial), target: 'reference', pass: trivial.errors === 0,
          detail: 'parses the same JSON body and answers a constant' },
        control(`${r.path}'s validation only`, validate, 'the zod validation of the request, then a constant small answer'),
        control(`${r.path}'s validation and engine`, engine, 'validation and the engine; the result is built but not serialized or sent'),
        control(`${r.path}'s answer bytes only`, bytes, 'the real answer for this body, serialized once at start and sent as is: no validation, engine or serialization'),
        {
          name: `HTTP POST ${r.path}`,
          value: `${fmt(real)}; ${pct(real, trivial)} of the trivial POST, ${pct(real, getTrivial)} of the trivial GET`,
          target: `>= ${r.target * 100}% of the trivial POST`,
          pass: ratio >= r.target && real.non2xx === 0 && real.errors === 0,
          detail: `${r.name}; autocannon ${CONNECTIONS} connections x ${SECONDS} s on loopback, server in its own process (the load generator shares the machine's cores); non-2xx ${real.non2xx}, errors ${real.errors}`,
        },
      );
      const budget = (1e6 / trivial.rps) * (1 / r.target - 1);
      const answerKb = (await (await fetch(`${base}${r.controls}/bytes`, post(r.path))).arrayBuffer()).byteLength / 1024;
      const v = extraUs(validate, trivial);
      const e = extraUs(engine, trivial) - v;
      const b = extraUs(bytes, trivial);
      const total = extraUs(real, trivial);
      reading.push(
        `- **${r.path}**, ${r.name}: request ${(Buffer.byteLength(JSON.stringify(r.body)) / 1024).toFixed(1)} kB, answer ${answerKb.toFixed(1)} kB. The trivial POST takes ` +
          `${us(1e6 / trivial.rps)} of server time per request, so ${r.target * 100}% of its throughput leaves ${us(budget)} for everything ` +
          `the route adds. Measured above the trivial POST in this run: validation ${us(v)}, the engine ${us(Math.max(0, e))}, sending the ` +
          `answer's bytes ${us(b)}, and ${us(Math.max(0, total - v - Math.max(0, e) - b))} more for serializing it; ${us(total)} in all.` +
          (total - Math.max(0, e) >= budget
            ? ` Even with an engine that took no time, the rest (${us(total - Math.max(0, e))}) is over the budget.`
            : '') +
          (r.engineTargetPerSecond && 1e6 / r.engineTargetPerSecond > budget
            ? ` The engine's own target (${r.engineTargetPerSecond.toLocaleString('en')}/s on one core, ${us(1e6 / r.engineTargetPerSecond)} each) is larger than the whole budget by itself.`
            : ''),
      );
    }
    return { results, reading };
  } finally {
    child.kill();
  }
}
