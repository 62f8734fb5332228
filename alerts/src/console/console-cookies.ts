import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export interface CookieNames {
  session: string;
  csrf: string;
}

/**
 * The console's two cookies, both HttpOnly and SameSite=Strict. Over https they are Secure and carry the
 * `__Host-` prefix (bound to this host, path /); over plain http (local runs) they cannot be Secure.
 */
export function consoleCookies(secure: boolean, maxAgeSeconds: number) {
  const names: CookieNames = secure
    ? { session: '__Host-sw_session', csrf: '__Host-sw_csrf' }
    : { session: 'sw_session', csrf: 'sw_csrf' };
  const options = {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    ...(secure && { prefix: 'host' as const }),
  } as const;
  // Hono adds the `__Host-` prefix itself when `prefix: 'host'` is given, so it is set by the bare name.
  const bare = (name: string) => name.replace(/^__Host-/, '');
  return {
    names,
    read(c: Context, which: keyof CookieNames): string | undefined {
      return getCookie(c, names[which]);
    },
    write(c: Context, which: keyof CookieNames, value: string): void {
      setCookie(c, bare(names[which]), value, { ...options, maxAge: maxAgeSeconds });
    },
    clear(c: Context, which: keyof CookieNames): void {
      deleteCookie(c, bare(names[which]), options);
    },
  };
}

export type ConsoleCookies = ReturnType<typeof consoleCookies>;
