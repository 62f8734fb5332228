/** BullMQ queue and job names, in one place so producers and workers cannot drift apart. */
export const QUEUES = {
  notifications: 'stimawatch-notifications',
  escalations: 'stimawatch-escalations',
  commsSilence: 'stimawatch-comms-silence',
  socialPoll: 'stimawatch-social-poll',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  deliverNotification: 'deliver-notification',
  escalate: 'escalate',
  commsNudge: 'comms-nudge',
  pollMentions: 'poll-mentions',
  pollOfficialTimeline: 'poll-official-timeline',
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/**
 * Options every BullMQ producer queue is created with. `skipVersionCheck`: BullMQ checks the Redis version once,
 * when a queue starts. If Redis drops while that check is in flight and the connection's retries run out, BullMQ
 * keeps the failure for the queue's lifetime: every later call fails although the connection has recovered.
 * Without the check, a starting queue only waits for its connection. (The check refuses Redis older than 5; the
 * stack runs Redis 7.)
 */
export const PRODUCER_QUEUE_OPTIONS = { skipVersionCheck: true } as const;
