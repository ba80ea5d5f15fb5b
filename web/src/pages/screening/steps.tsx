// The questionnaire's steps about the person and the plan (the areas and review steps have their own files).
import type { ReactNode } from 'react';
import type { KnowledgeSummary, VocabEntry } from '../../api.ts';
import { FitzpatrickHelper } from '../../components/FitzpatrickHelper.tsx';
import { Checkbox, RadioGroup, TextArea, TextField, YesNoUnknown } from './fields.tsx';
import {
  allergyEntries, asksOcclusion, conditionAsksSite, devicesFor, fieldId, groupConditions, healthConditions, implantAsksSite,
  implantEntries, isRf, LIST_MODE_LABELS, MATERIAL_LABELS, NEEDLES_LABELS, ROLE_LABELS, SETTING_LABELS, SEX_LABELS,
  STATUS_LABELS, type Answers, type ConditionStatus, type Errors, type ListMode, type NeedleMaterial, type Needles,
  type Role, type Sex,
} from './model.ts';

export interface StepProps {
  a: Answers;
  set: (fn: (a: Answers) => Answers) => void;
  errors: Errors;
  kb: KnowledgeSummary;
}

const entries = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** Adds or removes an item of a record of chosen items. */
function toggle<T>(rec: Record<string, T> | undefined, id: string, on: boolean, init: T): Record<string, T> {
  const out = { ...rec };
  if (on) out[id] = out[id] ?? init;
  else delete out[id];
  return out;
}

/** A list question: first "do any apply?" (yes / no / I don't know), then the list to tick. */
function ListQuestion(props: {
  id: string;
  legend: ReactNode;
  hint: ReactNode;
  mode: ListMode | undefined;
  onMode: (m: ListMode) => void;
  errors: Errors;
  children: ReactNode;
}) {
  const { id, legend, hint, mode, onMode, errors, children } = props;
  const listError = errors[`${id}-list`];
  return (
    <>
      <RadioGroup
        id={id}
        legend={legend}
        hint={hint}
        value={mode}
        onChange={onMode}
        error={errors[id]}
        inline
        options={[
          { value: 'some', label: LIST_MODE_LABELS.some },
          { value: 'none', label: 'No' },
          { value: 'unknown', label: LIST_MODE_LABELS.unknown },
        ]}
      />
      {mode === 'some' && (
        <div className="q-list" id={`${id}-list`} data-invalid={listError ? 'true' : undefined} tabIndex={listError ? -1 : undefined}>
          {listError && (
            <p className="field-error q-error" id={`${id}-list-error`}>
              <span aria-hidden="true" className="q-error-icon">!</span> {listError}
            </p>
          )}
          {children}
        </div>
      )}
    </>
  );
}

/** One tickable vocabulary entry, with its follow-up questions shown when ticked. */
function VocabItem(props: { id: string; entry: VocabEntry; checked: boolean; onChange: (on: boolean) => void; children?: ReactNode }) {
  const { id, entry, checked, onChange, children } = props;
  return (
    <li className={checked ? 'q-item q-item-on' : 'q-item'}>
      <Checkbox id={id} label={entry.label} hint={entry.description} checked={checked} onChange={onChange} />
      {checked && children && <div className="q-follow">{children}</div>}
    </li>
  );
}

const sr = (text: string) => <span className="sr-only">{text}: </span>;

// ---------------------------------------------------------------------------------------------------------------

export function AboutYou({ a, set, errors }: Omit<StepProps, 'kb'>) {
  return (
    <>
      <p>A few questions about you. Your answers stay in this browser and are saved as you go.</p>
      <TextField
        id={fieldId('age')}
        label="Your age"
        hint="In whole years."
        type="number"
        inputMode="numeric"
        min={0}
        max={120}
        step={1}
        className="q-short"
        value={a.ageUnknown ? '' : (a.age ?? '')}
        disabled={a.ageUnknown === true}
        onChange={(v) => set((x) => ({ ...x, age: v }))}
        error={errors[fieldId('age')]}
      />
      <Checkbox
        id={fieldId('age-unknown')}
        label="I don't know or prefer not to say"
        checked={a.ageUnknown === true}
        onChange={(on) => set((x) => ({ ...x, ageUnknown: on }))}
      />
      <RadioGroup<Sex>
        id={fieldId('sex')}
        legend="Your sex"
        hint="This tells Primum whether to ask about pregnancy. You can choose not to say."
        value={a.sex}
        onChange={(v) => set((x) => ({ ...x, sex: v }))}
        options={entries(SEX_LABELS)}
      />
    </>
  );
}

