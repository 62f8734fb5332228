import type { IncomingMessage } from 'node:http';

/** X API v2 error documents and page tokens, as the fake X server writes them. */

export const FAKE_X_FAULTS = [
  'unauthorized',
  'forbidden',
  'rate_limited',
  'server_error',
  'malformed',
  'partial_error',
  'empty',
] as const;
export type FakeXFault = (typeof FAKE_X_FAULTS)[number];

export interface FakeXReply {
  status: number;
  body: unknown;
}

/** An RFC 7807 problem document as X sends it (`{"title":"Unauthorized","type":"about:blank",…}`). */
export function xProblem(status: number, title: string, detail: string, type = 'about:blank') {
  return { title, type, status, detail };
}

/** The reply for an injected fault; a string body is written as is (the malformed one is not JSON). */
export function renderFakeXFault(kind: 'unauthorized' | 'forbidden' | 'server_error' | 'malformed'): {
  status: number;
  body: unknown;
} {
  switch (kind) {
    case 'unauthorized':
      return { status: 401, body: xProblem(401, 'Unauthorized', 'Unauthorized') };
    case 'forbidden':
      return {
        status: 403,
        body: {
          client_id: '29145381',
          detail:
            'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
          registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
          title: 'Client Forbidden',
          required_enrollment: 'Appropriate Level of API Access',
          reason: 'client-not-enrolled',
          type: 'https://api.twitter.com/2/problems/client-forbidden',
        },
      };
    case 'server_error':
      return { status: 503, body: xProblem(503, 'Service Unavailable', 'Service Unavailable') };
    case 'malformed':
      return { status: 200, body: '{"data":[{"id":"1","text":"tokens not wor' };
  }
}

export function notFound(parameter: string, value: string, resourceType = 'user') {
  return {
    value,
    detail: `Could not find ${resourceType} with ${parameter}: [${value}].`,
    title: 'Not Found Error',
    resource_type: resourceType,
    parameter,
    resource_id: value,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
}

export function invalidRequest(parameter: string, value: string, message: string): FakeXReply {
  return {
    status: 400,
    body: {
      errors: [{ parameters: { [parameter]: [value] }, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  };
}

export function fieldSet(raw: string | null): ReadonlySet<string> {
  return new Set((raw ?? '').split(',').filter((field) => field !== ''));
}

export function encodePageToken(lastId: string): string {
  return Buffer.from(`page-after:${lastId}`).toString('base64url');
}

export function decodePageToken(token: string): string | null {
  const decoded = /^page-after:(\d{1,19})$/.exec(Buffer.from(token, 'base64url').toString());
  return decoded?.[1] ?? null;
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text === '' ? undefined : JSON.parse(text);
}
