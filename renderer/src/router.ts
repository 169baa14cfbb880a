// The current route as React state. Hashes that are not routes (a skip link's `#maincontent`)
// leave the page as it is instead of showing "page not found".
import { useEffect, useState } from 'react';
import { hrefFor, parseRoute, type Route } from './lib/routes';

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash) ?? { name: 'home' });
  useEffect(() => {
    const onHashChange = () => {
      const next = parseRoute(window.location.hash);
      if (next !== null) setRoute(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}

export function navigate(route: Exclude<Route, { name: 'not-found' }>): void {
  window.location.hash = hrefFor(route);
}

/** Moves focus to an element by id, for in-page links that must not touch the hash route. */
export function focusById(id: string): boolean {
  const element = document.getElementById(id);
  if (element === null) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus();
  return true;
}
