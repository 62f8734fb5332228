/** Every Redis key of the social module, under `<prefix>:social:`, so tests isolate with a unique prefix. */
export function socialKeys(prefix: string) {
  const base = `${prefix}:social`;
  return {
    base,
    complaintAuthors: `${base}:count:authors`,
    complaintBucket: (bucket: number) => `${base}:count:bucket:${bucket}`,
    complaintHistory: (day: string) => `${base}:count:history:${day}`,
    historyStart: `${base}:count:since`,
    windowPosts: `${base}:count:posts`,
    windowNegative: `${base}:count:negative`,
    repeatByAuthor: (author: string, fingerprint: string) => `${base}:repeat:a:${author}:${fingerprint}`,
    repeatByText: (fingerprint: string) => `${base}:repeat:t:${fingerprint}`,
    reportCounted: (reporter: string) => `${base}:report:${reporter}`,
    reportRate: (client: string, minute: number) => `${base}:rate:report:${client}:${minute}`,
    sinceId: (stream: string) => `${base}:x:since:${stream}`,
    searchCursor: `${base}:x:cursor:search`,
    userIds: `${base}:x:user-ids`,
    guard: (endpoint: string) => `${base}:x:guard:${endpoint}`,
    sourceUp: `${base}:x:up`,
    pollLock: (name: string) => `${base}:x:lock:${name}`,
    readBudget: (month: string) => `${base}:x:budget:${month}`,
    readBudgetAlerted: (month: string, level: string) => `${base}:x:budget-alerted:${month}:${level}`,
    lastOfficialStatement: `${base}:official:last-ts`,
    schedulerLock: `${base}:jobs:scheduler-lock`,
    schedulerConfig: `${base}:jobs:scheduler-config`,
  };
}

export type SocialKeys = ReturnType<typeof socialKeys>;
