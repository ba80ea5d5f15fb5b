// Aftercare plan, check-ins and the recovery chart, in a real browser at phone and desktop widths.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { readCalendar } from '../support/ics.js';
import { scrollsSideways, seriousViolations, shot, startBrowserEnv, type BrowserEnv } from './harness.js';

let env: BrowserEnv;
before(async () => {
  env = await startBrowserEnv();
});
after(async () => {
  await env.close();
});

/** Saves a treatment that ended 2 days and 1 hour ago (by the page's own clock), plus optional check-ins. */
async function seed(page: Page, opts: { checkIns?: number[] } = {}): Promise<void> {
  await page.goto(`${env.base}/#/privacy`);
  await page.evaluate(async (hoursList: number[]) => {
    const treatedAt = new Date(Date.now() - 49 * 3_600_000).toISOString();
    const treatment = {
      treatment: {
        treatedAt,
        setting: 'clinic',
        device: 'pen_motorised',
        zones: [
          { zone: 'cheek_medial_buccal', depthMm: 1.5 },
          { zone: 'forehead', depthMm: 0.5 },
        ],
        products: ['hyaluronic_acid_sterile'],
        numbingCream: false,
      },
      person: { fitzpatrick: 'unknown', conditions: [], medications: [] },
    };
    const noFlags: Record<string, string> = {};
    const kb = (await (await fetch('/api/v1/knowledge')).json()) as { vocabulary: { symptoms: { id: string; redFlag: boolean }[] } };
    for (const s of kb.vocabulary.symptoms) if (s.redFlag) noFlags[s.id] = 'no';
    const sev = ['severe', 'moderate', 'mild'] as const;
    const checkIns = [];
    for (const [i, h] of hoursList.entries()) {
      const at = new Date(Date.parse(treatedAt) + h * 3_600_000).toISOString();
      const request = {
        ...treatment,
        checkIn: { at },
        redFlags: noFlags,
        symptoms: [
          { id: 'redness', severity: sev[Math.min(i, 2)], trend: i === 0 ? 'same' : 'improving' },
          ...(i < 2 ? [{ id: 'swelling', severity: sev[i + 1], trend: 'improving' }] : []),
          ...(i === 0 ? [{ id: 'pain', severity: 'mild', trend: 'same' }] : []),
        ],
      };
      const res = await fetch('/api/v1/triage', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
      checkIns.push({ at, request, result: (await res.json()) as unknown });
    }
    localStorage.setItem('primum.v1', JSON.stringify({ screeningAnswers: {}, treatment, checkIns }));
  }, opts.checkIns ?? []);
}

async function expectClean(page: Page, consoleErrors: string[], name: string): Promise<void> {
  if (await scrollsSideways(page)) {
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className.toString()} ${Math.round(el.getBoundingClientRect().right)}`),
    );
    assert.fail(`sideways scroll on ${name}: ${wide.join(' | ')}`);
  }
  assert.deepEqual(await seriousViolations(page), [], `axe: ${name}`);
  assert.equal(await scrollsSideways(page), false, `no sideways scroll: ${name}`);
  await shot(page, name);
  assert.deepEqual(consoleErrors, [], `console: ${name}`);
}

async function answerAllWarningSigns(page: Page, answer: 'No' | 'Yes' | "I don't know"): Promise<number> {
  const groups = page.locator('fieldset.ci-question');
  await groups.first().waitFor();
  const n = await groups.count();
  for (let i = 0; i < n; i += 1) await groups.nth(i).getByLabel(answer, { exact: true }).check();
  return n;
}

describe('aftercare plan', () => {
  it('at 375 px: the treatment form checks its answers, then makes the plan', async () => {
    const { page, context, consoleErrors } = await env.page(375);
    await page.goto(`${env.base}/#/aftercare`);
    await page.getByRole('heading', { level: 1, name: 'Your aftercare plan' }).waitFor();
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please check' }).waitFor();
    assert.match(await page.getByRole('alert').first().innerText(), /date and time/);
    await expectClean(page, consoleErrors, 'aftercare-form-errors-375');

    const twoDaysAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 49 * 3_600_000);
      return [d.getFullYear(), '-', d.getMonth() + 1, '-', d.getDate(), 'T', d.getHours(), ':', d.getMinutes()]
        .map((x) => (typeof x === 'number' && x < 100 ? String(x).padStart(2, '0') : String(x)))
        .join('');
    });
    await page.getByLabel('When did your treatment end?').fill(twoDaysAgo);
    await page.getByRole('radio', { name: /Motorised microneedling pen/ }).check();
    await page.getByRole('radio', { name: /At a clinic/ }).check();
    await page.getByRole('checkbox', { name: 'Inner and lower cheek' }).check();
    await page.getByLabel('Needle depth for inner and lower cheek (mm)').fill('1.5');
    await page.getByRole('group', { name: /Think of your skin/ }).getByRole('radio', { name: "I don't know" }).check();
    await page.getByRole('checkbox', { name: /Dark marks after injury/ }).check();
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await page.locator('#timeline').getByText('Today', { exact: true }).waitFor();
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('primum.v1') ?? '{}') as { treatment?: { person: { conditions: unknown[] } } });
    assert.deepEqual(saved.treatment?.person.conditions, [{ id: 'pih_melasma', status: 'history' }]);
    // The person's history of dark marks makes the plan ask for SPF 50+.
    assert.match(await page.locator('main').innerText(), /SPF 50/);
    await expectClean(page, consoleErrors, 'aftercare-plan-from-form-375');
    await context.close();
  });

  for (const width of [375, 1280]) {
    it(`at ${width} px: timeline with today, normal-until and avoid bars, today card, .ics download`, async () => {
      const { page, context, consoleErrors } = await env.page(width);
      await seed(page);
      await page.goto(`${env.base}/#/aftercare`);
      await page.getByRole('heading', { level: 1, name: 'Your aftercare plan' }).waitFor();
      const timeline = page.locator('#timeline');
      await timeline.getByText('Today', { exact: true }).waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, /Today is day 2\./);
      assert.match(text, /Redness after treatment: normal until day 7/);
      assert.match(text, /Swelling after treatment: normal until day 5/);
      assert.match(text, /No makeup for 2 days.*: until day 2 .*at the very least until day 1/);
      assert.match(text, /Check-ins: day 1 .*day 3 /);
      assert.match(text, /Next session: not before/);
      assert.match(text, /Today: day 2/);
      assert.match(text, /Sources disagree:/);
      assert.match(text, /When to get help/);
      // Today is drawn at day 2 of the plan's days.
      const slot = await page.locator('.tl-axis .tl-today-slot').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const axis = el.parentElement!.getBoundingClientRect();
        return { from: (r.left - axis.left) / axis.width, to: (r.right - axis.left) / axis.width };
      });
      const days = Number(/runs to day (\d+)/.exec(text)?.[1]) + 1;
      assert.ok(Math.abs(slot.from - 2 / days) < 0.01 && Math.abs(slot.to - 3 / days) < 0.01, `today drawn at ${JSON.stringify(slot)}`);
      // Today is marked on every bar's track too.
      assert.ok((await page.locator('.tl-track .tl-today-slot').count()) > 10);
      // No check-ins yet: no chart.
      assert.equal(await page.locator('.rc').count(), 0);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download calendar (.ics)' }).click()]);
      assert.equal(download.suggestedFilename(), 'primum-aftercare.ics');
      const ics = readFileSync(await download.path(), 'utf8');
      assert.match(ics, /^BEGIN:VCALENDAR/);
      assert.ok(readCalendar(ics).getAllSubcomponents('vevent').length > 3);
      await expectClean(page, consoleErrors, `aftercare-plan-${width}`);

      await page.getByRole('button', { name: 'Edit treatment' }).click();
      assert.equal(await page.getByLabel('Needle depth for inner and lower cheek (mm)').inputValue(), '1.5');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await timeline.getByText('Today', { exact: true }).waitFor();
      await context.close();
    });
  }

  it('shows the recovery chart with the saved check-ins', async () => {
    const { page, context, consoleErrors } = await env.page(375);
    await seed(page, { checkIns: [3, 26, 48] });
    await page.goto(`${env.base}/#/aftercare`);
    await page.getByRole('heading', { name: 'Your recovery so far' }).waitFor();
    // 3 check-ins x 3 symptoms, each drawn as a marker (a symptom not reported counts as "none").
    assert.equal(await page.locator('.rc-svg circle').count(), 3);
    assert.equal(await page.locator('.rc-svg rect').count(), 3);
    assert.equal(await page.locator('.rc-svg g > path:not([fill-opacity])').count(), 3);
    assert.equal(await page.locator('.rc-svg polyline').count(), 3);
    assert.equal(await page.locator('.rc-svg path[fill-opacity]').count(), 3, 'one expected band per symptom');
    const table = await page.locator('.rc table').innerText();
    assert.match(table, /severe/);
    assert.match(table, /Day 2/);
    assert.match(await page.locator('.rc').innerText(), /guide, not a diagnosis/);
    await expectClean(page, consoleErrors, 'aftercare-chart-375');
    await context.close();
  });
});

