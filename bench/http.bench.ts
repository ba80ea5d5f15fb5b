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
export async function benchHttp(routes: { name: string; path: string; body: unknown; target: number }[]): Promise<BenchResult[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/http-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const base = chunk.toString().trim();
    await load({ url: `${base}/api/v1/health`, duration: 2 }); // warm-up
    const trivial = await load({ url: `${base}/api/v1/health` });
    const out: BenchResult[] = [
      { name: 'HTTP GET /api/v1/health (trivial JSON route)', value: `${Math.round(trivial.rps).toLocaleString('en')} req/s, p99 ${trivial.p99} ms`, target: 'reference', pass: trivial.errors === 0 },
    ];
    for (const r of routes) {
      const opts = { url: `${base}${r.path}`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(r.body) };
      await load({ ...opts, duration: 2 });
      const l = await load(opts);
      const ratio = l.rps / trivial.rps;
      out.push({
        name: `HTTP POST ${r.path}`,
        value: `${Math.round(l.rps).toLocaleString('en')} req/s (${(ratio * 100).toFixed(0)}% of trivial), p99 ${l.p99} ms`,
        target: `>= ${r.target * 100}% of trivial`,
        pass: ratio >= r.target && l.non2xx === 0 && l.errors === 0,
        detail: `${r.name}; autocannon 50 connections x 6 s on loopback, server in a separate process; non-2xx ${l.non2xx}, errors ${l.errors}`,
      });
    }
    return out;
  } finally {
    child.kill();
  }
}
