import { useEffect, useState } from 'react';
import type { LiveSnapshot } from '../api/wire-types';

export interface LiveState {
  snapshot: LiveSnapshot | null;
  /** False while the stream is down; the tiles then show the last figures as stale. */
  connected: boolean;
  receivedAt: number | null;
}

/**
 * Follows `GET /v1/live` (server-sent `snapshot` events, one a second). EventSource reconnects by itself after
 * a network error; when the server refused the stream (closed: e.g. the session ended) `onRefused` is called
 * and a new stream is tried a few seconds later.
 */
export function useLiveSnapshot(onRefused: () => void, url = '/v1/live'): LiveState {
  const [state, setState] = useState<LiveState>({ snapshot: null, connected: false, receivedAt: null });
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      source = new EventSource(url);
      source.addEventListener('snapshot', (event) => {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as LiveSnapshot;
        setState({ snapshot, connected: true, receivedAt: Date.now() });
      });
      source.onerror = () => {
        setState((previous) => ({ ...previous, connected: false }));
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          onRefused();
          retry = setTimeout(open, 5000);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [onRefused, url]);
  return state;
}
