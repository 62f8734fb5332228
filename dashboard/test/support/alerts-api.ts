import type { Page } from 'playwright-core';
import type { Stack } from './stack';

let fingerprints = 0;

/** Opens an incident the way Prometheus does: an Alertmanager webhook v4 notification. Returns its ref. */
export async function fireAlert(
  stack: Stack,
  alert: { alertname: string; service: string; summary: string },
): Promise<number> {
  const fingerprint = `e2e${process.pid}${++fingerprints}${Date.now().toString(36)}`;
  const labels = { alertname: alert.alertname, severity: 'page', service: alert.service, team: 'oncall' };
  const groupKey = `{}/{severity="page"}:{alertname="${alert.alertname}",fp="${fingerprint}"}`;
  const body = {
    version: '4',
    groupKey,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'stimawatch-pager',
    groupLabels: { alertname: alert.alertname },
    commonLabels: labels,
    commonAnnotations: { summary: alert.summary },
    externalURL: 'http://alertmanager:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: alert.summary },
        startsAt: new Date().toISOString(),
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph',
        fingerprint,
      },
    ],
  };
  const response = await fetch(`${stack.alertsUrl}/v1/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.hookToken}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 200)
    throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  const list = (await adminGet(stack, '/v1/incidents?limit=20')) as {
    incidents: { ref: number; title: string }[];
  };
  const incident = list.incidents.find((i) => i.title === alert.summary);
  if (incident === undefined) throw new Error(`no incident titled ${alert.summary}`);
  return incident.ref;
}

export async function adminGet(stack: Stack, path: string): Promise<unknown> {
  const response = await fetch(`${stack.alertsUrl}${path}`, {
    headers: { authorization: `Bearer ${stack.adminToken}` },
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

/** A write from inside the signed-in page, exactly as the console makes it (session cookie + CSRF header). */
export function postFromPage(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async (target) => {
    const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: '{}',
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }, path);
}
