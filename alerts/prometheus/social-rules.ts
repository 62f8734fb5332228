import { METRICS } from '@stimawatch/core';
import { num, type RuleContext, type RuleGroup } from './rule-context';

/** Social gauges are computed from Redis and exported identically by every replica: aggregate with `max`. */
const AUTHORS = `max(${METRICS.socialComplaintAuthors}{window="10m"})`;
// The baseline may or may not carry window="10m"; both read the same.
const BASELINE = `max(${METRICS.socialComplaintAuthorsBaseline}{window=~"10m|"})`;

/** Complaint surge on social media, social sources down, and public silence during an incident. */
export function socialGroup(ctx: RuleContext): RuleGroup {
  const { options } = ctx;
  const silence = (minutes: number) => num(ctx.seconds(`${num(minutes)}m`));
  return {
    name: 'stimawatch-social',
    rules: [
      ctx.alert({
        alert: 'SocialComplaintSurge',
        // Without a baseline yet (a new install), the absolute floor alone decides.
        expr: [
          `${AUTHORS} > (${num(options.socialSurgeFactor)} * ${BASELINE} or vector(0))`,
          `and ${AUTHORS} >= ${num(options.socialSurgeMinAuthors)}`,
        ].join('\n'),
        for: '5m',
        severity: 'page',
        team: 'comms',
        service: 'social',
        summary: 'Customers are complaining of outages on social media',
        description:
          '{{ $value }} distinct people posted outage complaints in the last 10 minutes, over ' +
          `${num(options.socialSurgeFactor)}x the usual for this hour of the week ` +
          `(floor ${num(options.socialSurgeMinAuthors)}).`,
      }),
      ctx.alert({
        alert: 'SocialSourceDown',
        expr: `max by (source) (${METRICS.socialSourceUp}) == 0`,
        for: '5m',
        severity: 'ticket',
        team: 'oncall',
        service: 'social',
        summary: 'Social source {{ $labels.source }} is down',
        description:
          'No collector has read from social source {{ $labels.source }} for 5 minutes; complaint surges ' +
          'from it go unseen until it is back.',
      }),
      ctx.alert({
        alert: 'PublicSilence',
        expr: `max(${METRICS.commsSilenceSeconds}) > ${silence(options.publicSilenceMinutes)}`,
        severity: 'page',
        team: 'comms',
        service: 'social',
        summary: 'Customer-facing incident with no public statement',
        description:
          'An incident has been open {{ $value | humanizeDuration }} without a public statement ' +
          `(the comms target is ${num(options.publicSilenceMinutes)} minutes).`,
      }),
      ctx.alert({
        alert: 'PublicSilence',
        expr: `max(${METRICS.commsSilenceSeconds}) > ${silence(options.publicSilenceManagementMinutes)}`,
        severity: 'ticket',
        team: 'management',
        service: 'social',
        summary: 'Still no public statement on a customer-facing incident',
        description:
          'An incident has been open {{ $value | humanizeDuration }} without a public statement, past the ' +
          `${num(options.publicSilenceManagementMinutes)}-minute management threshold.`,
      }),
    ],
  };
}
