import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createFastHistogram } from './fast-histogram';

describe('fast histogram', () => {
  it('renders exactly what a prom-client Histogram renders for the same observations', async () => {
    const buckets = [0.1, 0.5, 1, 5];
    const stages = ['meter_lookup', 'token_generation'];
    const fastRegistry = new Registry();
    const fast = createFastHistogram({
      name: 'stage_seconds',
      help: 'Stage time.',
      labelName: 'stage',
      labelValues: stages,
      buckets,
      registry: fastRegistry,
    });
    const referenceRegistry = new Registry();
    const reference = new Histogram({
      name: 'stage_seconds',
      help: 'Stage time.',
      labelNames: ['stage'],
      buckets,
      registers: [referenceRegistry],
    });
    for (const [index, value] of [0.05, 0.1, 0.3, 2, 7, 1, 0.2].entries()) {
      fast.observe(index % 2, value);
      reference.labels(stages[index % 2] as string).observe(value);
    }
    expect(await fastRegistry.metrics()).toBe(await referenceRegistry.metrics());
  });

  it('renders nothing for a label value never observed', async () => {
    const registry = new Registry();
    createFastHistogram({
      name: 'x_seconds',
      help: 'x',
      labelName: 'stage',
      labelValues: ['a'],
      buckets: [1],
      registry,
    });
    expect(await registry.metrics()).toBe('# HELP x_seconds x\n# TYPE x_seconds histogram\n');
  });
});
