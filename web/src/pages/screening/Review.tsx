// The review step: every answer with a "Change" link to its step, then "See my result" (POST /api/v1/screenings).
import { useRef, useState, type ReactNode } from 'react';
import { api, type Issue, type KnowledgeSummary } from '../../api.ts';
import { href, go } from '../../router.ts';
import type { useData } from '../../store.ts';
import {
  allergyEntries, asksOcclusion, asksPregnancy, buildRequest, conditionAsksSite, describeIssue, fieldId, formatDate, healthConditions,
  implantAsksSite, implantEntries, isRf, MATERIAL_LABELS, NEEDLES_LABELS, parseNumber, ROLE_LABELS, SETTING_LABELS, SEX_LABELS,
  STATUS_LABELS, stepForIssue, stepTitle, validateAll, YNU_LABELS, type Answers, type ListMode, type StepId, type YNU,
} from './model.ts';


const NOT_ANSWERED = 'Not answered yet';
const ynu = (v: YNU | undefined): string => (v ? YNU_LABELS[v] : NOT_ANSWERED);

function listSummary(mode: ListMode | undefined, items: ReactNode[]): ReactNode {
  if (mode === undefined) return NOT_ANSWERED;
  if (mode === 'none') return 'None';
  if (mode === 'unknown') return "I don't know";
  if (items.length === 0) return 'Yes, but none ticked yet';
  return <ul className="review-items">{items}</ul>;
}

function Section({ step, children }: { step: StepId; children: ReactNode }) {
  const title = stepTitle(step);
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <div className="review-head">
        <h3 id={`review-${step}`}>{title}</h3>
        <a href={href('screen', step)} className="review-change">
          Change<span className="sr-only"> {title.toLowerCase()}</span>
        </a>
      </div>
      <dl className="review-dl">{children}</dl>
    </section>
  );
}

const Row = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="review-row">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

function Summary({ a, kb }: { a: Answers; kb: KnowledgeSummary }) {
  const fitz = kb.fitzpatrick.answers.find((x) => x.id === a.fitzpatrickSelfReport);
  const device = kb.vocabulary.devices.find((d) => d.id === a.device);
  const products = kb.vocabulary.products.filter((p) => a.products?.[p.id]);
  const zones = kb.vocabulary.zones.filter((z) => (a.zones?.[z.id] ?? '').trim() !== '');
  return (
    <>
      <Section step="about-you">
        <Row term="Age">{a.ageUnknown ? "I don't know or prefer not to say" : a.age?.trim() ? `${a.age.trim()} years` : NOT_ANSWERED}</Row>
        <Row term="Sex">{a.sex ? SEX_LABELS[a.sex] : 'Not given'}</Row>
      </Section>
      {asksPregnancy(a) && (
        <Section step="pregnancy">
          <Row term="Pregnant">{ynu(a.pregnant)}</Row>
          <Row term="Breastfeeding">{ynu(a.breastfeeding)}</Row>
        </Section>
      )}
      <Section step="skin-type">
        <Row term="Skin type">
          {a.fitzpatrick === undefined
            ? NOT_ANSWERED
            : a.fitzpatrick !== 'unknown'
              ? `Type ${a.fitzpatrick}`
              : fitz
                ? `${fitz.label} (matches type ${fitz.type})`
                : a.fitzpatrickSelfReport === 'unknown'
                  ? "I don't know"
                  : NOT_ANSWERED}
        </Row>
      </Section>
      <Section step="health">
        <Row term="Conditions">
          {listSummary(
            a.conditionsMode,
            healthConditions(kb)
              .filter((c) => a.conditions?.[c.id])
              .map((c) => {
                const ans = a.conditions?.[c.id] ?? {};
                return (
                  <li key={c.id}>
                    {c.label}: {ans.status ? STATUS_LABELS[ans.status].toLowerCase() : 'status not answered'}
                    {conditionAsksSite(c) && `; in or next to the area: ${ynu(ans.inField).toLowerCase()}`}
                  </li>
                );
              }),
          )}
        </Row>
      </Section>
      <Section step="medicines">
        <Row term="Medicines">
          {listSummary(
            a.medicationsMode,
            kb.vocabulary.medications
              .filter((m) => a.medications?.[m.id])
              .map((m) => {
                const ans = a.medications?.[m.id] ?? {};
                const when = ans.when === 'still_taking' ? 'still taking' : ans.when === 'date' ? `last dose ${formatDate(ans.date) || 'date not given'}` : ans.when === 'unknown' ? "last dose: I don't know" : 'last dose not answered';
                return <li key={m.id}>{m.label}: {when}</li>;
              }),
          )}
        </Row>
      </Section>
      <Section step="procedures">
        <Row term="Earlier treatments">
          {listSummary(
            a.proceduresMode,
            kb.vocabulary.procedures
              .filter((p) => a.procedures?.[p.id])
              .map((p) => {
                const ans = a.procedures?.[p.id] ?? {};
                return (
                  <li key={p.id}>
                    {p.label}: {ans.dateUnknown ? "date: I don't know" : formatDate(ans.date) || 'date not given'}; in or next to the area: {ynu(ans.inField).toLowerCase()}
                  </li>
                );
              }),
          )}
        </Row>
      </Section>
      <Section step="allergies-implants">
        <Row term="Allergies">
          {listSummary(a.allergiesMode, allergyEntries(kb).filter((x) => a.allergies?.[x.id]).map((x) => <li key={x.id}>{x.label}</li>))}
        </Row>
        <Row term="Implants">
          {listSummary(
            a.implantsMode,
            implantEntries(kb)
              .filter((x) => a.implants?.[x.id])
              .map((x) => (
                <li key={x.id}>
                  {x.label}
                  {implantAsksSite(x) && `: in or next to the area: ${ynu(a.implants?.[x.id]?.inField).toLowerCase()}`}
                </li>
              )),
          )}
        </Row>
      </Section>
      <Section step="treatment">
        <Row term="Where">{a.setting ? SETTING_LABELS[a.setting] : NOT_ANSWERED}</Row>
        <Row term="Who">{a.operatorRole ? ROLE_LABELS[a.operatorRole] : NOT_ANSWERED}</Row>
        {a.operatorRole && a.operatorRole !== 'self' && <Row term="Licensed or registered">{ynu(a.licensed)}</Row>}
        <Row term="Device">{device?.label ?? NOT_ANSWERED}</Row>
        {isRf(kb, a) && <Row term="Insulated needles">{ynu(a.rfInsulated)}</Row>}
        {parseNumber(a.deviceLabelMaxDepthMm) !== null && <Row term="Longest needle on the label">{`${parseNumber(a.deviceLabelMaxDepthMm)} mm`}</Row>}
        <Row term="Needles">{a.needles ? NEEDLES_LABELS[a.needles] : NOT_ANSWERED}</Row>
        <Row term="Needle material">{a.needleMaterial ? MATERIAL_LABELS[a.needleMaterial] : NOT_ANSWERED}</Row>
        {a.setting === 'home' && <Row term="Used by someone else">{ynu(a.sharedDevice)}</Row>}
        <Row term="Products">
          {products.length === 0 ? 'None' : (
            <ul className="review-items">
              {products.map((p) => <li key={p.id}>{p.label}: sterile: {ynu(a.products?.[p.id]?.sterile).toLowerCase()}</li>)}
            </ul>
          )}
        </Row>
        <Row term="Numbing cream">{ynu(a.numbingUsed)}</Row>
        {asksOcclusion(kb, a) && <Row term="Covered, or on a large area">{ynu(a.numbingOccluded)}</Row>}
        <Row term="For">{kb.vocabulary.indications.find((i) => i.id === a.indication)?.label ?? NOT_ANSWERED}</Row>
        <Row term="Planned date">{formatDate(a.plannedDate) || NOT_ANSWERED}</Row>
      </Section>
      <Section step="areas">
        <Row term="Areas and depth">
          {zones.length === 0 ? NOT_ANSWERED : (
            <ul className="review-items">
              {zones.map((z) => {
                const n = parseNumber(a.zones?.[z.id]);
                return <li key={z.id}>{z.label}: {n === null ? a.zones?.[z.id] : `${n} mm`}</li>;
              })}
            </ul>
          )}
        </Row>
      </Section>
    </>
  );
}

