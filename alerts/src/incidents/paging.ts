import type { AckLinks } from '../ack-link';
import type { Notification, NotificationChannel, NotificationPurpose } from '../delivery/notification';
import type { EscalationTarget, OnCallConfig, Person, TeamRoute } from '../oncall/oncall-types';
import { whoIsOnCall } from '../oncall/who-is-on-call';
import type { Incident } from '../store/records';

/** The people a level's targets point at right now (rotations resolved to their current shift), without repeats. */
export function resolveTargets(
  targets: readonly EscalationTarget[],
  onCall: OnCallConfig,
  at: Date,
): Person[] {
  const people = new Map<string, Person>();
  for (const target of targets) {
    const rotation = target.kind === 'rotation' ? onCall.rotations.get(target.id) : undefined;
    const personId = rotation ? whoIsOnCall(rotation, at).personId : target.id;
    const person = onCall.people.get(personId);
    if (person !== undefined) people.set(person.id, person);
  }
  return [...people.values()];
}

export interface PageRequest {
  incident: Incident;
  purpose: NotificationPurpose;
  /** Unique per step, e.g. `page-<id>-<round>-<level>-<repeat>`; channel and recipient are appended. */
  keyPrefix: string;
  people: readonly Person[];
  channels: readonly NotificationChannel[];
  team: TeamRoute;
  subject: string;
  /** The message; SMS gets a reply hint and every channel a signed ack link (`ackUrl`) when `ackable`. */
  text: string;
  ackable: boolean;
}

/**
 * One notification per person and personal channel (SMS, e-mail), one per shared team channel (Slack, webhook);
 * with no people (tickets) e-mail goes to the team's address. Channels without an address are skipped.
 */
export function buildNotifications(request: PageRequest, ackLinks: AckLinks): Notification[] {
  const notifications: Notification[] = [];
  const { incident } = request;
  const add = (channel: NotificationChannel, to: string | undefined, recipient: string) => {
    if (to === undefined) return;
    // Delivery prints the link itself (notifiers append `ackUrl`); only an SMS can be answered with "ACK <ref>".
    const replyHint =
      request.ackable && channel === 'sms' ? ` Reply "ACK ${incident.ref}" to acknowledge.` : '';
    notifications.push({
      key: `${request.keyPrefix}-${channel}-${recipient}`,
      incidentId: incident.id,
      purpose: request.purpose,
      channel,
      to,
      recipient,
      // SMS shows the subject above the text; the text already says it all, and every character costs.
      subject: channel === 'sms' ? '' : request.subject,
      text: `${request.text}${replyHint}`,
      ...(request.ackable && { ackUrl: ackLinks.urlFor(incident.id, recipient) }),
    });
  };
  for (const channel of request.channels) {
    if (
      channel === 'slack' ||
      channel === 'webhook' ||
      (channel === 'email' && request.people.length === 0)
    ) {
      add(channel, request.team[channel], request.team.team);
    } else {
      for (const person of request.people)
        add(channel, channel === 'sms' ? person.phone : person.email, person.id);
    }
  }
  return notifications;
}

export function incidentHeadline(incident: Incident): string {
  return `#${incident.ref} ${incident.title} (${incident.service}, ${incident.severity})`;
}
