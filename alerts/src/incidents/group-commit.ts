/**
 * Group commit: requests that arrive while a write is in progress are written together by the next one, in one
 * transaction, and each caller gets its own result once that transaction committed. Under a burst of concurrent
 * webhooks this turns a hundred small transactions into a few larger ones.
 */
export function groupCommit<In, Out>(
  writeBatch: (inputs: In[]) => Promise<Out[]>,
  maxBatch = 200,
): (input: In) => Promise<Out> {
  let waiting: { input: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      try {
        const outputs = await writeBatch(batch.map((entry) => entry.input));
        batch.forEach((entry, index) => {
          entry.resolve(outputs[index] as Out);
        });
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    writing = false;
  }

  return (input) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!writing) void drain();
    });
}
