import { createLogger } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import { createTrafficGenerator } from '../generator/traffic-generator';
import { createControlApp } from './control-app';

const TOKEN = 'control-token-0123456789abcdef';

function setup() {
  const clock = createManualClock(Date.UTC(2024, 5, 4, 16));
  const generator = createTrafficGenerator({
    client: {
      sendDaraja: async () => ({ ok: true, status: 200 }),
      sendVendEvents: async () => ({ ok: true, status: 202 }),
    },
    clock,
    logger: createLogger('test', 'silent'),
  });
  return {
    clock,
    app: createControlApp({ generator, token: TOKEN, logger: createLogger('test', 'silent') }),
  };
}

const post = (body: unknown, token = TOKEN) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('control API', () => {
  it('shows the running scenario', async () => {
    const response = await setup().app.request('/scenario');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: 'normal',
      phase: 'normal',
      runId: 0,
      stats: { purchases: 0 },
    });
  });

  it('switches to an outage with custom durations and reports its phases', async () => {
    const { app, clock } = setup();
    const response = await app.request(
      '/scenario',
      post({ name: 'outage', timeScale: 2, durations: { validationFailingMs: 10_000 } }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ runId: 1, name: 'outage', phase: 'validation_failing' });
    clock.advance(6_000);
    const later = await (await app.request('/scenario')).json();
    expect(later).toMatchObject({ phase: 'tokens_stopped', durations: { validationFailingMs: 10_000 } });
  });

  it('refuses a switch without the bearer token', async () => {
    const response = await setup().app.request(
      '/scenario',
      post({ name: 'outage' }, 'wrong-token-0123456789'),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'UNAUTHORIZED' });
  });

  it('rejects unknown scenarios and broken JSON with a useful 400', async () => {
    const { app } = setup();
    const unknown = await app.request('/scenario', post({ name: 'meteor' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'VALIDATION', details: expect.anything() });
    const broken = await app.request('/scenario', post('{"name":'));
    expect(broken.status).toBe(400);
  });
});