export function Pregnancy({ a, set, errors }: Omit<StepProps, 'kb'>) {
  return (
    <>
      <p>Primum asks because some advice is different during pregnancy and breastfeeding.</p>
      <YesNoUnknown
        id={fieldId('pregnant')}
        legend="Are you pregnant, or could you be?"
        value={a.pregnant}
        onChange={(v) => set((x) => ({ ...x, pregnant: v }))}
        error={errors[fieldId('pregnant')]}
      />
      <YesNoUnknown
        id={fieldId('breastfeeding')}
        legend="Are you breastfeeding?"
        value={a.breastfeeding}
        onChange={(v) => set((x) => ({ ...x, breastfeeding: v }))}
        error={errors[fieldId('breastfeeding')]}
      />
    </>
  );
}

export function SkinType({ a, set, errors, kb }: StepProps) {
  const byType = new Map(kb.fitzpatrick.answers.map((x) => [x.type, x]));
  return (
    <>
      <p>Skin type (the Fitzpatrick scale, from 1 to 6) describes how your skin reacts to sun. Some advice depends on it.</p>
      <RadioGroup
        id={fieldId('fitzpatrick')}
        legend="What is your skin type?"
        hint="A skin specialist or clinic may have told you. If you are not sure, choose “I don't know my skin type” and answer one question instead."
        value={a.fitzpatrick}
        onChange={(v) => set((x) => ({ ...x, fitzpatrick: v }))}
        error={errors[fieldId('fitzpatrick')]}
        options={[
          ...[1, 2, 3, 4, 5, 6].map((t) => ({ value: String(t), label: `Type ${t}`, hint: byType.get(t)?.label })),
          { value: 'unknown', label: "I don't know my skin type" },
        ]}
      />
      {a.fitzpatrick === 'unknown' && (
        <FitzpatrickHelper
          kb={kb}
          id={fieldId('fitzpatrick-self')}
          value={a.fitzpatrickSelfReport}
          onChange={(v) => set((x) => ({ ...x, fitzpatrickSelfReport: v }))}
          error={errors[fieldId('fitzpatrick-self')]}
        />
      )}
    </>
  );
}

