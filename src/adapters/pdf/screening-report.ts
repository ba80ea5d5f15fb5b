// The screening report as a PDF (A4), drawn with pdfkit's built-in Helvetica fonts: no network, no font files.
// Deterministic for a given result: the document's dates come from the result's stamp, never from the clock.
import PDFDocument from 'pdfkit';
import { textOf } from '../../core/common/text.js';
import type { Knowledge } from '../../core/knowledge/compile.js';
import type { Verdict } from '../../core/knowledge/schema.js';
import type { ScreeningFinding, ScreeningResult } from '../../core/screening/engine.js';
import { factInWords, type FactWording, type VocabLabel } from '../../core/report/fact-words.js';
import { sourceName, type SourceInfo } from '../../core/report/source-name.js';
import { actionInWords, dateInWords, gradeInWords, gradeLegend, provisionalDateWords } from '../../core/report/wording.js';

export interface ReportLabels {
  /** The knowledge's texts and fact labels: the report's words. */
  words: FactWording;
  /** A source as the knowledge records it (its name and type); defaults to the result's entry. */
  source?(id: string): SourceInfo | undefined;
  /** A zone's label (from the knowledge vocabulary). */
  zone(id: string): string;
  /** A verdict's label (from the knowledge's verdicts); defaults to the id in words ("Proceed with precautions"). */
  verdict?(id: Verdict): string;
  /** A vocabulary id's label, for the answers a finding used; defaults to the id. */
  vocab?: VocabLabel;
}

