import { lazy, Suspense, useEffect, useRef } from 'react';
import { Layout } from './components/Layout.tsx';
import { KnowledgeContext, useLoadKnowledge } from './knowledge.ts';
import { Landing } from './pages/Landing.tsx';
import { useRoute, type Route } from './router.ts';

// Each page is its own chunk, so the landing page loads only what it needs.
const Screening = lazy(() => import('./pages/Screening.tsx'));
const Report = lazy(() => import('./pages/Report.tsx'));
const Aftercare = lazy(() => import('./pages/Aftercare.tsx'));
const CheckIn = lazy(() => import('./pages/CheckIn.tsx'));
const Privacy = lazy(() => import('./pages/Privacy.tsx'));

const TITLES: Record<Route, string> = {
  home: 'Primum — microneedling safety',
  screen: 'Check a planned treatment — Primum',
  report: 'Your screening report — Primum',
  aftercare: 'Your aftercare plan — Primum',
  'check-in': 'Check in after treatment — Primum',
  privacy: 'Your data — Primum',
};

export function App() {
  const { route, step } = useRoute();
  const { kb, error } = useLoadKnowledge();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = TITLES[route];
    // Move focus to the new page for screen readers and keyboard users, but not on the first load.
    if (first.current) first.current = false;
    else {
      main.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [route, step]);
  return (
    <KnowledgeContext.Provider value={kb}>
      <Layout route={route} mainRef={main}>
        {error && <p className="notice notice-error" role="alert">{error}</p>}
        <Suspense fallback={<p aria-live="polite">Loading…</p>}>
          {route === 'home' && <Landing />}
          {route === 'screen' && <Screening step={step} />}
          {route === 'report' && <Report />}
          {route === 'aftercare' && <Aftercare />}
          {route === 'check-in' && <CheckIn step={step} />}
          {route === 'privacy' && <Privacy />}
        </Suspense>
      </Layout>
    </KnowledgeContext.Provider>
  );
}
