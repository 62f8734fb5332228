/**
 * Wraps `work` so concurrent callers share runs: a call while a run is in progress waits for one follow-up run
 * (shared by everyone who asked meanwhile) that starts after the current one, so it sees their writes. A
 * hundred concurrent webhooks thus cost two runs, each applying everything recorded so far in one transaction.
 */
export function coalesce<T>(work: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  let followUp: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const run = work().finally(() => {
      if (current === run) current = undefined;
    });
    current = run;
    return run;
  };
  return () => {
    if (current === undefined) return start();
    followUp ??= current
      .catch(() => undefined)
      .then(() => {
        followUp = undefined;
        return start();
      });
    return followUp;
  };
}
