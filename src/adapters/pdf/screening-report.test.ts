import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  NOW, clinicCheekPlan, healthyAdult, healthyClinicScreening, homeRfPlan, personWithRecentToxin, shippedKnowledge,
} from '../../../test/support/fixtures.js';
import { screen } from '../../core/screening/engine.js';
import { screeningInputSchema } from '../../core/screening/input.js';
import { sourceName } from '../../core/report/source-name.js';
import { dateInWords, gradeInWords } from '../../core/report/wording.js';
import { reportLabels, sanitizePdfText, screeningReportPdf, type ReportLabels } from './screening-report.js';

const kb = shippedKnowledge();
const schema = screeningInputSchema(kb);
const run = (x: unknown) => screen(kb, schema.parse(x), { now: NOW });
const labels: ReportLabels = reportLabels(kb);
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** A request that yields a bit of everything: open question, zones, conflicts, expert consensus, several pages. */
const richRequest = {
  person: { ...healthyAdult, pregnant: 'unknown', fitzpatrick: 5, procedures: [{ id: 'botulinum_toxin', date: '2026-11-25', inField: 'yes' }] },
  plan: {
    ...clinicCheekPlan,
    device: 'rf_mn_insulated',
    zones: [{ zone: 'cheek_medial_buccal', depthMm: 2.5, passes: 4 }, { zone: 'forehead', depthMm: 2, passes: 4 }],
  },
};

describe('screening report PDF', () => {
  it('sanitizes text for the standard PDF fonts (WinAnsi)', () => {
    assert.equal(sanitizePdfText('≥ ≤ → – — ‘x’ “y” …'), `>= <= -> - - 'x' "y" ...`);
    assert.equal(sanitizePdfText('≈ 2 − 1 ≠ 0 • μm'), '~ 2 - 1 != 0 - µm');
    assert.equal(sanitizePdfText('Décolletage § 3 · 40 °C ± 2 × ½'), 'Décolletage § 3 · 40 °C ± 2 × ½');
    assert.equal(sanitizePdfText('Győ, Łódź, 中'), 'Gyo, ?ódz, ?');
    assert.equal(sanitizePdfText('a\u00a0b\u200bc\u0007d\te'), 'a bcd e');
    assert.equal(sanitizePdfText('line 1\nline 2'), 'line 1\nline 2');
    assert.equal(sanitizePdfText('€ ™'), '€ ™');
    // Everything left is printable WinAnsi.
    const all = Array.from({ length: 0x2700 }, (_, i) => String.fromCodePoint(i)).join('');
    for (const ch of sanitizePdfText(all)) {
      const c = ch.codePointAt(0) ?? 0;
      assert.ok(ch === '\n' || (c >= 0x20 && c !== 0x7f && (c <= 0xff ? c >= 0xa0 || c < 0x7f : '€‚ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ'.includes(ch))), `U+${c.toString(16)}`);
    }
  });

  it('names sources in words: author and year, or the name the knowledge gives (never "article 003")', () => {
    assert.deepEqual(['trivedi2017', 'chu2021'].map((id) => sourceName(id)), ['Trivedi 2017', 'Chu 2021']);
    assert.equal(sourceName('fda2025rf', { citation: 'FDA Safety Communication on radiofrequency microneedling devices' }), 'FDA 2025');
    assert.equal(sourceName('chu2021', { citation: 'Chu S, Foulad DP.' }), 'Chu 2021');
    for (const s of kb.sources) {
      const name = sourceName(s.id, s);
      assert.doesNotMatch(name, /article ?\d{3}|_/i, s.id);
      assert.doesNotMatch(s.citation, /article ?\d{3}/i, s.id);
    }
    assert.equal(sourceName('article003', kb.sourcesById.get('article003')), 'Dermatology clinic blog (2023)');
  });

  it('calls a grade D web page a blog or web article, never expert opinion', () => {
    for (const s of kb.sources.filter((x) => x.type === 'WEB')) {
      assert.equal(gradeInWords(kb, s.grade, s.type).short, 'blog or web article', s.id);
    }
    assert.equal(gradeInWords(kb, 'D', 'IFU').short, 'expert opinion');
    assert.equal(gradeInWords(kb, 'B').short, 'good evidence');
  });

  it('labels zones and verdicts from the knowledge', () => {
    assert.equal(labels.zone('forehead'), 'Forehead');
    assert.equal(labels.verdict?.('do_not_treat'), 'Do not treat');
  });

  it('writes dates in words', () => {
    assert.equal(dateInWords(kb, '2026-12-09'), 'Wednesday 9 December 2026');
    assert.equal(dateInWords(kb, '2026-11-21T10:00:00.000Z'), 'Saturday 21 November 2026');
  });

  it('renders a deferred screening as a PDF with pages, deterministically', async () => {
    const r = run({ person: personWithRecentToxin, plan: clinicCheekPlan });
    assert.equal(r.verdict, 'defer');
    const pdf = await screeningReportPdf(r, labels);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pages(pdf) >= 1);
    assert.match(pdf.toString('latin1'), /%%EOF\s*$/);
    const again = await screeningReportPdf(r, labels);
    assert.ok(pdf.equals(again), 'same result, same bytes');
    assert.match(pdf.toString('latin1'), /\(D:20261121100000Z\)/, 'CreationDate from the stamp');
  });

  it('renders every verdict, and a long result over several numbered pages', async () => {
    for (const req of [healthyClinicScreening, { person: healthyAdult, plan: homeRfPlan }, richRequest]) {
      const pdf = await screeningReportPdf(run(req), labels);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    }
    const rich = run(richRequest);
    assert.ok(rich.findings.length >= 3 && Object.keys(rich.conflicts).length > 0);
    const pdf = await screeningReportPdf(rich, labels);
    assert.ok(pages(pdf) >= 2, `pages: ${pages(pdf)}`);
    // Write it for a look (pdftoppm -png -r 60 .artifacts/report.pdf .artifacts/report).
    const dir = fileURLToPath(new URL('../../../.artifacts/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}report.pdf`, pdf);
    writeFileSync(`${dir}report-defer.pdf`, await screeningReportPdf(run({ person: personWithRecentToxin, plan: clinicCheekPlan }), labels));
  });
});
