import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LIMITS, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('reads PORT written in decimal digits', () => {
    assert.equal(loadConfig({ PORT: '8080' }).port, 8080);
    assert.equal(loadConfig({ PORT: '0' }).port, 0);
    assert.equal(loadConfig({}).port, 3000);
  });

  it('refuses an empty PORT, hexadecimal, exponents and out-of-range ports with a clear message', () => {
    for (const p of ['', '0x1F4', '1e3', ' 80', '65536', '-1', '80.5']) {
      assert.throws(() => loadConfig({ PORT: p }), new RegExp(`^Error: PORT must be a whole number from 0 to 65535, written in decimal digits; got '${p.replace(/[.+]/g, '\\$&')}'$`), p);
    }
  });

  it('reads every limit from its environment variable and refuses nonsense', () => {
    const c = loadConfig({ PRIMUM_RATE_LIMIT: '50', PRIMUM_PDF_CONCURRENCY: '2', PRIMUM_BODY_LIMIT: '1000', PRIMUM_TRUST_PROXY: '1' });
    assert.equal(c.rateLimitPerMinute, 50);
    assert.equal(c.pdfConcurrency, 2);
    assert.equal(c.bodyLimit, 1000);
    assert.equal(c.trustProxy, 1);
    assert.equal(loadConfig({}).requestTimeoutMs, DEFAULT_LIMITS.requestTimeoutMs);
    assert.throws(() => loadConfig({ PRIMUM_MAX_CONNECTIONS: '0' }), /PRIMUM_MAX_CONNECTIONS must be a whole number from 1/);
    assert.throws(() => loadConfig({ PRIMUM_TRUST_PROXY: 'yes please' }), /PRIMUM_TRUST_PROXY must be/);
  });
});
