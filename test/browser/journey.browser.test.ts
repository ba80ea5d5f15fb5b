// The whole journey a person takes, end to end in Chromium: screening with a deferring condition, the report,
// the aftercare plan with its .ics, a normal day-2 check-in, then an emergency check-in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { scrollsSideways, seriousViolations, shot, startBrowserEnv, type BrowserEnv } from './harness.js';

let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv();
});
after(async () => {
  await env.close();
});

const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const group = (page: Page, name: string | RegExp) => page.getByRole('group', { name });
const choose = (page: Page, name: string | RegExp, option: string) => group(page, name).getByLabel(option, { exact: true }).check();
const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true }).click();

async function step(page: Page, id: string, title: string): Promise<void> {
  // The first step is also shown at #/screen itself.
  await page.waitForURL(new RegExp(id === 'about-you' ? '#/screen(/about-you)?$' : `#/screen/${id}$`));
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

/** Every page state of the journey is checked the same way. */
async function check(page: Page, consoleErrors: string[], name: string): Promise<void> {
  assert.deepEqual(await seriousViolations(page), [], `axe: ${name}`);
  assert.equal(await scrollsSideways(page), false, `sideways scroll: ${name}`);
  assert.match(await page.locator('body').innerText(), /Not for emergencies/, `emergency notice: ${name}`);
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await shot(page, `journey-${name}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(consoleErrors, [], `console: ${name}`);
}

describe('the full journey', () => {
  for (const width of [375, 1280]) {
    it(`at ${width} px: screening is deferred by recent toxin, then aftercare, .ics, a normal check-in and an emergency`, async () => {
      const { page, context, consoleErrors } = await env.page(width);
      const w = String(width);
      await page.goto(env.base);
      await page.getByRole('link', { name: 'Check a planned treatment' }).first().click();

      // Screening: toxin in the cheek 3 days ago, treatment planned in 7 days -> defer until toxin + 14 days.
      await step(page, 'about-you', 'About you');
      await page.getByLabel('Your age').fill('35');
      await page.getByLabel('Female', { exact: true }).check();
      await next(page);
      await step(page, 'pregnancy', 'Pregnancy and breastfeeding');
      await choose(page, /pregnant/, 'No');
      await choose(page, /breastfeeding/, 'No');
      await next(page);
      await step(page, 'skin-type', 'Your skin type');
      await choose(page, 'What is your skin type?', 'Type 3');
      await next(page);
      await step(page, 'health', 'Your health');
      await choose(page, /any skin or health conditions/, 'No');
      await next(page);
      await step(page, 'medicines', 'Your medicines');
      await choose(page, /taking any medicines/, 'No');
      await next(page);
      await step(page, 'procedures', 'Earlier treatments');
      await choose(page, /cosmetic or skin treatments/, 'Yes');
      await page.getByLabel(/^Anti-wrinkle injections \(botulinum toxin\)/).first().check();
      await page.getByLabel(/Anti-wrinkle injections \(botulinum toxin\).*When was it/).fill(inDays(-3));
      await choose(page, /Anti-wrinkle injections \(botulinum toxin\).*in or next to the area/, 'Yes');
      await next(page);
      await step(page, 'allergies-implants', 'Allergies and implants');
      await choose(page, /allergies on this list/, 'No');
      await choose(page, /implants on this list/, 'No');
      await next(page);
      await step(page, 'treatment', 'The planned treatment');
      await choose(page, 'Where will it be done?', 'In a clinic or salon');
      await choose(page, 'Who will do it?', 'A nurse');
      await choose(page, /licensed or registered/, 'Yes');
      await choose(page, 'Which device will be used?', 'Motorised microneedling pen');
      await choose(page, /needle cartridge\) new/, 'New, sterile and single-use (opened in front of me)');
      await choose(page, 'What are the needles made of?', 'Stainless steel');
      await choose(page, /numbing cream be put on/, 'No');
      await choose(page, 'What is the treatment for?', 'Sun-ageing and fine lines');
      await page.getByLabel('Planned treatment date').fill(inDays(7));
      await next(page);
      await step(page, 'areas', 'Areas and needle depth');
      await page.getByLabel('Inner and lower cheek depth (mm)').fill('0.5');
      await next(page);
      await step(page, 'review', 'Check your answers');
      await check(page, consoleErrors, `review-${w}`);
      await page.getByRole('button', { name: 'See my result' }).click();

      // Report: the verdict first, with the date.
      await page.waitForURL(/#\/report$/);
      const verdict = page.getByRole('status').first();
      await verdict.waitFor();
      assert.match(await verdict.innerText(), /Defer/);
      const until = new Date(Date.now() + 11 * 86_400_000);
      assert.match(await verdict.innerText(), new RegExp(`Not before .*${until.getUTCDate()}`));
      await check(page, consoleErrors, `report-${w}`);

      // Aftercare: the treatment was done two days ago (after the wait, in the person's story).
      await page.getByRole('link', { name: 'Get your aftercare plan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your aftercare plan' }).waitFor();
      // The browser's local time, 49 hours ago, as a datetime-local value (no named functions: the page cannot see tsx's helpers).
      const twoDaysAgo = await page.evaluate(() => {
        const d = new Date(Date.now() - 49 * 3_600_000);
        return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]
          .map((x, i) => (i === 0 ? String(x) : String(x).padStart(2, '0')))
          .join('-')
          .replace(/^(\d+-\d+-\d+)-(\d+)-(\d+)$/, '$1T$2:$3');
      });
      await page.getByLabel('When did your treatment end?').fill(twoDaysAgo);
      await page.getByRole('radio', { name: /Motorised microneedling pen/ }).check();
      await page.getByRole('radio', { name: /At a clinic/ }).check();
      const cheek = page.getByRole('checkbox', { name: 'Inner and lower cheek' });
      if (!(await cheek.isChecked())) await cheek.check();
      await page.getByLabel('Needle depth for inner and lower cheek (mm)').fill('1');
      await page.getByRole('button', { name: 'Make my plan' }).click();
      await page.locator('#timeline').getByText('Today', { exact: true }).waitFor();
      await check(page, consoleErrors, `aftercare-${w}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download calendar (.ics)' }).click()]);
      assert.equal(download.suggestedFilename(), 'primum-aftercare.ics');
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      const ics = readFileSync(path, 'utf8');
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, /BEGIN:VALARM/);

      // A normal day-2 check-in.
      await page.getByRole('link', { name: 'Check in now' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check in' }).waitFor();
      const questions = page.locator('fieldset.ci-question');
      await questions.first().waitFor();
      const n = await questions.count();
      for (let i = 0; i < n; i += 1) await questions.nth(i).getByLabel('No', { exact: true }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('checkbox', { name: /^Redness/ }).check();
      await page.getByRole('radiogroup', { name: 'Redness: how bad is it?' }).getByLabel('Mild').check();
      await page.getByRole('radiogroup', { name: 'Redness: since it started, is it…' }).getByLabel('Getting better').check();
      await page.getByRole('radiogroup', { name: 'Redness: does it reach beyond the treated area?' }).getByLabel('No').check();
      await page.getByRole('button', { name: 'See the result' }).click();
      const level = page.getByRole('status').filter({ hasText: /Expected healing/ });
      await level.waitFor();
      await check(page, consoleErrors, `checkin-normal-${w}`);

      // An emergency check-in: breathing difficulty goes straight to the emergency screen.
      await page.getByRole('button', { name: 'Start a new check-in' }).click();
      await page.getByRole('radiogroup', { name: 'Are you having any difficulty breathing or wheezing?' }).getByLabel('Yes', { exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Call your emergency number now' }).waitFor();
      assert.match(page.url(), /#\/check-in\/emergency$/);
      await check(page, consoleErrors, `checkin-emergency-${w}`);

      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('primum.v1') ?? '{}') as { checkIns?: unknown[]; screening?: unknown });
      assert.ok(saved.screening, 'the screening is kept in the browser');
      assert.equal(saved.checkIns?.length, 2, 'both check-ins are kept in the browser');
      await context.close();
    });
  }
});
