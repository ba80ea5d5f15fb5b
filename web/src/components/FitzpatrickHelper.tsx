import type { KnowledgeSummary } from '../api.ts';
import { RadioGroup } from '../pages/screening/fields.tsx';

export const FITZPATRICK_CANT_SAY = 'unknown';

/**
 * For people who do not know their Fitzpatrick skin type: the knowledge's own self-report question and answers.
 * The answer id is sent as `fitzpatrickSelfReport`; the engine works out the type from it.
 */
export function FitzpatrickHelper(props: {
  kb: KnowledgeSummary;
  id: string;
  value: string | undefined;
  onChange: (answerId: string) => void;
  error?: string;
}) {
  const { kb, id, value, onChange, error } = props;
  const chosen = kb.fitzpatrick.answers.find((a) => a.id === value);
  return (
    <div className="fitz-helper">
      <RadioGroup
        id={id}
        legend={kb.fitzpatrick.question}
        hint="Choose the description that is closest. There is no wrong answer."
        value={value}
        onChange={onChange}
        error={error}
        options={[
          ...kb.fitzpatrick.answers.map((a) => ({ value: a.id, label: a.label, hint: a.description })),
          { value: FITZPATRICK_CANT_SAY, label: "I can't say" },
        ]}
      />
      <p role="status" className="fitz-result">
        {chosen
          ? `Thank you. This matches skin type ${chosen.type} of 6.`
          : value === FITZPATRICK_CANT_SAY
            ? 'That is fine. If your skin type matters for this plan, your result will list it as a question to answer.'
            : ''}
      </p>
    </div>
  );
}