interface Problem { step: StepId; text: string }

export function Review({ a, kb, update, onBack }: { a: Answers; kb: KnowledgeSummary; update: ReturnType<typeof useData>[1]; onBack: () => void }) {
  const [problems, setProblems] = useState<{ title: string; items: Problem[] } | null>(null);
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const missing = validateAll(a, kb);

  const show = (title: string, items: Problem[]) => {
    setProblems({ title, items });
    requestAnimationFrame(() => box.current?.focus());
  };

  const submit = async () => {
    if (sending) return;
    if (missing.length) {
      show('Some answers are missing or need a change', missing.map((m) => ({ step: m.step, text: m.message })));
      return;
    }
    const request = buildRequest(a, kb);
    setSending(true);
    setProblems(null);
    const r = await api.screen(request);
    setSending(false);
    if (r.ok) {
      update((d) => ({ ...d, screening: { request, result: r.value, at: new Date().toISOString() } }));
      go('report');
      return;
    }
    show(
      'Primum could not work out a result from these answers',
      r.issues.map((i: Issue) => ({ step: stepForIssue(i.path, a), text: i.path.startsWith('(') ? i.message : describeIssue(i, request, kb) })),
    );
  };

  return (
    <>
      <p>Check your answers. Use “Change” to go back to a step; your other answers are kept.</p>
      <Summary a={a} kb={kb} />
      {missing.length > 0 && !problems && (
        <p className="notice notice-info">
          {missing.length === 1 ? '1 answer is' : `${missing.length} answers are`} still missing or need a change. “See my result” lists them.
        </p>
      )}
      <div ref={box} tabIndex={-1} className="review-problems-anchor" id={fieldId('review-problems')}>
        {problems && (
          <div className="notice notice-error" role="alert">
            <h3>{problems.title}</h3>
            <ul>
              {problems.items.map((p, i) => (
                <li key={i}>
                  {p.text}{' '}
                  {p.step !== 'review' && (
                    <a href={href('screen', p.step)}>
                      Fix this in “{stepTitle(p.step)}”
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <p role="status" className="review-status">{sending ? 'Working out your result…' : ''}</p>
      <div className="actions q-actions">
        <button type="button" className="secondary" onClick={onBack}>Back</button>
        <button type="button" onClick={() => void submit()} aria-disabled={sending || undefined}>
          See my result
        </button>
      </div>
    </>
  );
}
