import { createRandom } from '../random/seeded-random';
import { NORMAL_EFFECTS, type ScenarioEffects } from '../scenario/scenario';
import type { ModelContext } from './planned-step';
import { createIdentityMint } from './purchase-identity';

/** A model context for unit tests: seeded, with fixed scenario effects. */
export function testContext(seed: number, effects: Partial<ScenarioEffects> = {}): ModelContext {
  const random = createRandom(seed);
  const merged = { ...NORMAL_EFFECTS, ...effects };
  return { random, mint: createIdentityMint(random.fork('ids')), effectsAt: () => merged };
}
