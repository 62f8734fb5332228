/** Durable delayed jobs the incident engine schedules (BullMQ in production; see queues/bullmq-timers.ts). */

export interface EscalationJob {
  incidentId: string;
  round: number;
  level: number;
  repeat: number;
}

export interface CommsSilenceJob {
  incidentId: string;
  round: number;
  /** 1: nudge the comms rotation; 2: tell management (at twice the silence limit). */
  stage: 1 | 2;
}

export interface IncidentTimers {
  /** Idempotent per job id: scheduling the same step twice keeps one job. */
  scheduleEscalation(job: EscalationJob, delayMs: number): Promise<void>;
  /** Removes a pending job; false when none was pending or it is already running (its handler re-checks). */
  cancelEscalation(job: EscalationJob): Promise<boolean>;
  scheduleCommsNudge(job: CommsSilenceJob, delayMs: number): Promise<void>;
  cancelCommsNudge(job: CommsSilenceJob): Promise<boolean>;
}

/** Job ids: no ':' and never all digits (BullMQ rules); unique per incident, round and step. */
export function escalationJobId(job: EscalationJob): string {
  return `esc-${job.incidentId}-${job.round}-${job.level}-${job.repeat}`;
}

export function commsSilenceJobId(job: CommsSilenceJob): string {
  return `comms-${job.incidentId}-${job.round}-${job.stage}`;
}
