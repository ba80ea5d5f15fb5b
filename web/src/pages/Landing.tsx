import { useKnowledge } from '../knowledge.ts';
import { href } from '../router.ts';

export function Landing() {
  const kb = useKnowledge();
  return (
    <article className="landing">
      <h1>Microneedling: is it safe for you, and is what you see normal?</h1>
      <p className="lead">
        Primum helps you before and after microneedling (rollers, stamps, pens and radiofrequency microneedling). Every
        answer says why, and which studies or guidance it rests on.
      </p>
      <ul className="cards">
        <li>
          <h2><a href={href('screen')}>Check a planned treatment</a></h2>
          <p>Answer questions about you, the device, the needle depth for each area and where it will be done. You get
            a clear answer: go ahead, go ahead with precautions, wait until a date, or do not treat.</p>
        </li>
        <li>
          <h2><a href={href('aftercare')}>Get your aftercare plan</a></h2>
          <p>What to do and avoid each day after treatment, what is normal and until when, and when your next session can be.</p>
        </li>
        <li>
          <h2><a href={href('check-in')}>Check in: is this normal?</a></h2>
          <p>Tell Primum what you notice today. It tells expected healing from warning signs and says how soon to get help.</p>
        </li>
      </ul>
      <section aria-labelledby="for">
        <h2 id="for">What Primum is for, and what it is not for</h2>
        <p>{kb?.intendedUse ?? 'Primum gives general safety information about microneedling.'}</p>
        <ul>
          <li>It is <strong>not for emergencies</strong>. If you have trouble breathing, swelling of the lips, tongue or throat,
            sudden vision changes, or feel very unwell, call your emergency number now.</li>
          <li>It does not look at photos and cannot examine you.</li>
          <li>{kb?.reviewNotice ?? 'Its knowledge has not yet been reviewed by a clinician.'}</li>
        </ul>
        <p>Knowledge version {kb?.version ?? '…'} — {kb?.clinicalReview ?? 'loading'}.</p>
      </section>
      <section aria-labelledby="privacy">
        <h2 id="privacy">Your privacy</h2>
        <p>No account is needed. Your answers and check-ins are kept only in this browser. The server works out the
          answer and keeps nothing. You can <a href={href('privacy')}>download or delete your data</a> at any time.</p>
      </section>
    </article>
  );
}
