import type { ReactNode, RefObject } from 'react';
import { useKnowledge } from '../knowledge.ts';
import { href, type Route } from '../router.ts';

const NAV: [Route, string][] = [
  ['screen', 'Check a treatment'],
  ['aftercare', 'Aftercare plan'],
  ['check-in', 'Check in'],
  ['privacy', 'Your data'],
];

/** The frame of every page: the emergency notice, navigation, and what the advice rests on. */
export function Layout({ route, mainRef, children }: { route: Route; mainRef: RefObject<HTMLElement | null>; children: ReactNode }) {
  const kb = useKnowledge();
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <div className="emergency" role="note">
        <strong>Not for emergencies:</strong> if you think you need urgent help, call your emergency number now.
      </div>
      <header className="site-header">
        <a className="brand" href={href('home')}>Primum</a>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([r, label]) => (
              <li key={r}>
                <a href={href(r)} aria-current={route === r ? 'page' : undefined}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <p>
          Primum gives general safety information about microneedling. It does not diagnose and does not replace a
          clinician who can examine you.
        </p>
        <p>
          Knowledge version {kb?.version ?? '…'} ·{' '}
          <span className={kb?.clinicalReview === 'reviewed' ? '' : 'review-pending'}>{kb?.clinicalReview ?? 'loading'}</span>
          {' · '}Your answers stay in this browser. <a href={href('privacy')}>Your data</a>
        </p>
      </footer>
    </>
  );
}
