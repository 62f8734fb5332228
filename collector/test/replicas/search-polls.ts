import { JOBS } from '@stimawatch/core';
import type { FakeXRequest, FakeXServer } from '@stimawatch/core/fakes';
import type { Queue } from 'bullmq';
import { eventually, type StackProcess } from '../../../alerts/test/e2e/stack-processes';

export const SEARCH_PATH = '/2/tweets/search/recent';
const SCHEDULED_ID = /^repeat:social-poll-mentions:(\d+)$/;

export interface SearchPoll {
  /** The scheduled time of the job (from its scheduler job id), in ms. */
  slotMs: number;
  processedOn: number;
  finishedOn: number;
  /** Search requests the fake X API answered while this job ran. */
  requests: FakeXRequest[];
}

export interface SearchPollRecord {
  polls: SearchPoll[];
  /** Every search request the fake answered, in order. */
  requests: FakeXRequest[];
  /** Search requests that fall in no completed poll job (another replica polling on its own would add some). */
  unattributed: FakeXRequest[];
}

/**
 * Waits until at least `minPolls` scheduled mention polls completed and no social job is running, then pairs
 * each completed poll job (wherever it ran) with the search requests the fake X API answered during it.
 */
export async function settledSearchPolls(
  queue: Queue,
  fakeX: FakeXServer,
  minPolls: number,
  timeoutMs: number,
  processes: readonly StackProcess[],
): Promise<SearchPollRecord> {
  return eventually(
    `${minPolls} completed mention polls and no job running`,
    async () => {
      const jobs = (await queue.getJobs(['completed'])).filter((job) => job.name === JOBS.pollMentions);
      const requests = fakeX.requests.filter((request) => request.path === SEARCH_PATH);
      // A poll that started after the read above is either still running or has completed since: try again.
      const running = await queue.getActiveCount();
      const completedSince = (await queue.getJobs(['completed'])).filter(
        (job) => job.name === JOBS.pollMentions,
      ).length;
      if (jobs.length < minPolls || running > 0 || completedSince !== jobs.length) return undefined;
      const polls = jobs
        .map((job): SearchPoll => {
          const slot = SCHEDULED_ID.exec(job.id ?? '')?.[1];
          if (slot === undefined) throw new Error(`poll job ${job.id} was not made by the job scheduler`);
          const processedOn = job.processedOn ?? Number.NaN;
          const finishedOn = job.finishedOn ?? Number.NaN;
          return {
            slotMs: Number(slot),
            processedOn,
            finishedOn,
            requests: requests.filter((request) => request.at >= processedOn && request.at <= finishedOn),
          };
        })
        .sort((x, y) => x.slotMs - y.slotMs);
      const unattributed = requests.filter(
        (request) => !polls.some((poll) => poll.requests.includes(request)),
      );
      return { polls, requests, unattributed };
    },
    timeoutMs,
    processes,
  );
}

export interface PostRounds {
  /** The record after one more poll than there were rounds, so the last round was read too. */
  record: SearchPollRecord;
  /** Per round, the id of its newest post: where since_id should move after that round's poll. */
  newestIds: string[];
}

/**
 * Adds each round of posts to the fake X API after the previous round was polled, so since_id has to move
 * on between polls. Runs in the background while other checks use the stack.
 */
export async function postBetweenPolls(
  queue: Queue,
  fakeX: FakeXServer,
  rounds: readonly (readonly string[])[],
  processes: readonly StackProcess[],
): Promise<PostRounds> {
  const stepTimeoutMs = 20_000;
  const start = (await settledSearchPolls(queue, fakeX, 1, stepTimeoutMs, processes)).polls.length;
  const newestIds: string[] = [];
  for (const [round, texts] of rounds.entries()) {
    const added = texts.map((text, index) =>
      fakeX.addPost({ text, authorUsername: `customer_${round}_${index}` }),
    );
    newestIds.push(added.at(-1)?.id ?? '');
    await settledSearchPolls(queue, fakeX, start + round + 1, stepTimeoutMs, processes);
  }
  const record = await settledSearchPolls(queue, fakeX, start + rounds.length + 1, stepTimeoutMs, processes);
  return { record, newestIds };
}
