// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { SessionProvider } from './SessionProvider';

afterEach(cleanup);

interface Reply {
  status: number;
  body: unknown;
}

/** A fake same-origin server for the session endpoints. */
function fakeFetch(routes: Record<string, (init: RequestInit | undefined) => Reply>) {
  const seen: { path: string; csrf: string | null }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const headers = new Headers(init?.headers);
    seen.push({ path: `${init?.method ?? 'GET'} ${path}`, csrf: headers.get('x-csrf-token') });
    const route = routes[`${init?.method ?? 'GET'} ${path}`];
    const reply = route?.(init) ?? { status: 404, body: { error: 'NOT_FOUND', message: 'no route' } };
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { impl, seen };
}

const anonymous = {
  user: null,
  csrfToken: 'anon-csrf',
  permissions: {},
  settings: { commsSilenceMinutes: 15, xPosting: false },
};

describe('LoginForm', () => {
  it('shows the generic refusal for a wrong password and sends the CSRF token', async () => {
    const server = fakeFetch({
      'GET /auth/session': () => ({ status: 200, body: anonymous }),
      'POST /auth/login': () => ({
        status: 401,
        body: { error: 'UNAUTHORIZED', message: 'Invalid username or password.' },
      }),
    });
    render(
      <SessionProvider fetchImpl={server.impl}>
        <App />
      </SessionProvider>,
    );
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'amina' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Invalid username or password.');
    expect(server.seen.find((call) => call.path === 'POST /auth/login')?.csrf).toBe('anon-csrf');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('returns to the login form with a notice when a call answers 401 after sign-in', async () => {
    const server = fakeFetch({
      'GET /auth/session': () => ({ status: 200, body: anonymous }),
      'POST /auth/login': () => ({
        status: 200,
        body: {
          ...anonymous,
          csrfToken: 'session-csrf',
          user: { username: 'amina', name: 'Amina', role: 'viewer' },
          permissions: { acknowledge: false, resolve: false, publishStatement: false },
        },
      }),
      'GET /v1/incidents?limit=100&status=open,acknowledged': () => ({
        status: 401,
        body: { error: 'UNAUTHORIZED', message: 'session expired' },
      }),
    });
    window.location.hash = '#/incidents';
    render(
      <SessionProvider fetchImpl={server.impl}>
        <App />
      </SessionProvider>,
    );
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'amina' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByText('Your session has ended. Sign in again.')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    window.location.hash = '';
  });
});
