import { useEffect, useState } from 'react';

export type Route =
  | { view: 'overview' }
  | { view: 'incidents'; ref?: number }
  | { view: 'report'; ref: number }
  | { view: 'social' }
  | { view: 'comms'; ref?: number };

/** `#/incidents/12`, `#/incidents/12/report`, `#/social`, `#/comms/12`…; anything else is the overview. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const ref = parts[1] !== undefined && /^\d+$/.test(parts[1]) ? Number(parts[1]) : undefined;
  switch (parts[0]) {
    case 'incidents':
      if (ref !== undefined && parts[2] === 'report') return { view: 'report', ref };
      return ref === undefined ? { view: 'incidents' } : { view: 'incidents', ref };
    case 'social':
      return { view: 'social' };
    case 'comms':
      return ref === undefined ? { view: 'comms' } : { view: 'comms', ref };
    default:
      return { view: 'overview' };
  }
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
