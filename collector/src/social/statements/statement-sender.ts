import { StimaError } from '@stimawatch/core';
import type { StatementDelivery } from './statement-recorder';

export interface StatementSenderOptions {
  alertsServiceUrl: string;
  statementToken: string | undefined;
  timeoutMs?: number;
}

/**
 * Posts one statement to the alerts service: `POST {ALERTS_URL}/v1/statements` with
 * `{text, source: "official_account", lang}`. Throws on failure so the job is retried; a 4xx other than
 * 408/429 is permanent (`context.permanent`), since sending the same body again cannot succeed.
 */
export function createStatementSender(
  options: StatementSenderOptions,
): (delivery: StatementDelivery) => Promise<void> {
  const url = new URL('/v1/statements', options.alertsServiceUrl).toString();
  return async (delivery) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.statementToken === undefined
            ? {}
            : { authorization: `Bearer ${options.statementToken}` }),
        },
        body: JSON.stringify({ text: delivery.text, source: 'official_account', lang: delivery.lang }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new StimaError('UNAVAILABLE', `alerts service unreachable: ${(error as Error).message}`, {
        postId: delivery.postId,
      });
    }
    await response.body?.cancel();
    if (response.ok) return;
    const permanent =
      response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
    throw new StimaError(
      permanent ? 'VALIDATION' : 'UNAVAILABLE',
      `alerts service answered ${response.status}`,
      {
        postId: delivery.postId,
        status: response.status,
        permanent,
      },
    );
  };
}
