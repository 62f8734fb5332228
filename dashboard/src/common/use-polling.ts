import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: string | null;
  reload(): void;
}

/**
 * Calls `load` now and every `intervalMs` while mounted (and when `key` changes). A failure keeps the last
 * data and shows the message; a 401 has already sent the console back to the login form.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number, key = ''): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const run = useCallback(() => {
    const mine = ++generation.current;
    loadRef.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` restarts polling when the query changes
  useEffect(() => {
    setData(undefined);
    run();
    const timer = setInterval(run, intervalMs);
    return () => {
      clearInterval(timer);
      generation.current++;
    };
  }, [run, intervalMs, key]);

  return { data, error, reload: run };
}
