import { z } from 'zod';

/** Africa's Talking per-recipient status codes (SMS API docs, "Status codes"). */
export const AT_RECIPIENT_STATUS = {
  100: 'Processed',
  101: 'Success',
  102: 'Queued',
  401: 'RiskHold',
  402: 'InvalidSenderId',
  403: 'InvalidPhoneNumber',
  404: 'UnsupportedNumberType',
  405: 'InsufficientBalance',
  406: 'UserInBlacklist',
  407: 'CouldNotRoute',
  409: 'DoNotDisturbRejection',
  500: 'InternalServerError',
  501: 'GatewayError',
  502: 'RejectedByGateway',
} as const;

const ACCEPTED = new Set([100, 101, 102]);
/** Worth retrying later: AT or the operator gateway had a problem, not our request. */
const TRANSIENT = new Set([407, 500, 501]);

const smsResponseSchema = z.object({
  SMSMessageData: z.object({
    Message: z.string().optional(),
    Recipients: z
      .array(
        z.object({
          statusCode: z.coerce.number(),
          status: z.string().optional(),
          messageId: z.string().optional(),
        }),
      )
      .default([]),
  }),
});

export type SmsVerdict =
  | { kind: 'accepted'; messageId: string | undefined }
  | { kind: 'refused'; permanent: boolean; reason: string; providerCode: number | string };

/** Reads a send response for one recipient: accepted, or refused with a readable reason. */
export function interpretSmsResponse(data: unknown): SmsVerdict {
  const parsed = smsResponseSchema.safeParse(data);
  if (!parsed.success) {
    return {
      kind: 'refused',
      permanent: false,
      reason: 'answered with an unexpected body',
      providerCode: 'body',
    };
  }
  const { Message, Recipients } = parsed.data.SMSMessageData;
  const recipient = Recipients[0];
  if (recipient === undefined) {
    // AT answers an empty recipient list when it refuses the whole request (e.g. "InvalidSenderId").
    return {
      kind: 'refused',
      permanent: true,
      reason: `sent to nobody: ${Message ?? 'no reason given'}`,
      providerCode: 'none',
    };
  }
  const { statusCode } = recipient;
  if (ACCEPTED.has(statusCode)) return { kind: 'accepted', messageId: recipient.messageId };
  const status =
    recipient.status ?? AT_RECIPIENT_STATUS[statusCode as keyof typeof AT_RECIPIENT_STATUS] ?? 'Unknown';
  return {
    kind: 'refused',
    permanent: !TRANSIENT.has(statusCode),
    reason: `${status} (${statusCode})`,
    providerCode: statusCode,
  };
}
