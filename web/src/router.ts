import { useEffect, useState } from 'react';

export type Route = 'home' | 'screen' | 'report' | 'aftercare' | 'check-in' | 'privacy';
const ROUTES: readonly Route[] = ['home', 'screen', 'report', 'aftercare', 'check-in', 'privacy'];

function parse(hash: string): { route: Route; step?: string } {
  const [path = '', step] = hash.replace(/^#\/?/, '').split('/');
  const route = (ROUTES as readonly string[]).includes(path) ? (path as Route) : 'home';
  return step ? { route, step } : { route };
}

/** A tiny hash router: the browser's back and forward buttons move between pages and questionnaire steps. */
export function useRoute(): { route: Route; step?: string } {
  const [state, setState] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const on = () => setState(parse(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return state;
}

export const href = (route: Route, step?: string): string => (route === 'home' ? '#/' : `#/${route}${step ? `/${step}` : ''}`);
export const go = (route: Route, step?: string): void => {
  window.location.hash = href(route, step);
};
