import { type RenderResult, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import type { ConsolePermissions, Role } from '../api/wire-types';
import { SessionContext, type SessionState } from '../auth/session-context';

export interface RecordedCall {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

const PERMISSIONS: Record<Role, ConsolePermissions> = {
  viewer: { acknowledge: false, resolve: false, publishStatement: false },
  oncall: { acknowledge: true, resolve: true, publishStatement: false },
  comms: { acknowledge: false, resolve: false, publishStatement: true },
  admin: { acknowledge: true, resolve: true, publishStatement: true },
};

/** Renders `ui` as a signed-in user of `role`; API calls are recorded and answered by `respond`. */
export function renderSignedIn(
  ui: ReactNode,
  options: { role?: Role; respond?: (call: RecordedCall) => unknown; xPosting?: boolean } = {},
): RenderResult & { calls: RecordedCall[] } {
  const role = options.role ?? 'admin';
  const calls: RecordedCall[] = [];
  const answer = async (call: RecordedCall) => {
    calls.push(call);
    return options.respond?.(call);
  };
  const api: ApiClient = {
    get: (path) => answer({ method: 'GET', path }) as never,
    post: (path, body) => answer({ method: 'POST', path, body }) as never,
  };
  const session: SessionState = {
    status: 'signed-in',
    signedIn: {
      user: { username: `${role}-user`, name: `Test ${role}`, role },
      permissions: PERMISSIONS[role],
      settings: { commsSilenceMinutes: 15, xPosting: options.xPosting ?? false },
    },
    notice: null,
    api,
    login: async () => undefined,
    logout: async () => undefined,
  };
  const result = render(<SessionContext.Provider value={session}>{ui}</SessionContext.Provider>);
  return { ...result, calls };
}
