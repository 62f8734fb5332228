import AfricasTalking from 'africastalking';
import atEndpoints from 'africastalking/lib/common.js';
import type { Notification, Notifier } from '../../delivery/notification';
import { isTransientHttpStatus, NotifierError } from '../../delivery/notifier-error';
import { plainText, shortBody } from '../message-text';
import { ProviderTimeoutError, withTimeout } from '../with-timeout';
import type { AfricasTalkingConfig } from './africas-talking-config';
import { interpretSmsResponse } from './sms-response';

const PROVIDER = "Africa's Talking";
const PRODUCTION_ORIGIN = 'https://api.africastalking.com';
const SANDBOX_ORIGIN = 'https://api.sandbox.africastalking.com';

/** SMS through the real `africastalking` SDK (the only file that imports it). */
export function createAfricasTalkingNotifier(config: AfricasTalkingConfig): Notifier {
  const client = AfricasTalking({ apiKey: config.apiKey, username: config.username });
  const origin = config.baseUrl ?? (config.username === 'sandbox' ? SANDBOX_ORIGIN : PRODUCTION_ORIGIN);
  const smsUrl = `${origin}/version1/messaging`;

  return {
    channel: 'sms',
    async send(notification) {
      let response: unknown;
      try {
        response = await withTimeout(sendWithSdk(client.SMS, smsUrl, notification, config), config.timeoutMs);
      } catch (error) {
        throw normaliseSdkError(error);
      }
      const verdict = interpretSmsResponse(response);
      if (verdict.kind === 'accepted') {
        return verdict.messageId === undefined ? {} : { providerMessageId: verdict.messageId };
      }
      throw new NotifierError(`${PROVIDER} did not send the SMS: ${verdict.reason}`, {
        channel: 'sms',
        provider: PROVIDER,
        permanent: verdict.permanent,
        providerCode: verdict.providerCode,
      });
    },
  };
}

/**
 * The SDK has no base-URL option: `SMS.send` reads `SMS_URL` from its exported endpoint table (lib/common.js)
 * and hands it to axios before returning. Setting our URL for exactly that synchronous span, then restoring
 * it, sends the SDK's real request to our endpoint without leaving process-wide state changed. It also undoes
 * the SDK's global switch to sandbox URLs when any client in the process was created with username "sandbox".
 */
function sendWithSdk(
  sms: ReturnType<typeof AfricasTalking>['SMS'],
  smsUrl: string,
  notification: Notification,
  config: AfricasTalkingConfig,
): Promise<unknown> {
  const previous = atEndpoints.SMS_URL;
  atEndpoints.SMS_URL = smsUrl;
  try {
    return sms.send({
      to: [notification.to],
      message: plainText(notification, { includeSubject: true }),
      ...(config.senderId === undefined ? {} : { from: config.senderId }),
    });
  } finally {
    atEndpoints.SMS_URL = previous;
  }
}

interface AxiosLikeError {
  isAxiosError: true;
  code?: string;
  message: string;
  response?: { status: number; data?: unknown };
}

function isAxiosLike(error: unknown): error is AxiosLikeError {
  return (
    typeof error === 'object' && error !== null && (error as { isAxiosError?: unknown }).isAxiosError === true
  );
}

/** Turns whatever the SDK rejected with into one readable NotifierError. */
function normaliseSdkError(error: unknown): NotifierError {
  const fail = (message: string, permanent: boolean, providerCode?: string | number) =>
    new NotifierError(
      `${PROVIDER} ${message}`,
      {
        channel: 'sms',
        provider: PROVIDER,
        permanent,
        ...(providerCode === undefined ? {} : { providerCode }),
      },
      error,
    );
  if (error instanceof ProviderTimeoutError)
    return fail(`did not answer: ${error.message}`, false, 'timeout');
  if (isAxiosLike(error)) {
    const status = error.response?.status;
    if (status === undefined)
      return fail(`is unreachable: ${error.code ?? error.message}`, false, error.code);
    const what = status === 401 ? 'refused the API key or username' : `answered HTTP ${status}`;
    return fail(`${what}: ${shortBody(error.response?.data)}`, !isTransientHttpStatus(status), status);
  }
  if (error instanceof Error) {
    // The SDK validates the request (Joi, libphonenumber) before sending; such a request can never succeed.
    return fail(`SDK refused the request: ${error.message.replace(/;\s*$/, '')}`, true, 'sdk-validation');
  }
  return fail(`answered unexpectedly: ${shortBody(error)}`, false);
}
