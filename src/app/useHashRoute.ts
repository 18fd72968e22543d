import { useSyncExternalStore } from 'react';
import { navigate } from 'wouter/use-hash-location';

/**
 * wouter's hash location, also following Back and Forward across entries whose query string
 * differs (the browser fires popstate there, not hashchange).
 */
function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

const current = () => '/' + window.location.hash.replace(/^#?\/?/, '');

export function useHashRoute(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, current), navigate];
}
useHashRoute.hrefs = (href: string) => '#' + href;
