import { eventually, type StackProcess, startService } from '../../../alerts/test/e2e/stack-processes';

export interface CollectorReplica {
  name: string;
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** `host:port`, as a Prometheus scrape target and as Prometheus's `instance` label. */
  target: string;
  process: StackProcess;
}

const LISTENING = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"collector listening"/;

/**
 * Starts one collector process as `npm run collector` does (tsx, configured only by environment) on a port the
 * OS picks (`COLLECTOR_PORT=0`), and resolves once it logged where it listens and `/readyz` answers 200.
 */
export async function startCollectorReplica(
  name: string,
  env: Record<string, string>,
  timeoutMs = 40_000,
): Promise<CollectorReplica> {
  const service = startService(name, 'collector/src/main.ts', {
    ...env,
    COLLECTOR_PORT: '0',
    LOG_LEVEL: 'info',
  });
  try {
    const url = await eventually(
      `${name} to log where it listens`,
      () => LISTENING.exec(service.output())?.[1],
      timeoutMs,
      [service],
    );
    await eventually(
      `${name} to be ready`,
      async () => ((await fetch(`${url}/readyz`)).ok ? true : undefined),
      timeoutMs,
      [service],
    );
    return { name, url, target: new URL(url).host, process: service };
  } catch (error) {
    await service.stop();
    throw error;
  }
}

/** The numeric value of one series in a replica's `/metrics` text (0 when absent). */
export async function scrapeValue(replica: CollectorReplica, series: string): Promise<number> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
