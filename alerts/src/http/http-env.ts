import type { HttpBindings } from '@hono/node-server';
import type { Principal } from '../api-tokens';

/** Hono environment of the alerts app: Node bindings (may be absent in `app.request` tests) and the caller. */
export interface AlertsHttpEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { principal: Principal };
}
