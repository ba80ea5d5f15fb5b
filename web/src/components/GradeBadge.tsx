// Evidence grade badges (A/B/C/D/R/U) and the legend that explains them. The grades follow the knowledge
// base's grading (docs/knowledge.md §2); these are the same meanings in plain words.

import { GRADES } from '../../../src/core/report/wording.ts';

export { GRADES };

const info = (grade: string) => GRADES.find((g) => g.grade === grade);

/** "Grade B", coloured, with its meaning as a tooltip and for screen readers. */
export function GradeBadge({ grade }: { grade: string }) {
  const g = info(grade);
  return (
    <span className={`badge grade-badge grade-${grade}`} title={g ? `Grade ${grade}: ${g.words}` : `Grade ${grade}`}>
      Grade {grade}
      {g && <span className="sr-only"> ({g.short})</span>}
    </span>
  );
}

/** What the grades mean: an expandable legend. */
export function GradeLegend() {
  return (
    <details className="grade-legend">
      <summary>What do the evidence grades mean?</summary>
      <dl>
        {GRADES.map((g) => (
          <div key={g.grade}>
            <dt><GradeBadge grade={g.grade} /></dt>
            <dd>{g.words}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
