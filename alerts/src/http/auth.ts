import { bearerToken, StimaError } from '@stimawatch/core';
import type { MiddlewareHandler } from 'hono';
import type { ApiTokens, Principal, Role } from '../api-tokens';
import type { AlertsHttpEnv } from './http-env';

/**
 * Requires a bearer token from API_TOKENS, or a console session (its principal set earlier by the console's
 * `authenticate` middleware), whose role is one of `roles`; 401 without either, 403 for other roles.
 */
export function requireRole(tokens: ApiTokens, roles: readonly Role[]): MiddlewareHandler<AlertsHttpEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const session = c.get('principal') as Principal | undefined;
    const principal = token === undefined ? session : tokens.lookup(token);
    if (principal === undefined) {
      throw new StimaError(
        'UNAUTHORIZED',
        'sign in, or send a valid bearer token (Authorization: Bearer <token>)',
      );
    }
    if (!roles.includes(principal.role)) {
      throw new StimaError(
        'FORBIDDEN',
        `role ${principal.role} may not do this; needs ${roles.join(' or ')}`,
        {
          role: principal.role,
        },
      );
    }
    c.set('principal', principal);
    await next();
  };
}

export const ANY_ROLE: readonly Role[] = ['viewer', 'oncall', 'comms', 'admin'];
