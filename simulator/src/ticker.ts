/** Runs `task` every `intervalMs` without overlapping runs; `stop()` resolves once the current run is done. */
export interface Ticker {
  stop(): Promise<void>;
}

export function startTicker(
  task: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): Ticker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const loop = () => {
    if (stopped) return;
    running = task()
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, intervalMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
