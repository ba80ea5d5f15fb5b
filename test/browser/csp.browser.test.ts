import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBrowserEnv, type BrowserEnv } from './harness.js';

let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv();
});
after(async () => {
  await env.close();
});

describe('Content-Security-Policy', () => {
  it('the app loads under its CSP, and an inline script is blocked and reported (so a violation fails the tests)', async () => {
    const { page, context } = await env.page(1280);
    const res = await page.goto(env.base);
    assert.match(String(res?.headers()['content-security-policy']), /script-src 'self'/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.deepEqual(env.cspViolations, [], 'the app itself violates its CSP');
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 200));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    assert.equal(ran, false, 'an inline script ran');
    assert.ok(env.cspViolations.length > 0, 'the violation was not reported');
    env.cspViolations.length = 0; // expected here: clear it so close() does not fail
    await context.close();
  });
});
