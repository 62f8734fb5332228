import type { Role } from '../api-tokens';

/**
 * Which roles may do what in the console. The same lists guard the API routes (`requireRole` in
 * http/incident-routes.ts and http/statement-routes.ts), which refuse everyone else with 403; the console uses
 * this table only to hide buttons a user could not use.
 */
export const CONSOLE_ACTION_ROLES = {
  acknowledge: ['oncall', 'admin'],
  resolve: ['oncall', 'admin'],
  publishStatement: ['comms', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type ConsoleAction = keyof typeof CONSOLE_ACTION_ROLES;

export function permissionsOf(role: Role): Record<ConsoleAction, boolean> {
  const allowed = (action: ConsoleAction) => (CONSOLE_ACTION_ROLES[action] as readonly Role[]).includes(role);
  return {
    acknowledge: allowed('acknowledge'),
    resolve: allowed('resolve'),
    publishStatement: allowed('publishStatement'),
  };
}
