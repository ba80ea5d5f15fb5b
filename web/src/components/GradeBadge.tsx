// Evidence grade badges (A/B/C/D/R/U) and the legend that explains them. The grades follow the knowledge
// base's grading (docs/knowledge.md §2); these are the same meanings in plain words.

export const GRADES: readonly { grade: string; short: string; words: string }[] = [
  { grade: 'A', short: 'strong evidence', words: 'Strong evidence: systematic reviews of randomised trials.' },
  { grade: 'B', short: 'good evidence', words: 'Good evidence: reviews of mixed studies, prospective studies, or consensus built on a review.' },
  { grade: 'C', short: 'limited evidence', words: 'Limited evidence: case reports and series, or indirect evidence.' },
  { grade: 'D', short: 'expert opinion', words: 'Expert opinion: device instructions, clinic protocols, articles.' },
  { grade: 'R', short: 'regulator', words: 'A fact set by a regulator (for example a safety warning).' },
  { grade: 'U', short: 'unsupported', words: 'Unsupported or contradicted.' },
];

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
