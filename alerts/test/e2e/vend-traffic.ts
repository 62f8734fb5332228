import type { VendEventInput } from '@stimawatch/core';

export type TrafficMode = 'healthy' | 'outage';

export interface VendTrafficOptions {
  collectorUrl: string;
  ingestToken: string;
  purchasesPerTick: number;
  tickMs: number;
}

/**
 * Posts vending traffic to the collector as the vending platform would: NDJSON batches of stage events.
 * In an outage, C2B validation is refused with C2B00016 for most purchases, the payments still taken get no token
 * (the HSM is down), as in the field.
 */
export class VendTraffic {
  private mode: TrafficMode = 'healthy';
  private sequence = 0;
  /** Paid purchases left without a token by the outage; tokens are issued for them on recovery. */
  private stuck: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  readonly failures: string[] = [];

  constructor(private readonly options: VendTrafficOptions) {}

  start(): void {
    this.timer = setInterval(() => {
      this.inFlight = this.inFlight.then(() => this.tick());
    }, this.options.tickMs);
  }

  setMode(mode: TrafficMode): void {
    this.mode = mode;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    const events: VendEventInput[] = [];
    for (let i = 0; i < this.options.purchasesPerTick; i += 1) events.push(...this.purchase());
    if (this.mode === 'healthy') {
      for (const attemptId of this.stuck.splice(0, 50)) {
        events.push({ attemptId, channel: 'mpesa_c2b', stage: 'token_generation', outcome: 'success' });
      }
    }
    try {
      const response = await fetch(`${this.options.collectorUrl}/v1/vend-events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.options.ingestToken}`,
          'content-type': 'application/x-ndjson',
        },
        body: events.map((event) => JSON.stringify(event)).join('\n'),
      });
      if (response.status !== 202) this.failures.push(`HTTP ${response.status}: ${await response.text()}`);
    } catch (error) {
      this.failures.push(String(error));
    }
  }

  private purchase(): VendEventInput[] {
    this.sequence += 1;
    const attemptId = `E2E${this.sequence.toString(36).toUpperCase().padStart(7, '0')}`;
    const base = { attemptId, channel: 'mpesa_c2b' as const, amountMinor: 50_000 };
    if (this.mode === 'healthy') {
      return [
        { ...base, stage: 'payment_validation', outcome: 'success', latencyMs: 300 },
        { ...base, stage: 'payment_received', outcome: 'success' },
        { ...base, stage: 'token_generation', outcome: 'success', latencyMs: 1200 },
      ];
    }
    // Three purchases in ten still get through validation and pay; none of them gets a token.
    if (this.sequence % 10 < 7) {
      return [
        {
          ...base,
          stage: 'payment_validation',
          outcome: 'rejected',
          error: { domain: 'mpesa_c2b', rawCode: 'C2B00016' },
        },
      ];
    }
    this.stuck.push(attemptId);
    return [
      { ...base, stage: 'payment_validation', outcome: 'success', latencyMs: 2500 },
      { ...base, stage: 'payment_received', outcome: 'success' },
      {
        ...base,
        stage: 'token_generation',
        outcome: 'failed',
        error: { domain: 'vending', rawCode: 'HSM_UNAVAILABLE' },
      },
    ];
  }
}
