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
