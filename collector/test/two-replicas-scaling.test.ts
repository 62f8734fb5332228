import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../alerts/test/e2e/stack-processes';
import { event, INGEST_TOKEN, ndjson } from './helpers/collector-harness';
import type { CollectorReplica } from './replicas/collector-replica';
import { type ReplicaStack, startReplicaStack, X_POLL_INTERVAL_SECONDS } from './replicas/replica-stack';
import { type PostRounds, postBetweenPolls } from './replicas/search-polls';

const JOB = '{job="stimawatch-collector"}';

const LATER_POSTS = [
  [
    'KPLC nimelipa paybill 888880 lakini tokens hazijaingia, meter iko dead',
    'Kenya Power paid 1000 via mpesa and no tokens for two hours now',
  ],
  [
    'stima imepotea Kisumu tangu jana usiku, KPLC tusaidie',
    'KPLC why are tokens taking forever today? paid at 8am still waiting',
  ],
];

let stack: ReplicaStack;
/** The X polls go on in the background (5 s apart) while the vend checks run. */
let xRounds: Promise<PostRounds>;
beforeAll(async () => {
  // One post before the start: the first poll reads one page and moves since_id past it.
  stack = await startReplicaStack([
    { text: 'KPLC tokens hazijaingia since morning, paid via paybill', authorUsername: 'wanjiku' },
  ]);
  const processes = [stack.prometheus.process, ...stack.replicas.map((replica) => replica.process)];
  xRounds = postBetweenPolls(stack.socialQueue, stack.fakeX, LATER_POSTS, processes);
  // Awaited by the last test; until then a failure must not surface as an unhandled rejection.
  xRounds.catch(() => undefined);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const ago = (seconds: number) => ({ occurredAt: new Date(Date.now() - seconds * 1000).toISOString() });

async function send(replica: CollectorReplica, events: unknown[], asArray = false) {
  const response = await fetch(`${replica.url}/v1/vend-events`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${INGEST_TOKEN}`,
      'content-type': asArray ? 'application/json' : 'application/x-ndjson',
    },
    body: asArray ? JSON.stringify(events) : ndjson(events),
  });
  expect(response.status).toBe(202);
  return (await response.json()) as { accepted: number; duplicates: number; rejected: unknown[] };
}

/** Waits for a PromQL value, then checks it still holds once every replica was scraped again (no overshoot). */
async function settlesAt(expr: string, expected: number): Promise<void> {
  const { prometheus, replicas } = stack;
  const processes = [prometheus.process, ...replicas.map((replica) => replica.process)];
  await eventually(
    `${expr} == ${expected}`,
    async () => ((await prometheus.value(expr)) === expected ? true : undefined),
    15_000,
    processes,
  );
  await prometheus.scrapedAfter(Date.now());
  expect(await prometheus.value(expr)).toBe(expected);
}

/** Both replicas export the same Redis-backed gauge value, as Prometheus sees them. */
async function gaugeAgrees(metric: string, expected: number): Promise<void> {
  await settlesAt(`max(${metric}${JOB})`, expected);
  expect(await stack.prometheus.value(`min(${metric}${JOB})`)).toBe(expected);
  expect(await stack.prometheus.value(`count(${metric}${JOB})`)).toBe(2);
}

describe('two collector replicas on one Redis, scraped by one Prometheus', () => {
  it('sums counters over the replicas and exports the same global gauge from each', async () => {
    const [a, b] = stack.replicas;
    const paid = (n: number) => event(`RPA${n}ZDR4F`, 'payment_received', 'success', ago(60));
    const lookedUp = (n: number) => event(`RPA${n}ZDR4F`, 'meter_lookup', 'success', ago(58));
    const token = (n: number, outcome = 'success', extra = {}) =>
      event(`RPA${n}ZDR4F`, 'token_generation', outcome, { ...ago(50), ...extra });
    const first = [1, 2, 3, 4, 5, 6];
    const second = [7, 8, 9, 10];
    const onA = [
      ...first.flatMap((n) => [paid(n), lookedUp(n)]),
      token(3, 'failed', { error: { domain: 'vending', rawCode: 'HSM_UNAVAILABLE' } }),
    ];
    const onB = [...second.flatMap((n) => [paid(n), lookedUp(n)]), token(1), token(2)];
    expect(await send(a, onA)).toEqual({ accepted: 13, duplicates: 0, rejected: [] });
    expect(await send(b, onB, true)).toEqual({ accepted: 10, duplicates: 0, rejected: [] });

    await settlesAt(`sum(stimawatch_vend_stage_total${JOB})`, 23);
    expect(
      await stack.prometheus.valuesBy(`sum by (instance) (stimawatch_vend_stage_total${JOB})`, 'instance'),
    ).toEqual({ [a.target]: 13, [b.target]: 10 });
    expect(
      await stack.prometheus.value(
        'sum(stimawatch_vend_stage_total{stage="payment_received",outcome="success"})',
      ),
    ).toBe(10);
    expect(await stack.prometheus.value('sum(stimawatch_vend_errors_total{code="HSM_UNAVAILABLE"})')).toBe(1);
    // Ten payments, two tokens (on the other replica than their payments): eight paid without a token.
    await gaugeAgrees('stimawatch_payments_without_token', 8);

    // The remaining tokens, each sent to the replica that did not see its payment.
    expect(
      await send(
        a,
        second.map((n) => token(n)),
      ),
    ).toMatchObject({ accepted: 4, duplicates: 0 });
    expect(
      await send(
        b,
        [3, 4, 5, 6].map((n) => token(n)),
      ),
    ).toMatchObject({ accepted: 4, duplicates: 0 });
    await settlesAt(`sum(stimawatch_vend_stage_total${JOB})`, 31);
    await settlesAt('sum(stimawatch_payment_to_token_seconds_count{channel="mpesa_c2b"})', 10);
    await gaugeAgrees('stimawatch_payments_without_token', 0);
  });

  it('pairs a payment on one replica with its token on the other, and treats a replay to either as a duplicate', async () => {
    const [a, b] = stack.replicas;
    const attemptId = 'ws_CO_020320261000001234';
    const paid = { ...event(attemptId, 'payment_received', 'success', ago(40)), channel: 'mpesa_stk' };
    const token = { ...event(attemptId, 'token_generation', 'success', ago(28)), channel: 'mpesa_stk' };
    const duplicatesBefore =
      (await stack.prometheus.value(`sum(stimawatch_ingest_duplicates_total${JOB})`)) ?? 0;

    expect(await send(a, [paid])).toMatchObject({ accepted: 1, duplicates: 0 });
    await gaugeAgrees('stimawatch_payments_without_token', 1);
    expect(await send(b, [token])).toMatchObject({ accepted: 1, duplicates: 0 });
    await settlesAt('sum(stimawatch_payment_to_token_seconds_count{channel="mpesa_stk"})', 1);
    expect(
      await stack.prometheus.value('sum(stimawatch_payment_to_token_seconds_sum{channel="mpesa_stk"})'),
    ).toBe(12);
    await gaugeAgrees('stimawatch_payments_without_token', 0);

    // Each event replayed to the replica that did not receive it first.
    expect(await send(b, [paid])).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await send(a, [token])).toMatchObject({ accepted: 0, duplicates: 1 });
    await settlesAt(`sum(stimawatch_ingest_duplicates_total${JOB})`, duplicatesBefore + 2);
    expect(await stack.prometheus.value('sum(stimawatch_vend_stage_total{channel="mpesa_stk"})')).toBe(2);
    expect(
      await stack.prometheus.value('sum(stimawatch_payment_to_token_seconds_count{channel="mpesa_stk"})'),
    ).toBe(1);
    await gaugeAgrees('stimawatch_payments_without_token', 0);
  });

  it('polls X once per interval across both replicas and counts each post once', async () => {
    const { fakeX, socialQueue, prometheus, db } = stack;
    const { record, newestIds } = await xRounds;

    const slots = record.polls.map((poll) => poll.slotMs);
    const gaps = slots.slice(1).map((slot, index) => slot - (slots[index] ?? 0));
    expect(gaps.every((gap) => gap === X_POLL_INTERVAL_SECONDS * 1000)).toBe(true);
    // Every scheduled poll ran once, on one replica, with one search request (few posts: one page each).
    expect(record.polls.map((poll) => poll.requests.length)).toEqual(record.polls.map(() => 1));
    expect(record.unattributed).toEqual([]);
    expect(record.requests).toHaveLength(record.polls.length);
    expect(record.requests.every((request) => request.status === 200)).toBe(true);
    // The first poll reads one page without since_id; since_id then moves past each round of posts.
    const sinceIds = record.requests.map((request) => request.query.since_id);
    expect(sinceIds[0]).toBeUndefined();
    expect([...new Set(sinceIds.slice(1))].slice(-2)).toEqual(newestIds);
    // The timelines (hourly) were read once at the start: one request per official handle.
    expect(fakeX.requests.filter((request) => /^\/2\/users\/\d+\/tweets$/.test(request.path))).toHaveLength(
      2,
    );
    const schedulers = await socialQueue.getJobSchedulers();
    expect(schedulers.filter((scheduler) => scheduler.key === 'social-poll-mentions')).toHaveLength(1);

    await settlesAt('sum(stimawatch_social_posts_total{source="x"})', 5);
    expect(await prometheus.value('sum(stimawatch_social_posts_read_total)')).toBe(5);
    const stored = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM social_mentions WHERE source = 'x'",
    );
    expect(stored.rows[0]?.n).toBe(5);
  });
});
