import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import type { BenchResult } from './run.js';

interface Load { rps: number; p99: number; non2xx: number; errors: number }

async function load(opts: autocannon.Options): Promise<Load> {
  const r = await autocannon({ connections: 50, duration: 6, ...opts });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

/** Throughput of a POST route compared with the same server's trivial JSON route, in one run. */
export async function benchHttp(routes: { name: string; path: string; body: unknown; target: number; control?: string }[]): Promise<BenchResult[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/http-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const base = chunk.toString().trim();
    await load({ url: `${base}/api/v1/health`, duration: 2 }); // warm-up
    const getTrivial = await load({ url: `${base}/api/v1/health` });
    const fmt = (l: Load) => `${Math.round(l.rps).toLocaleString('en')} req/s, p99 ${l.p99} ms`;
    const out: BenchResult[] = [
      { name: 'HTTP GET /api/v1/health (trivial JSON route, no body)', value: fmt(getTrivial), target: 'reference', pass: getTrivial.errors === 0 },
    ];
    for (const r of routes) {
      const post = (path: string) => ({ url: `${base}${path}`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(r.body) });
      await load({ ...post('/bench/trivial'), duration: 2 });
      const trivial = await load(post('/bench/trivial'));
      await load({ ...post(r.path), duration: 2 });
      const l = await load(post(r.path));
      const ratio = l.rps / trivial.rps;
      out.push({ name: `HTTP POST trivial JSON route, same ${r.name} body`, value: fmt(trivial), target: 'reference', pass: trivial.errors === 0 });
      if (r.control) {
        await load({ ...post(r.control), duration: 2 });
        const c = await load(post(r.control));
        out.push({
          name: `HTTP POST control: ${r.path}'s response precomputed, same body`,
          value: `${fmt(c)}; ${((c.rps / trivial.rps) * 100).toFixed(0)}% of the trivial POST`,
          target: 'informational',
          pass: c.errors === 0,
          detail: 'the same bytes as the real response, serialized once: the ceiling that response size alone sets, with no validation or engine work',
        });
      }
      out.push({
        name: `HTTP POST ${r.path}`,
        value: `${fmt(l)}; ${(ratio * 100).toFixed(0)}% of the trivial POST, ${((l.rps / getTrivial.rps) * 100).toFixed(0)}% of the trivial GET`,
        target: `>= ${r.target * 100}% of the trivial POST`,
        pass: ratio >= r.target && l.non2xx === 0 && l.errors === 0,
        detail: `${r.name}; autocannon 50 connections x 6 s on loopback, server in its own process (2 cores shared with autocannon); non-2xx ${l.non2xx}, errors ${l.errors}. The trivial POST route parses the same JSON body and answers a constant, so the ratio isolates what validation, the engine and the explained result cost`,
      });
    }
    return out;
  } finally {
    child.kill();
  }
}