/** Zone and verdict labels from the knowledge base. */
export function reportLabels(kb: Knowledge): ReportLabels {
  return {
    words: kb,
    source: (id) => kb.sourcesById.get(id),
    zone: (id) => kb.zones.find((z) => z.id === id)?.label ?? id,
    vocab: (vocab, id) => (kb[vocab] as readonly { id: string; label: string }[]).find((x) => x.id === id)?.label ?? id,
    verdict: (id) => kb.verdicts.find((v) => v.id === id)?.label ?? id,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Text that the standard PDF fonts can show.

/** Characters outside Windows-1252 (the only ones Helvetica/WinAnsi can show), and typographic marks, in plain text. */
const REPLACE: Readonly<Record<string, string>> = {
  '≥': '>=', '≤': '<=', '≠': '!=', '≈': '~', '∼': '~', '−': '-', '∓': '-/+', '÷': '/', 'μ': 'µ',
  '→': '->', '←': '<-', '↔': '<->', '⇒': '=>', '⇐': '<=', '↑': 'up', '↓': 'down',
  '–': '-', '—': '-', '―': '-', '‐': '-', '‑': '-', '‒': '-',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"',
  '…': '...', '•': '-', '‧': '-', '∙': '-',
  '⅓': '1/3', '⅔': '2/3', '✓': 'yes', '✔': 'yes', '✗': 'no', '✘': 'no',
  '\u00a0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ', '\u2007': ' ', '\u2008': ' ',
  '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '', '\u00ad': '',
};

/** Characters above Latin-1 that WinAnsi (and so pdfkit's standard fonts) can show as they are. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Makes text safe for pdfkit's standard fonts, which only cover WinAnsi (Windows-1252): typographic marks and
 * symbols become plain ASCII (≥ → ">="), accented letters outside Latin-1 lose their accent (ő → o), anything else
 * becomes "?". Line breaks are kept; other control characters are dropped.
 */
export function sanitizePdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const mapped = REPLACE[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n') out += ch;
    else if (ch === '\t' || ch === '\r') out += ch === '\t' ? ' ' : '';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((c) => (c.codePointAt(0) ?? 0x100) <= 0xff && (c.codePointAt(0) ?? 0) >= 0x20) && base ? base : '?';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Words (shared in meaning with the web report page).

const verdictWords = (id: string): string => {
  const s = id.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};


// ---------------------------------------------------------------------------------------------------------------
// Drawing.

type Doc = PDFKit.PDFDocument;

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const LINE = '#c8c8c8';
const BODY = 10.5;
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };

const VERDICT_COLOURS: Readonly<Record<Verdict, { ink: string; bg: string }>> = {
  proceed: { ink: '#166534', bg: '#dcfce7' },
  proceed_with_precautions: { ink: '#854d0e', bg: '#fef3c7' },
  defer: { ink: '#9a3412', bg: '#ffedd5' },
  do_not_treat: { ink: '#991b1b', bg: '#fee2e2' },
};
const GRADE_COLOURS: Readonly<Record<string, { ink: string; bg: string }>> = {
  A: { ink: '#166534', bg: '#dcfce7' },
  B: { ink: '#166534', bg: '#dcfce7' },
  C: { ink: '#3730a3', bg: '#e0e7ff' },
  R: { ink: '#3730a3', bg: '#e0e7ff' },
  D: { ink: '#374151', bg: '#f3f4f6' },
  U: { ink: '#374151', bg: '#f3f4f6' },
};

class Writer {
  readonly left = MARGIN.left;
  readonly width: number;
  constructor(readonly doc: Doc) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  /** The height of a paragraph, without the gap after its last line. */
  height(text: string, size: number, font: string, width = this.width, gap = 1.5): number {
    return this.doc.font(font).fontSize(size).heightOfString(sanitizePdfText(text), { width, lineGap: gap }) - gap;
  }

  heading(text: string, size = 14): void {
    this.ensure(size * 1.4 + 40);
    this.doc.moveDown(0.6);
    this.doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(sanitizePdfText(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.25);
  }

  para(text: string, opts: { size?: number; font?: string; color?: string; indent?: number; after?: number } = {}): void {
    const size = opts.size ?? BODY;
    const font = opts.font ?? 'Helvetica';
    const indent = opts.indent ?? 0;
    this.ensure(Math.min(this.height(text, size, font, this.width - indent), size * 3));
    this.doc.font(font).fontSize(size).fillColor(opts.color ?? INK)
      .text(sanitizePdfText(text), this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 1.5 });
    this.doc.moveDown(opts.after ?? 0.3);
  }

  /** A bold label, then the text on the same line. */
  labelled(label: string, text: string, indent = 0): void {
    const all = `${label} ${text}`;
    this.ensure(Math.min(this.height(all, BODY, 'Helvetica', this.width - indent), BODY * 3));
    this.doc.font('Helvetica-Bold').fontSize(BODY).fillColor(INK)
      .text(sanitizePdfText(`${label} `), this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 1.5, continued: true })
      .font('Helvetica').text(sanitizePdfText(text));
    this.doc.moveDown(0.3);
  }

  bullets(items: readonly string[], indent = 0): void {
    for (const item of items) {
      const x = this.left + indent;
      this.ensure(Math.min(this.height(item, BODY, 'Helvetica', this.width - indent - 14), BODY * 3));
      const y = this.doc.y;
      this.doc.circle(x + 4, y + 5.5, 1.8).fill(INK);
      this.doc.font('Helvetica').fontSize(BODY).fillColor(INK).text(sanitizePdfText(item), x + 14, y, { width: this.width - indent - 14, lineGap: 1.5 });
      this.doc.moveDown(0.2);
    }
    this.doc.x = this.left;
    this.doc.moveDown(0.15);
  }

  /** A grade badge ("B" in a coloured rounded box, with a border so it reads in black and white too). */
  badge(grade: string, x: number, y: number): void {
    const c = GRADE_COLOURS[grade] ?? { ink: INK, bg: '#ffffff' };
    this.doc.roundedRect(x, y, 15, 12.5, 3).fillAndStroke(c.bg, c.ink);
    this.doc.font('Helvetica-Bold').fontSize(8.5).fillColor(c.ink).text(grade, x, y + 2.6, { width: 15, align: 'center', lineBreak: false });
  }

  /** One source: badge, full citation and what it supports. */
  source(grade: string, text: string, indent = 0): void {
    const x = this.left + indent;
    const w = this.width - indent - 22;
    this.ensure(Math.min(this.height(text, 9.5, 'Helvetica', w), 40));
    const y = this.doc.y;
    this.badge(grade, x, y);
    this.doc.font('Helvetica').fontSize(9.5).fillColor(INK).text(sanitizePdfText(text), x + 22, y, { width: w, lineGap: 1.2 });
    this.doc.x = this.left;
    this.doc.moveDown(0.3);
  }

  /** A box with a coloured border (and optional fill) around lines of text. */
  box(lines: readonly { text: string; bold?: boolean; size?: number }[], colours: { ink: string; bg: string }, opts: { pad?: number; indent?: number } = {}): void {
    const pad = opts.pad ?? 8;
    const x = this.left + (opts.indent ?? 0);
    const w = this.width - (opts.indent ?? 0);
    const inner = w - 2 * pad;
    const gap = 3;
    const heights = lines.map((l) => this.height(l.text, l.size ?? BODY, l.bold ? 'Helvetica-Bold' : 'Helvetica', inner));
    const h = heights.reduce((a, b) => a + b, 0) + gap * (lines.length - 1) + 2 * pad;
    this.ensure(Math.min(h, this.bottom - MARGIN.top));
    const y0 = this.doc.y;
    this.doc.save().lineWidth(1.2).rect(x, y0, w, h).fillAndStroke(colours.bg, colours.ink).restore();
    let y = y0 + pad;
    lines.forEach((l, i) => {
      this.doc.font(l.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(l.size ?? BODY).fillColor(INK)
        .text(sanitizePdfText(l.text), x + pad, y, { width: inner, lineGap: 1.5 });
      y += (heights[i] ?? 0) + gap;
    });
    this.doc.x = this.left;
    this.doc.y = y0 + h;
    this.doc.moveDown(0.5);
  }

  rule(): void {
    this.doc.save().moveTo(this.left, this.doc.y).lineTo(this.left + this.width, this.doc.y).lineWidth(0.7).stroke(LINE).restore();
    this.doc.moveDown(0.5);
  }
}

/** The verdict's shape, so the verdict never rests on colour alone: check, triangle, clock, stop sign. */
function verdictIcon(doc: Doc, verdict: Verdict, x: number, y: number, size: number, ink: string): void {
  const c = size / 2;
  doc.save();
  switch (verdict) {
    case 'proceed':
      doc.circle(x + c, y + c, c).fill(ink);
      doc.moveTo(x + size * 0.27, y + size * 0.52).lineTo(x + size * 0.44, y + size * 0.69).lineTo(x + size * 0.74, y + size * 0.34)
        .lineWidth(size * 0.11).lineCap('round').lineJoin('round').stroke('#ffffff');
      break;
    case 'proceed_with_precautions':
      doc.polygon([x + c, y + size * 0.04], [x + size, y + size * 0.94], [x, y + size * 0.94]).fill(ink);
      doc.roundedRect(x + c - size * 0.055, y + size * 0.33, size * 0.11, size * 0.33, size * 0.05).fill('#ffffff');
      doc.circle(x + c, y + size * 0.79, size * 0.065).fill('#ffffff');
      break;
    case 'defer':
      doc.circle(x + c, y + c, c).fill(ink);
      doc.circle(x + c, y + c, c * 0.74).lineWidth(size * 0.06).stroke('#ffffff');
      doc.moveTo(x + c, y + size * 0.26).lineTo(x + c, y + c).lineTo(x + size * 0.7, y + size * 0.62)
        .lineWidth(size * 0.09).lineCap('round').lineJoin('round').stroke('#ffffff');
      break;
    case 'do_not_treat': {
      const r = c;
      const pts: [number, number][] = [];
      for (let i = 0; i < 8; i++) {
        const a = Math.PI / 8 + (i * Math.PI) / 4;
        pts.push([x + c + r * Math.cos(a), y + c + r * Math.sin(a)]);
      }
      doc.polygon(...pts).fill(ink);
      doc.rect(x + size * 0.2, y + c - size * 0.08, size * 0.6, size * 0.16).fill('#ffffff');
      break;
    }
  }
  doc.restore();
}

function effectInWords(f: ScreeningFinding, verdictLabel: (v: Verdict) => string): string {
  return f.status === 'applies'
    ? `This sets the answer to: ${verdictLabel(f.severity)}.`
    : `This needs an answer. Until it is answered: ${verdictLabel(f.severity)}.`;
}

function finding(w: Writer, f: ScreeningFinding, result: ScreeningResult, labels: ReportLabels, verdictLabel: (v: Verdict) => string, n: number): void {
  const doc = w.doc;
  w.ensure(110);
  w.rule();
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(sanitizePdfText(`${n}. ${f.title}`), w.left, doc.y, { width: w.width });
  doc.moveDown(0.3);
  if (f.zones?.length) w.labelled('Where:', f.zones.map((z) => labels.zone(z)).join(', '));
  w.labelled('What it means:', effectInWords(f, verdictLabel));
  if (f.question) w.labelled('Question to answer:', f.question);
  w.labelled('Why:', f.forPerson);
  w.labelled('What to do:', actionInWords(labels.words, f));
  w.labelled('For your practitioner:', f.forPractitioner);
  const inputs = Object.entries(f.inputs);
  if (inputs.length) {
    w.labelled('Answers it used:', inputs.map(([k, v]) => factInWords(labels.words, k, v, labels.vocab ?? ((_v, id) => id))).map((x) => `${x.label}: ${x.value}`).join('; '));
  }
  if (f.sources.length) {
    w.para('Sources:', { font: 'Helvetica-Bold', after: 0.2 });
    for (const s of f.sources) {
      const entry = labels.source?.(s.id) ?? result.sources[s.id];
      const text = `${entry?.citation ?? sourceName(s.id, entry)} (${gradeInWords(labels.words, s.grade, entry?.type).short})${s.note ? ` (Supports: ${s.note})` : ''}`;
      w.source(s.grade, text, 10);
    }
  }
  if (f.expertConsensus) w.box([{ text: 'Expert consensus', bold: true }, { text: f.expertConsensus }], { ink: '#6366f1', bg: '#eef2ff' }, { indent: 10 });
  for (const id of f.conflicts) {
    const c = result.conflicts[id];
    if (!c) continue;
    w.box(
      [
        { text: `Sources disagree: ${c.topic}`, bold: true },
        ...c.positions.map((p, i) => ({ text: `View ${i + 1}: ${p.summary} (${p.sources.length === 1 ? 'source' : 'sources'}: ${p.sources.map((id) => sourceName(id, labels.source?.(id) ?? result.sources[id])).join(', ')})` })),
        { text: `What Primum does: ${c.resolution}` },
      ],
      { ink: '#854d0e', bg: '#fffbeb' },
      { indent: 10 },
    );
  }
  w.labelled('Limits:', f.limits);
  w.para(`Rule ${f.ruleId}, version ${f.ruleVersion}`, { size: 8.5, color: MUTED });
}

/** The screening report as an A4 PDF. */
export function screeningReportPdf(result: ScreeningResult, labels: ReportLabels): Promise<Buffer> {
  const verdictLabel = (v: Verdict): string => labels.verdict?.(v) ?? verdictWords(v);
  const created = new Date(result.stamp.evaluatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: 'Primum screening report',
      Author: 'Primum',
      Subject: `Microneedling screening: ${verdictLabel(result.verdict)}`,
      Creator: 'Primum',
      Producer: 'Primum (PDFKit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = new Writer(doc);

  // Title and date.
  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text('Your screening report', w.left, MARGIN.top, { width: w.width });
  doc.moveDown(0.2);
  w.para(`Primum microneedling safety check, made on ${dateInWords(labels.words, result.stamp.evaluatedAt)}.`, { color: MUTED, after: 0.6 });

  // Emergency notice first.
  w.box([{ text: result.notices.emergency, bold: true }], { ink: '#991b1b', bg: '#fee2e2' }, { pad: 7 });

  // The verdict: a coloured box with a shape AND words.
  const colours = VERDICT_COLOURS[result.verdict];
  const iconSize = 34;
  const pad = 12;
  const textX = w.left + pad + iconSize + 12;
  const textW = w.width - (textX - w.left) - pad;
  const label = `Answer: ${verdictLabel(result.verdict)}`;
  const dateLine = result.verdict === 'defer'
    ? result.earliestDate ? `${textOf(labels.words, 'action_not_before', { date: dateInWords(labels.words, result.earliestDate) })}${result.earliestDateProvisional ? ` ${provisionalDateWords(labels.words)}` : ''}` : 'No date can be given yet. First, what is listed under "What must change" has to happen.'
    : null;
  const hLabel = w.height(label, 17, 'Helvetica-Bold', textW);
  const hWords = w.height(result.summary, 11.5, 'Helvetica', textW);
  const hDate = dateLine ? w.height(dateLine, 11.5, 'Helvetica-Bold', textW) + 4 : 0;
  const boxH = Math.max(iconSize, hLabel + 4 + hWords + hDate) + 2 * pad;
  const y0 = doc.y;
  doc.save().lineWidth(2).rect(w.left, y0, w.width, boxH).fillAndStroke(colours.bg, colours.ink).restore();
  verdictIcon(doc, result.verdict, w.left + pad, y0 + pad, iconSize, colours.ink);
  doc.font('Helvetica-Bold').fontSize(17).fillColor(INK).text(sanitizePdfText(label), textX, y0 + pad, { width: textW, lineGap: 1.5 });
  doc.font('Helvetica').fontSize(11.5).fillColor(INK).text(sanitizePdfText(result.summary), textX, y0 + pad + hLabel + 4, { width: textW, lineGap: 1.5 });
  if (dateLine) doc.font('Helvetica-Bold').fontSize(11.5).text(sanitizePdfText(dateLine), textX, y0 + pad + hLabel + 4 + hWords + 4, { width: textW, lineGap: 1.5 });
  doc.x = w.left;
  doc.y = y0 + boxH;
  doc.moveDown(0.4);

  if (result.mustChange.length) {
    w.heading('What must change');
    w.bullets(result.mustChange);
  }
  if (result.questions.length) {
    w.heading(`Questions that could change the answer (${result.questionsRemaining})`);
    w.bullets(result.questions.map((q) => q.question));
  }

  w.heading(result.findings.length ? `What Primum found (${result.findings.length})` : 'What Primum found');
  if (!result.findings.length) w.para('No rule raised a concern for this plan.');
  result.findings.forEach((f, i) => finding(w, f, result, labels, verdictLabel, i + 1));

  if (result.alternatives.length) {
    w.heading('Other options');
    w.bullets(result.alternatives);
  }

  w.heading('What the evidence grades mean', 12);
  for (const g of gradeLegend(labels.words)) w.source(g.grade, g.words);

  w.heading('About this report', 12);
  if (result.notices.review) w.box([{ text: result.notices.review, bold: true }], { ink: '#854d0e', bg: '#fef3c7' }, { pad: 7 });
  w.para(result.notices.intendedUse);
  w.para(
    `Knowledge version ${result.stamp.knowledgeVersion} (${result.stamp.clinicalReview}), engine version ${result.stamp.engineVersion}, ` +
      `checked ${result.stamp.evaluatedAt}.`,
    { size: 9, color: MUTED },
  );
  w.para(`Knowledge fingerprint: ${result.stamp.knowledgeHash}`, { size: 9, color: MUTED });
  w.para(result.notices.emergency, { font: 'Helvetica-Bold' });

  // Footer on every page: what this is, and page x of n.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 24;
    doc.save().moveTo(w.left, y - 8).lineTo(w.left + w.width, y - 8).lineWidth(0.5).stroke(LINE).restore();
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED)
      .text(sanitizePdfText(`Primum screening report - knowledge ${result.stamp.knowledgeVersion}, ${result.stamp.clinicalReview}`), w.left, y, { width: w.width - 80, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, w.left + w.width - 80, y, { width: 80, align: 'right', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
