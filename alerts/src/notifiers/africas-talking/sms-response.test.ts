import { describe, expect, it } from 'vitest';
import { interpretSmsResponse } from './sms-response';

const response = (statusCode: number, status: string) => ({
  SMSMessageData: {
    Message: 'Sent to 1/1 Total Cost: KES 0.8000',
    Recipients: [{ statusCode, number: '+254711000001', status, cost: 'KES 0.8000', messageId: 'ATXid_1' }],
  },
});

describe('interpretSmsResponse', () => {
  it.each([
    [100, 'Processed'],
    [101, 'Success'],
    [102, 'Queued'],
  ])('accepts status %i (%s)', (code, status) => {
    expect(interpretSmsResponse(response(code, status))).toEqual({ kind: 'accepted', messageId: 'ATXid_1' });
  });

  it.each([
    [401, 'RiskHold', true],
    [402, 'InvalidSenderId', true],
    [403, 'InvalidPhoneNumber', true],
    [404, 'UnsupportedNumberType', true],
    [405, 'InsufficientBalance', true],
    [406, 'UserInBlacklist', true],
    [407, 'CouldNotRoute', false],
    [409, 'DoNotDisturbRejection', true],
    [500, 'InternalServerError', false],
    [501, 'GatewayError', false],
    [502, 'RejectedByGateway', true],
  ])('refuses status %i (%s), permanent=%s', (code, status, permanent) => {
    expect(interpretSmsResponse(response(code, status))).toEqual({
      kind: 'refused',
      permanent,
      reason: `${status} (${code})`,
      providerCode: code,
    });
  });

  it('treats an empty recipient list as a permanent refusal quoting AT', () => {
    expect(
      interpretSmsResponse({ SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] } }),
    ).toMatchObject({
      kind: 'refused',
      permanent: true,
      reason: 'sent to nobody: InvalidSenderId',
    });
  });

  it('treats an unexpected body as transient', () => {
    expect(interpretSmsResponse('<html>proxy error</html>')).toMatchObject({
      kind: 'refused',
      permanent: false,
    });
  });
});
