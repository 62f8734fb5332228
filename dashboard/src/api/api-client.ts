/** An answer other than 2xx, with the service's `{error, message}` when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

export interface ApiClientOptions {
  /** The session's CSRF token, sent on every write (double-submit with the cookie). */
  csrfToken: () => string;
  /** Called on 401 so the console returns to the login form. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = 'HTTP_ERROR';
  let message = `request failed (${response.status})`;
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.message === 'string') message = body.message;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new ApiError(response.status, code, message);
}

/** Same-origin JSON calls: cookies go along, writes carry the CSRF header, a 401 ends the session in the UI. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['X-CSRF-Token'] = options.csrfToken();
      headers['Content-Type'] = 'application/json';
    }
    const response = await doFetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(method !== 'GET' && { body: JSON.stringify(body ?? {}) }),
    });
    if (response.status === 401) {
      options.onUnauthorized();
      throw await errorFrom(response);
    }
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}