describe('check-in', () => {
  it('without a saved treatment, sends the person to enter it first', async () => {
    const { page, context, consoleErrors } = await env.page(375);
    await page.goto(`${env.base}/#/check-in`);
    await page.getByRole('heading', { level: 1, name: 'Check in' }).waitFor();
    await page.getByRole('link', { name: 'Enter your treatment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your aftercare plan' }).waitFor();
    await expectClean(page, consoleErrors, 'checkin-no-treatment-375');
    await context.close();
  });

  for (const width of [375, 1280]) {
    it(`at ${width} px: a normal day-2 check-in is expected healing, with the chart`, async () => {
      const { page, context, consoleErrors } = await env.page(width);
      await seed(page);
      await page.goto(`${env.base}/#/check-in`);
      await page.getByRole('heading', { level: 1, name: 'Check in' }).waitFor();
      // The most urgent questions come first.
      const firstGroup = await page.locator('.ci-group h3').first().innerText();
      assert.equal(firstGroup, 'Signs that need help now');
      await page.getByRole('radiogroup', { name: 'Are you having any difficulty breathing or wheezing?' }).waitFor();
      await expectClean(page, consoleErrors, `checkin-warning-signs-${width}`);

      // Next with questions left: a clear message, focus on the first one left.
      await page.getByRole('radiogroup', { name: 'Are you having any difficulty breathing or wheezing?' }).getByLabel('No', { exact: true }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('alert').filter({ hasText: /Please answer \d+ more questions/ }).waitFor();
      assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'rf-throat_tongue_lip_swelling');

      const n = await answerAllWarningSigns(page, 'No');
      assert.ok(n >= 20, `${n} warning signs`);
      await page.getByLabel(/Your temperature in °C/).fill('36.8');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Step 2 of 3: What you notice').waitFor();
      // Browser back keeps the answers.
      await page.goBack();
      await page.getByText('Step 1 of 3: Warning signs').waitFor();
      assert.equal(await page.getByRole('radiogroup', { name: 'Do you have a fever (38.0 °C or higher) or feel hot and shivery?' }).getByLabel('No', { exact: true }).isChecked(), true);
      await page.goForward();
      await page.getByText('Step 2 of 3: What you notice').waitFor();

      await page.getByRole('checkbox', { name: /^Redness/ }).check();
      await page.getByRole('radiogroup', { name: 'Redness: how bad is it?' }).getByLabel('Mild').check();
      await page.getByRole('radiogroup', { name: 'Redness: since it started, is it…' }).getByLabel('Getting better').check();
      await page.getByRole('radiogroup', { name: 'Redness: does it reach beyond the treated area?' }).getByLabel('No').check();
      await expectClean(page, consoleErrors, `checkin-symptoms-${width}`);
      await page.getByRole('button', { name: 'See the result' }).click();

      const status = page.getByRole('status').filter({ hasText: 'Expected healing' });
      await status.waitFor();
      assert.match(await status.innerText(), /fits normal healing/);
      const main = await page.locator('main').innerText();
      assert.match(main, /Part of normal healing/);
      assert.match(main, /Redness after treatment/);
      assert.match(main, /Your next check-in/);
      assert.match(main, /When to get help/);
      await page.getByRole('heading', { name: 'Your recovery so far' }).waitFor();
      assert.equal(await page.locator('.rc-svg circle').count(), 1);
      await page.locator('.ci-findings summary').first().click();
      await page.locator('.ci-findings .after-sources').first().waitFor();

      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('primum.v1') ?? '{}') as { checkIns: { result: { level: string }; request: { temperatureC?: number } }[] });
      assert.equal(saved.checkIns.length, 1);
      assert.equal(saved.checkIns[0]?.result.level, 'self_care');
      assert.equal(saved.checkIns[0]?.request.temperatureC, 36.8);
      await expectClean(page, consoleErrors, `checkin-result-${width}`);

      // The result survives a reload, and the aftercare page now has the chart.
      await page.reload();
      await page.getByRole('status').filter({ hasText: 'Expected healing' }).waitFor();
      await page.getByRole('link', { name: 'Back to your aftercare plan' }).click();
      await page.getByRole('heading', { name: 'Your recovery so far' }).waitFor();
      await context.close();
    });
  }

  it('an emergency answer goes straight to the emergency screen', async () => {
    const { page, context, consoleErrors } = await env.page(375);
    await seed(page);
    await page.goto(`${env.base}/#/check-in/warning-signs`);
    await page.getByRole('radiogroup', { name: 'Are you having any difficulty breathing or wheezing?' }).getByLabel('Yes', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Call your emergency number now' }).waitFor();
    assert.match(page.url(), /#\/check-in\/emergency$/);
    const main = await page.locator('main').innerText();
    assert.match(main, /What to say/);
    assert.match(main, /difficulty breathing or wheezing/);
    assert.match(main, /Do not drive yourself/);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('primum.v1') ?? '{}') as { checkIns: { result: { level: string } }[] });
    assert.equal(saved.checkIns.at(-1)?.result.level, 'call_emergency_number');
    await expectClean(page, consoleErrors, 'checkin-emergency-375');

    // A mistaken answer can be taken back; the saved emergency check-in is removed.
    await page.getByRole('button', { name: /answered yes by mistake/ }).click();
    await page.getByText('Step 1 of 3: Warning signs').waitFor();
    const after = await page.evaluate(() => (JSON.parse(localStorage.getItem('primum.v1') ?? '{}') as { checkIns: unknown[] }).checkIns.length);
    assert.equal(after, 0);
    await context.close();
  });

  it('an eye emergency says to go to an emergency department', async () => {
    const { page, context, consoleErrors } = await env.page(1280);
    await seed(page);
    await page.goto(`${env.base}/#/check-in`);
    await answerAllWarningSigns(page, 'No');
    // Severe eye pain is an eye emergency (REFERENCE §7.1: emergency department); a sudden change in vision is also a
    // possible stroke (call the emergency number), so it is not the sign used here.
    await page.getByRole('radiogroup', { name: /severe pain in or around your eye/ }).getByLabel('Yes', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Go to an emergency department now' }).waitFor();
    await expectClean(page, consoleErrors, 'checkin-emergency-department-1280');
    await context.close();
  });
});
