import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { NOW, clinicCheekPlan, healthyAdult, homeRfPlan, personWithRecentToxin } from '../support/fixtures.js';
import { scrollsSideways, seriousViolations, shot, startBrowserEnv, type BrowserEnv } from './harness.js';

let env: BrowserEnv;
before(async () => {
  // The fixtures' clock, so the dates in the report are the same whenever the test runs.
  env = await startBrowserEnv({ now: () => NOW });
});
after(async () => {
  await env.close();
});

const deferRequest = { person: personWithRecentToxin, plan: clinicCheekPlan };
/** An open question (pregnancy unknown), darker skin and RF: open questions, zones, conflicts, no date. */
const questionRequest = {
  person: { ...healthyAdult, pregnant: 'unknown', fitzpatrick: 5 },
  plan: { ...clinicCheekPlan, device: 'rf_mn_insulated', zones: [{ zone: 'cheek_medial_buccal', depthMm: 2.5, passes: 4 }, { zone: 'neck', depthMm: 2, passes: 4 }] },
};

/** Screens a request with the real API, as the questionnaire does, and returns what the store keeps. */
async function screening(request: unknown): Promise<{ request: unknown; result: unknown; at: string }> {
  const res = await fetch(`${env.base}/api/v1/screenings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  assert.equal(res.status, 200, await res.clone().text());
  return { request, result: await res.json(), at: NOW };
}

async function openReport(page: Page, saved: unknown): Promise<void> {
  await page.goto(`${env.base}/#/report`);
  await page.evaluate((data) => localStorage.setItem('primum.v1', JSON.stringify({ screeningAnswers: {}, checkIns: [], screening: data })), saved);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your screening report' }).waitFor();
}

describe('screening report page', () => {
  for (const width of [375, 1280]) {
    it(`a deferred screening at ${width} px: verdict first with its date, findings expand with grades, accessible`, async () => {
      const saved = await screening(deferRequest);
      const { page, context, consoleErrors } = await env.page(width);
      await openReport(page, saved);
      // The knowledge loads the verdict label.
      const banner = page.getByRole('status').filter({ hasText: 'Defer' });
      await banner.waitFor();
      assert.match(await banner.innerText(), /Not before Wednesday 9 December 2026/);
      // The verdict comes before the findings.
      const order = await page.evaluate(() => {
        const v = document.querySelector('[role="status"]');
        const d = document.querySelector('main details');
        return v && d ? v.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      assert.ok(order, 'the verdict banner comes before the findings');
      await page.getByRole('heading', { name: 'What must change' }).waitFor();
      await page.getByRole('button', { name: 'Print' }).waitFor();
      await page.getByRole('button', { name: 'Download PDF' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Get your aftercare plan' }).getAttribute('href'), '#/aftercare');
      assert.equal(await page.getByRole('link', { name: 'Start again' }).getAttribute('href'), '#/screen');
      const main = await page.locator('main').innerText();
      assert.match(main, /not yet been reviewed by a clinician/);
      assert.match(main, /Not for emergencies/);
      assert.match(main, /Knowledge version \d+\.\d+\.\d+/);

      // A finding: closed, then opened by keyboard, showing why, what to do, inputs and graded sources.
      const finding = page.locator('main details.finding').first();
      assert.equal(await finding.evaluate((d) => (d as HTMLDetailsElement).open), false);
      await finding.locator('summary').focus();
      await page.keyboard.press('Enter');
      assert.equal(await finding.evaluate((d) => (d as HTMLDetailsElement).open), true);
      const body = await finding.innerText();
      assert.match(body, /Why/);
      assert.match(body, /What to do/);
      assert.match(body, /For your practitioner/);
      assert.match(body, /Time since anti-wrinkle injections \(botulinum toxin\): 6 days/);
      assert.match(body, /Expert consensus/);
      await finding.locator('.grade-badge', { hasText: 'Grade D' }).first().waitFor();
      assert.match((await finding.locator('.grade-badge').first().getAttribute('title')) ?? '', /Grade D: Expert opinion/);
      // A web page (clinic_practice) of grade D is a blog or web article, never expert opinion.
      const web = finding.locator('.sources li', { hasText: 'Clinic aftercare pages' }).locator('.grade-badge');
      assert.match((await web.getAttribute('title')) ?? '', /Grade D: Blog or web article/);

      assert.deepEqual(await seriousViolations(page), []);
      assert.equal(await scrollsSideways(page), false);
      await shot(page, `report-defer-${width}`);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    });
  }

  it('open questions and conflicts: no date yet, what must happen first, sources disagree', async () => {
    const saved = await screening(questionRequest);
    const { page, context, consoleErrors } = await env.page(375);
    await openReport(page, saved);
    const banner = page.getByRole('status').filter({ hasText: 'Defer' });
    await banner.waitFor();
    assert.match(await banner.innerText(), /No date can be given yet/);
    await page.getByRole('heading', { name: /Questions that could change the answer/ }).waitFor();
    assert.match(await page.locator('main').innerText(), /Are you pregnant, or could you be pregnant\?/);
    // The zone finding lists its zones by label, and a disagreement shows both views and Primum's resolution.
    const rf = page.locator('main details.finding', { hasText: 'RF depth deeper than the depth reported' });
    await rf.locator('summary').click();
    const text = await rf.innerText();
    assert.match(text, /Inner and lower cheek/);
    assert.match(text, /Neck/);
    assert.match(text, /Sources disagree/);
    assert.match(text, /What Primum does/);
    assert.doesNotMatch(text, /article ?\d{3}/i);
    // The grade legend explains every grade, and tells a blog or web article (grade D) from expert opinion.
    await page.getByText('What do the evidence grades mean?').click();
    for (const g of ['A', 'B', 'C', 'D', 'R', 'U']) await page.locator('.grade-legend dt', { hasText: `Grade ${g}` }).first().waitFor();
    const legend = await page.locator('.grade-legend').innerText();
    assert.match(legend, /Expert opinion/);
    assert.match(legend, /Blog or web article/);
    assert.deepEqual(await seriousViolations(page), []);
    assert.equal(await scrollsSideways(page), false);
    await shot(page, 'report-questions-375');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  it('do not treat at 375 px, and at 200% zoom (640 px wide CSS viewport) without sideways scroll', async () => {
    const saved = await screening({ person: healthyAdult, plan: homeRfPlan });
    for (const width of [375, 640]) {
      const { page, context, consoleErrors } = await env.page(width);
      if (width === 640) await page.setViewportSize({ width: 640, height: 450 });
      await openReport(page, saved);
      await page.getByRole('status').filter({ hasText: 'Do not treat' }).waitFor();
      for (const d of await page.locator('main details').all()) await d.locator('summary').click();
      assert.equal(await scrollsSideways(page), false);
      assert.deepEqual(await seriousViolations(page), []);
      await shot(page, `report-dnt-${width}`);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    }
  });

  it('print view: all findings open, no navigation or buttons, black text; closes again after printing', async () => {
    const saved = await screening(questionRequest);
    const { page, context, consoleErrors } = await env.page(1280);
    await openReport(page, saved);
    await page.getByRole('status').filter({ hasText: 'Defer' }).waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const states = await page.locator('main details').evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    assert.ok(states.length > 0 && states.every(Boolean), 'every details element is open');
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
    assert.equal(await page.locator('.report .finding-body p').first().evaluate((p) => getComputedStyle(p).color), 'rgb(0, 0, 0)');
    // A finding's title stays with its first lines; boxes stay whole.
    assert.equal(await page.locator('.report .finding > summary').first().evaluate((p) => getComputedStyle(p).breakAfter), 'avoid');
    assert.equal(await page.locator('.report .note-box').first().evaluate((p) => getComputedStyle(p).breakInside), 'avoid');
    await shot(page, 'report-print');
    // A4 on paper, for a look: .artifacts/screenshots/report-print.pdf
    await page.pdf({ path: `${process.cwd()}/.artifacts/screenshots/report-print.pdf`, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const after = await page.locator('main details').evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    assert.ok(after.every((o) => !o), 'closed again after printing');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  it('Download PDF downloads the report as a PDF file', async () => {
    const saved = await screening(deferRequest);
    const { page, context, consoleErrors } = await env.page(375);
    await openReport(page, saved);
    await page.getByRole('status').filter({ hasText: 'Defer' }).waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    assert.equal(file.suggestedFilename(), 'primum-screening-report.pdf');
    assert.equal(readFileSync(await file.path()).subarray(0, 5).toString('latin1'), '%PDF-');
    await page.getByText('Your PDF has been downloaded').waitFor();
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  it('when the PDF cannot be made, it says so and points to Print', async () => {
    const saved = await screening(deferRequest);
    const { page, context, consoleErrors } = await env.page(375);
    await page.route('**/api/v1/screenings/report.pdf', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }));
    await openReport(page, saved);
    await page.getByRole('status').filter({ hasText: 'Defer' }).waitFor();
    await page.getByRole('button', { name: 'Download PDF' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be made' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Print/);
    assert.deepEqual(await seriousViolations(page), []);
    // The browser itself logs the failed request; nothing else.
    assert.ok(consoleErrors.every((e) => /status of 500/.test(e)), consoleErrors.join('\n'));
    await context.close();
  });

  it('without a saved screening it explains and links to the questionnaire', async () => {
    const { page, context, consoleErrors } = await env.page(375);
    await page.goto(`${env.base}/#/report`);
    await page.getByRole('heading', { level: 1, name: 'Your screening report' }).waitFor();
    assert.match(await page.locator('main').innerText(), /no screening report in this browser yet/);
    assert.equal(await page.getByRole('link', { name: 'Check a planned treatment' }).last().getAttribute('href'), '#/screen');
    assert.deepEqual(await seriousViolations(page), []);
    await shot(page, 'report-empty-375');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});
