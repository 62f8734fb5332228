import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFakeAfricasTalking } from '@stimawatch/core/fakes';
import { exitCodeAfterSigterm } from '@stimawatch/core/testing';
import { describe, expect, it } from 'vitest';
import { createAfricasTalkingNotifier } from '../src/notifiers';
import { notification } from './delivery-fixtures';

const CLI = fileURLToPath(new URL('../../core/src/fakes/run-fake-sms-inbox.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('local SMS inbox (fake Africa’s Talking)', () => {
  it('lists received SMS newest first over GET /inbox, readable from the dashboard origin', async () => {
    const inbox = await startFakeAfricasTalking();
    try {
      const sms = createAfricasTalkingNotifier({
        username: 'stimawatch',
        apiKey: 'k',
        baseUrl: inbox.url,
        timeoutMs: 1000,
      });
      await sms.send(notification({ to: '+254711000001', text: 'first' }));
      await sms.send(notification({ to: '+254711000002', text: 'second' }));

      const response = await fetch(`${inbox.url}/inbox`);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const { messages } = (await response.json()) as { messages: Array<{ to: string; message: string }> };
      expect(messages.map((m) => m.to)).toEqual(['+254711000002', '+254711000001']);
      expect(messages[0]?.message).toContain('second');

      expect((await fetch(`${inbox.url}/inbox`, { method: 'DELETE' })).status).toBe(200);
      expect(inbox.inbox()).toEqual([]);
      const missing = await fetch(`${inbox.url}/version1/messaging`, {
        method: 'POST',
        headers: { apikey: 'k', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'username=stimawatch&message=hi',
      });
      expect(missing.status).toBe(400);
      expect(await missing.text()).toBe("Request is missing required form field 'to'");
    } finally {
      await inbox.close();
    }
  });

  it('runs as a CLI that prints its URL and stops on SIGTERM', async () => {
    const child = spawn(TSX, [CLI], {
      env: { ...process.env, FAKE_SMS_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
      });
      const response = await fetch(`${url}/inbox`);
      expect(await response.json()).toEqual({ messages: [] });
      expect(await exitCodeAfterSigterm(child)).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
