import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './run.js';

const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** Initial JavaScript of the landing page: the entry script and the modules it preloads, gzipped. */
export function benchWebBundle(): BenchResult[] {
  if (!existsSync(`${DIST}index.html`)) {
    return [{ name: 'landing page initial JavaScript (gzip)', value: 'web/dist missing: run npm run build:web', target: '<= 150 kB', pass: false }];
  }
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)].map((m) => m[1] ?? m[2] ?? '');
  const gz = (f: string) => gzipSync(readFileSync(`${DIST}${f}`)).length;
  const total = files.reduce((n, f) => n + gz(f), 0);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g)].reduce((n, m) => n + gz(m[1] ?? ''), 0);
  return [
    { name: 'landing page initial JavaScript (gzip)', value: `${(total / 1024).toFixed(1)} kB`, target: '<= 150 kB', pass: total <= 150 * 1024,
      detail: `${files.join(', ')}; CSS ${(css / 1024).toFixed(1)} kB gzip; the questionnaire, report, aftercare and check-in pages are separate chunks loaded when opened` },
  ];
}
