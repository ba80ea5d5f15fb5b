import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scrollsSideways, seriousViolations, shot, startBrowserEnv, type BrowserEnv } from './harness.js';

let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv();
});
after(async () => {
  await env.close();
});

describe('web app shell', () => {
  for (const width of [375, 1280]) {
    it(`landing page at ${width} px: purpose, emergency notice, knowledge status, accessible, no sideways scroll`, async () => {
      const { page, context, consoleErrors } = await env.page(width);
      await page.goto(env.base);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByText(/Knowledge version \d+\.\d+\.\d+/).first().waitFor();
      assert.match(await page.locator('body').innerText(), /Not for emergencies/);
      assert.match(await page.locator('body').innerText(), /not yet reviewed by a clinician/);
      assert.deepEqual(await seriousViolations(page), []);
      assert.equal(await scrollsSideways(page), false);
      await shot(page, `landing-${width}`);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    });
  }

  it('privacy page: explains local-only storage, exports JSON and deletes everything', async () => {
    const { page, context, consoleErrors } = await env.page(375);
    await page.goto(`${env.base}/#/privacy`);
    await page.evaluate(() => localStorage.setItem('primum.v1', JSON.stringify({ screeningAnswers: { age: 41 }, checkIns: [] })));
    await page.reload();
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    assert.match(await page.locator('main').innerText(), /kept only in this browser/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download my data/ }).click()]);
    assert.equal(download.suggestedFilename(), 'primum-my-data.json');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: /Delete all my data/ }).click();
    await page.getByRole('status').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('primum.v1')), null);
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'privacy-375');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});