export function Health({ a, set, errors, kb }: StepProps) {
  const chosen = a.conditions ?? {};
  return (
    <>
      <ListQuestion
        id={fieldId('conditions')}
        legend="Do you have, or have you had, any skin or health conditions?"
        hint="Choose “Yes” to see the list and tick the ones that apply."
        mode={a.conditionsMode}
        onMode={(m) => set((x) => ({ ...x, conditionsMode: m }))}
        errors={errors}
      >
        {groupConditions(healthConditions(kb)).map((g) => (
          <fieldset key={g.title} className="q-set">
            <legend>{g.title}</legend>
            <ul className="q-items">
              {g.items.map((c) => {
                const ans = chosen[c.id];
                const update = (p: Partial<{ status: ConditionStatus; inField: 'yes' | 'no' | 'unknown' }>) =>
                  set((x) => ({ ...x, conditions: { ...x.conditions, [c.id]: { ...x.conditions?.[c.id], ...p } } }));
                return (
                  <VocabItem
                    key={c.id}
                    id={fieldId('condition', c.id)}
                    entry={c}
                    checked={ans !== undefined}
                    onChange={(on) => set((x) => ({ ...x, conditions: toggle(x.conditions, c.id, on, {}) }))}
                  >
                    <RadioGroup<ConditionStatus>
                      id={fieldId('condition', c.id, 'status')}
                      legend={<>{sr(c.label)}Is it active now, in the past, or controlled?</>}
                      value={ans?.status}
                      onChange={(v) => update({ status: v })}
                      error={errors[fieldId('condition', c.id, 'status')]}
                      options={entries(STATUS_LABELS)}
                      small
                    />
                    {conditionAsksSite(c) && (
                      <YesNoUnknown
                        id={fieldId('condition', c.id, 'site')}
                        legend={<>{sr(c.label)}Is it in or next to the area to be treated?</>}
                        value={ans?.inField}
                        onChange={(v) => update({ inField: v })}
                        error={errors[fieldId('condition', c.id, 'site')]}
                        small
                      />
                    )}
                  </VocabItem>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </ListQuestion>
      <TextArea
        id={fieldId('otherConditions')}
        label="Something else? Any other health condition, in your own words (one per line)"
        hint="Primum cannot check these itself: it keeps them, shows them to your practitioner and asks you to check with them."
        value={a.otherConditions ?? ''}
        onChange={(v) => set((x) => ({ ...x, otherConditions: v }))}
      />
    </>
  );
}

export function Medicines({ a, set, errors, kb }: StepProps) {
  const chosen = a.medications ?? {};
  return (
    <ListQuestion
      id={fieldId('medications')}
      legend="Are you taking any medicines or skin treatments, or have you taken any in the last 12 months?"
      hint="Choose “Yes” to see the list and tick the ones that apply. Include medicines you stopped in the last 12 months."
      mode={a.medicationsMode}
      onMode={(m) => set((x) => ({ ...x, medicationsMode: m }))}
      errors={errors}
    >
      <fieldset className="q-set">
        <legend>Medicines and skin treatments</legend>
        <ul className="q-items">
          {kb.vocabulary.medications.map((m) => {
            const ans = chosen[m.id];
            const update = (p: Partial<{ when: 'still_taking' | 'date' | 'unknown'; date: string }>) =>
              set((x) => ({ ...x, medications: { ...x.medications, [m.id]: { ...x.medications?.[m.id], ...p } } }));
            return (
              <VocabItem key={m.id} id={fieldId('medication', m.id)} entry={m} checked={ans !== undefined} onChange={(on) => set((x) => ({ ...x, medications: toggle(x.medications, m.id, on, {}) }))}>
                <RadioGroup<'still_taking' | 'date' | 'unknown'>
                  id={fieldId('medication', m.id, 'when')}
                  legend={<>{sr(m.label)}When did you last take it?</>}
                  value={ans?.when}
                  onChange={(v) => update({ when: v })}
                  error={errors[fieldId('medication', m.id, 'when')]}
                  options={[
                    { value: 'still_taking', label: 'I still take it' },
                    { value: 'date', label: 'I stopped: I know the date' },
                    { value: 'unknown', label: "I don't know" },
                  ]}
                  small
                />
                {ans?.when === 'date' && (
                  <TextField
                    id={fieldId('medication', m.id, 'date')}
                    label={<>{sr(m.label)}Date of the last dose</>}
                    type="date"
                    className="q-short"
                    value={ans.date ?? ''}
                    onChange={(v) => update({ date: v })}
                    error={errors[fieldId('medication', m.id, 'date')]}
                  />
                )}
              </VocabItem>
            );
          })}
        </ul>
      </fieldset>
      <TextArea
        id={fieldId('otherMedicines')}
        label="Or type medicines by the name on the box (one per line), for example Eliquis, Roaccutane or methotrexate"
        hint="Primum looks each name up. A name it does not know is kept, shown to your practitioner, and its questions stay open."
        value={a.otherMedicines ?? ''}
        onChange={(v) => set((x) => ({ ...x, otherMedicines: v }))}
      />
    </ListQuestion>
  );
}

export function Procedures({ a, set, errors, kb }: StepProps) {
  const chosen = a.procedures ?? {};
  return (
    <ListQuestion
      id={fieldId('procedures')}
      legend="Have you had any cosmetic or skin treatments, or operations, before?"
      hint="Choose “Yes” to see the list and tick the ones that apply. If you had one more than once, give the most recent date."
      mode={a.proceduresMode}
      onMode={(m) => set((x) => ({ ...x, proceduresMode: m }))}
      errors={errors}
    >
      <fieldset className="q-set">
        <legend>Earlier treatments</legend>
        <ul className="q-items">
          {kb.vocabulary.procedures.map((p) => {
            const ans = chosen[p.id];
            const update = (q: Partial<{ date: string; dateUnknown: boolean; inField: 'yes' | 'no' | 'unknown' }>) =>
              set((x) => ({ ...x, procedures: { ...x.procedures, [p.id]: { ...x.procedures?.[p.id], ...q } } }));
            return (
              <VocabItem key={p.id} id={fieldId('procedure', p.id)} entry={p} checked={ans !== undefined} onChange={(on) => set((x) => ({ ...x, procedures: toggle(x.procedures, p.id, on, {}) }))}>
                <TextField
                  id={fieldId('procedure', p.id, 'date')}
                  label={<>{sr(p.label)}When was it? (the most recent time)</>}
                  type="date"
                  className="q-short"
                  value={ans?.dateUnknown ? '' : (ans?.date ?? '')}
                  disabled={ans?.dateUnknown === true}
                  onChange={(v) => update({ date: v })}
                  error={errors[fieldId('procedure', p.id, 'date')]}
                />
                <Checkbox
                  id={fieldId('procedure', p.id, 'date-unknown')}
                  label={<>{sr(p.label)}I don't know the date</>}
                  checked={ans?.dateUnknown === true}
                  onChange={(on) => update({ dateUnknown: on })}
                />
                <YesNoUnknown
                  id={fieldId('procedure', p.id, 'site')}
                  legend={<>{sr(p.label)}Was it in or next to the area to be treated now?</>}
                  value={ans?.inField}
                  onChange={(v) => update({ inField: v })}
                  error={errors[fieldId('procedure', p.id, 'site')]}
                  small
                />
              </VocabItem>
            );
          })}
        </ul>
      </fieldset>
    </ListQuestion>
  );
}

export function AllergiesImplants({ a, set, errors, kb }: StepProps) {
  const allergies = allergyEntries(kb);
  const implants = implantEntries(kb);
  const listHint = (xs: VocabEntry[]) => `The list: ${xs.map((x) => x.label).join('; ')}.`;
  return (
    <>
      <h3>Allergies</h3>
      <ListQuestion
        id={fieldId('allergies')}
        legend="Do you have any of the allergies on this list?"
        hint={listHint(allergies)}
        mode={a.allergiesMode}
        onMode={(m) => set((x) => ({ ...x, allergiesMode: m }))}
        errors={errors}
      >
        <fieldset className="q-set">
          <legend>Allergies</legend>
          <ul className="q-items">
            {allergies.map((x) => (
              <VocabItem key={x.id} id={fieldId('allergy', x.id)} entry={x} checked={a.allergies?.[x.id] === true} onChange={(on) => set((y) => ({ ...y, allergies: toggle(y.allergies, x.id, on, true as const) }))} />
            ))}
          </ul>
        </fieldset>
      </ListQuestion>
      <h3>Implants</h3>
      <ListQuestion
        id={fieldId('implants')}
        legend="Do you have any of the implants on this list?"
        hint={listHint(implants)}
        mode={a.implantsMode}
        onMode={(m) => set((x) => ({ ...x, implantsMode: m }))}
        errors={errors}
      >
        <fieldset className="q-set">
          <legend>Implants</legend>
          <ul className="q-items">
            {implants.map((x) => {
              const ans = a.implants?.[x.id];
              return (
                <VocabItem key={x.id} id={fieldId('implant', x.id)} entry={x} checked={ans !== undefined} onChange={(on) => set((y) => ({ ...y, implants: toggle(y.implants, x.id, on, {}) }))}>
                  {implantAsksSite(x) && (
                    <YesNoUnknown
                      id={fieldId('implant', x.id, 'site')}
                      legend={<>{sr(x.label)}Is it in or next to the area to be treated?</>}
                      value={ans?.inField}
                      onChange={(v) => set((y) => ({ ...y, implants: { ...y.implants, [x.id]: { inField: v } } }))}
                      error={errors[fieldId('implant', x.id, 'site')]}
                      small
                    />
                  )}
                </VocabItem>
              );
            })}
          </ul>
        </fieldset>
      </ListQuestion>
    </>
  );
}

export function Treatment({ a, set, errors, kb }: StepProps) {
  const devices = devicesFor(kb, a.setting);
  const chosenProducts = a.products ?? {};
  return (
    <>
      <h3>Where and who</h3>
      <RadioGroup<'clinic' | 'home'>
        id={fieldId('setting')}
        legend="Where will it be done?"
        value={a.setting}
        onChange={(v) => set((x) => ({ ...x, setting: v }))}
        error={errors[fieldId('setting')]}
        options={entries(SETTING_LABELS)}
      />
      <RadioGroup<Role>
        id={fieldId('operator')}
        legend="Who will do it?"
        value={a.operatorRole}
        onChange={(v) => set((x) => ({ ...x, operatorRole: v }))}
        error={errors[fieldId('operator')]}
        options={entries(ROLE_LABELS)}
      />
      {a.operatorRole && a.operatorRole !== 'self' && (
        <YesNoUnknown
          id={fieldId('licensed')}
          legend="Is this person licensed or registered to do this treatment?"
          hint="For example registered with a medical, nursing or beauty licensing body where you live."
          value={a.licensed}
          onChange={(v) => set((x) => ({ ...x, licensed: v }))}
          error={errors[fieldId('licensed')]}
        />
      )}

      <h3>The device and needles</h3>
      <RadioGroup
        id={fieldId('device')}
        legend="Which device will be used?"
        hint={a.setting ? undefined : 'Some devices are only used in a clinic: choose where it will be done first to see only those that fit.'}
        value={a.device}
        onChange={(v) => set((x) => ({ ...x, device: v }))}
        error={errors[fieldId('device')]}
        options={devices.map((d) => ({ value: d.id, label: d.label, hint: d.description }))}
      />
      {isRf(kb, a) && (
        <YesNoUnknown
          id={fieldId('rf-insulated')}
          legend="Radiofrequency devices: are the needles insulated?"
          hint="Insulated needles are coated along their length, so the heat comes out only at the tip. Ask the clinic if you are not sure."
          value={a.rfInsulated}
          onChange={(v) => set((x) => ({ ...x, rfInsulated: v }))}
          error={errors[fieldId('rf-insulated')]}
        />
      )}
      <TextField
        id={fieldId('label-depth')}
        label="Longest needle length on the device or cartridge label, in mm (optional)"
        hint="Leave this empty if you don't know."
        type="number"
        inputMode="decimal"
        min={0}
        max={10}
        step={0.05}
        className="q-short"
        value={a.deviceLabelMaxDepthMm ?? ''}
        onChange={(v) => set((x) => ({ ...x, deviceLabelMaxDepthMm: v }))}
        error={errors[fieldId('label-depth')]}
      />
      <RadioGroup<Needles>
        id={fieldId('needles')}
        legend="Are the needles (or the needle cartridge) new?"
        value={a.needles}
        onChange={(v) => set((x) => ({ ...x, needles: v }))}
        error={errors[fieldId('needles')]}
        options={entries(NEEDLES_LABELS)}
      />
      <RadioGroup<NeedleMaterial>
        id={fieldId('material')}
        legend="What are the needles made of?"
        hint="It is often on the packaging or the cartridge."
        value={a.needleMaterial}
        onChange={(v) => set((x) => ({ ...x, needleMaterial: v }))}
        error={errors[fieldId('material')]}
        options={entries(MATERIAL_LABELS)}
      />
      {a.setting === 'home' && (
        <YesNoUnknown
          id={fieldId('shared')}
          legend="Has anyone else used this device or its needle head?"
          value={a.sharedDevice}
          onChange={(v) => set((x) => ({ ...x, sharedDevice: v }))}
          error={errors[fieldId('shared')]}
        />
      )}

      <h3>Products on the skin</h3>
      <fieldset className="q-set" id={fieldId('products')}>
        <legend>Will any of these be put on the skin during or straight after the treatment?</legend>
        <p className="hint">Tick all that apply. Leave them all unticked if none will be used.</p>
        <ul className="q-items">
          {kb.vocabulary.products.map((p) => {
            const ans = chosenProducts[p.id];
            return (
              <VocabItem key={p.id} id={fieldId('product', p.id)} entry={p} checked={ans !== undefined} onChange={(on) => set((x) => ({ ...x, products: toggle(x.products, p.id, on, {}) }))}>
                <YesNoUnknown
                  id={fieldId('product', p.id, 'sterile')}
                  legend={<>{sr(p.label)}Is it sterile (sealed and single-use)?</>}
                  value={ans?.sterile}
                  onChange={(v) => set((x) => ({ ...x, products: { ...x.products, [p.id]: { sterile: v } } }))}
                  error={errors[fieldId('product', p.id, 'sterile')]}
                  small
                />
              </VocabItem>
            );
          })}
        </ul>
      </fieldset>
      <YesNoUnknown
        id={fieldId('numbing')}
        legend="Will numbing cream be put on before the treatment?"
        value={a.numbingUsed}
        onChange={(v) => set((x) => ({ ...x, numbingUsed: v }))}
        error={errors[fieldId('numbing')]}
      />
      {asksOcclusion(kb, a) && (
        <YesNoUnknown
          id={fieldId('numbing-occluded')}
          legend="Will the numbing cream be covered with film or wrap, or put on a large area of skin?"
          value={a.numbingOccluded}
          onChange={(v) => set((x) => ({ ...x, numbingOccluded: v }))}
          error={errors[fieldId('numbing-occluded')]}
        />
      )}

      <h3>Why and when</h3>
      <RadioGroup
        id={fieldId('indication')}
        legend="What is the treatment for?"
        value={a.indication}
        onChange={(v) => set((x) => ({ ...x, indication: v }))}
        error={errors[fieldId('indication')]}
        options={kb.vocabulary.indications.map((i) => ({ value: i.id, label: i.label, hint: i.description }))}
      />
      <TextField
        id={fieldId('planned-date')}
        label="Planned treatment date"
        hint="If it is not booked yet, give the date you have in mind."
        type="date"
        className="q-short"
        value={a.plannedDate ?? ''}
        onChange={(v) => set((x) => ({ ...x, plannedDate: v }))}
        error={errors[fieldId('planned-date')]}
      />
    </>
  );
}
