import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../../test-support/fixtures';
import { describeEntry, incidentTimes, meanTimes, timeToFirstPage } from './incident-metrics';

const at = (minutes: number) =>
  new Date(Date.parse('2026-05-04T16:00:00.000Z') + minutes * 60_000).toISOString();

describe('incident metrics', () => {
  it('measures acknowledgement, resolution and first statement from the episode start', () => {
    const incident = incidentFixture({ acknowledgedAt: at(4), resolvedAt: at(50), firstStatementAt: at(20) });
    expect(incidentTimes(incident)).toEqual({
      toAck: 240_000,
      toResolve: 3_000_000,
      toFirstStatement: 1_200_000,
    });
    const reopened = incidentFixture({ reopenedAt: at(60), acknowledgedAt: at(62) });
    expect(incidentTimes(reopened).toAck).toBe(120_000);
  });

  it('averages MTTA and MTTR over the incidents that reached each state', () => {
    const incidents = [
      incidentFixture({ acknowledgedAt: at(2), resolvedAt: at(30) }),
      incidentFixture({ acknowledgedAt: at(6) }),
      incidentFixture(),
    ];
    expect(meanTimes(incidents)).toEqual({ mtta: 240_000, mttr: 1_800_000 });
    expect(meanTimes([])).toEqual({ mtta: null, mttr: null });
  });

  it('finds the first delivered page and describes timeline entries as text', () => {
    const timeline = [
      { id: 1, at: at(0), kind: 'triggered', actor: 'alertmanager', detail: { alertname: 'PaidButNoToken' } },
      {
        id: 2,
        at: at(0),
        kind: 'escalated',
        actor: 'escalation',
        detail: { level: 0, repeat: 0, recipients: ['amina'] },
      },
      {
        id: 3,
        at: at(1),
        kind: 'notified',
        actor: 'delivery',
        detail: { purpose: 'page', channel: 'sms', recipient: 'amina' },
      },
      {
        id: 4,
        at: at(6),
        kind: 'escalated',
        actor: 'escalation',
        detail: { level: 1, repeat: 0, recipients: ['brian'] },
      },
    ];
    expect(timeToFirstPage(incidentFixture(), timeline)).toBe(60_000);
    expect(timeline.map(describeEntry)).toEqual([
      'Alert PaidButNoToken',
      'Paged: amina',
      'page delivered by sms to amina',
      'Escalated to level 2: brian',
    ]);
  });
});
