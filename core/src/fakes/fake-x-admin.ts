import type { IncomingMessage } from 'node:http';
import type { FakeXPost, FakeXPostInput, FakeXStore, FakeXUserInput } from './fake-x-store';
import { FAKE_X_FAULTS, type FakeXFault, type FakeXReply, readJson } from './fake-x-wire';

export interface FakeXAdminState {
  store: FakeXStore;
  requests: unknown[];
  publishedPosts: FakeXPost[];
  setFault(fault: FakeXFault | null, options?: { times?: number }): void;
}

/**
 * Admin routes of the fake X server, for a simulator in another process: `POST /__fake/users`,
 * `POST /__fake/posts` (one object or an array), `POST /__fake/fault` (`{fault, times?}`),
 * `GET /__fake/requests`, `GET /__fake/published`.
 */
export async function handleFakeXAdmin(
  req: IncomingMessage,
  url: URL,
  state: FakeXAdminState,
): Promise<FakeXReply> {
  const route = `${req.method} ${url.pathname}`;
  if (route === 'GET /__fake/requests') return { status: 200, body: state.requests };
  if (route === 'GET /__fake/published') return { status: 200, body: state.publishedPosts };
  const body = await readJson(req);
  const items = Array.isArray(body) ? body : [body];
  if (route === 'POST /__fake/users') {
    return { status: 201, body: items.map((item) => state.store.addUser(item as FakeXUserInput)) };
  }
  if (route === 'POST /__fake/posts') {
    return { status: 201, body: items.map((item) => state.store.addPost(item as FakeXPostInput)) };
  }
  if (route === 'POST /__fake/fault') {
    const { fault, times } = (body ?? {}) as { fault?: FakeXFault | null; times?: number };
    if (fault !== null && !FAKE_X_FAULTS.includes(fault as FakeXFault)) {
      return { status: 400, body: { error: `fault must be one of ${FAKE_X_FAULTS.join(', ')} or null` } };
    }
    state.setFault(fault ?? null, times === undefined ? {} : { times });
    return { status: 204, body: undefined };
  }
  return { status: 404, body: { error: 'unknown fake admin route' } };
}
