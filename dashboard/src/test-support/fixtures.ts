import type { Incident, LiveSnapshot, Mention } from '../api/wire-types';

export function incidentFixture(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    ref: 7,
    service: 'vending',
    severity: 'page',
    team: 'oncall',
    title: 'Token vend failures burning the error budget fast',
    status: 'open',
    customerFacing: true,
    openedAt: '2026-05-04T16:00:00.000Z',
    reopenedAt: null,
    round: 1,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    firstStatementAt: null,
    escalationLevel: 0,
    escalatedAt: null,
    ...overrides,
  };
}

export function snapshotFixture(overrides: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    generatedAt: '2026-05-04T16:10:00.000Z',
    tokensLastMinute: 42,
    tokensSameMinuteLastWeek: 120,
    systemFailureRatio5m: 0.125,
    failures5m: 25,
    counted5m: 200,
    paymentsWithoutToken: 3,
    topErrorCodes15m: [
      {
        code: 'HSM_UNAVAILABLE',
        class: 'system',
        count: 20,
        rawExamples: ['HSM_UNAVAILABLE', 'HSMUnavailableEx'],
      },
    ],
    probes: [
      { name: 'sandbox-vend', up: false, lastCheckedAt: '2026-05-04T16:09:30.000Z', durationSeconds: 1.5 },
    ],
    redisUp: true,
    series: {
      startMs: Date.parse('2026-05-04T13:11:00Z'),
      stepSeconds: 60,
      tokens: [100, 90, 42, 7],
      failures: [0, 1, 20, 4],
    },
    ...overrides,
  };
}

export function mentionFixture(overrides: Partial<Mention> = {}): Mention {
  return {
    id: 1,
    source: 'x',
    channel: 'x',
    externalId: '1',
    url: 'https://x.com/mteja/status/1',
    author: 'mteja',
    text: 'Nimelipa token haijafika tangu asubuhi',
    createdAt: '2026-05-04T16:05:00.000Z',
    lang: 'sw',
    category: 'outage_complaint',
    topic: 'token_purchase',
    county: 'Nairobi',
    sentiment: 'negative',
    sentimentScore: -0.6,
    reach: 1200,
    impressions: 1200,
    followers: 300,
    reportKind: null,
    ...overrides,
  };
}
