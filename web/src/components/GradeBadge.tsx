// Evidence grade badges (A/B/C/D/R/U) and the legend that explains them, in the knowledge's words
// (knowledge/text/report.yaml, docs/knowledge.md §2): the same meanings as the PDF and the terminal.

import { useKnowledge } from '../knowledge.ts';
import { gradeInWords, gradeLegend } from '../../../src/core/report/wording.ts';

/**
 * "Grade B", coloured, with its meaning as a tooltip and for screen readers. `type` is the source's type: a web
 * page of grade D reads "blog or web article", never "expert opinion".
 */
export function GradeBadge({ grade, type }: { grade: string; type?: string | undefined }) {
  const kb = useKnowledge();
  const g = kb ? gradeInWords(kb, grade, type) : null;
  return (
    <span className={`badge grade-badge grade-${grade}`} title={g ? `Grade ${grade}: ${g.words}` : `Grade ${grade}`}>
      Grade {grade}
      {g && <span className="sr-only"> ({g.short})</span>}
    </span>
  );
}

/** What the grades mean: an expandable legend. */
export function GradeLegend() {
  const kb = useKnowledge();
  if (!kb) return null;
  return (
    <details className="grade-legend">
      <summary>What do the evidence grades mean?</summary>
      <dl>
        {gradeLegend(kb).map((g) => (
          <div key={g.words}>
            <dt><span className={`badge grade-badge grade-${g.grade}`}>Grade {g.grade}</span></dt>
            <dd>{g.words}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
