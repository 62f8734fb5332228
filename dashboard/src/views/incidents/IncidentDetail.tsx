import type { IncidentDetail as Detail } from '../../api/wire-types';
import { formatDateTime, formatDuration } from '../../common/format';
import { IncidentActions } from './IncidentActions';
import { IncidentTimeline } from './IncidentTimeline';
import { incidentTimes } from './incident-metrics';
import { OnCallPanel } from './OnCallPanel';
import { PagesTable } from './PagesTable';
import { StatusBadge } from './StatusBadge';

/** One incident: state, times, actions, who is on call, who was paged, and the timeline. */
export function IncidentDetail({ detail, onChanged }: { detail: Detail; onChanged(): void }) {
  const { incident } = detail;
  const times = incidentTimes(incident);
  return (
    <article className="incident-detail" aria-labelledby="incident-title">
      <header>
        <h2 id="incident-title">
          #{incident.ref} {incident.title}
        </h2>
        <StatusBadge status={incident.status} severity={incident.severity} />
      </header>
      <dl className="facts">
        <dt>Service</dt>
        <dd>
          {incident.service} (team {incident.team}){incident.customerFacing && ', customer-facing'}
        </dd>
        <dt>Opened</dt>
        <dd>{formatDateTime(incident.reopenedAt ?? incident.openedAt)}</dd>
        <dt>Time to acknowledge</dt>
        <dd>
          {formatDuration(times.toAck)}
          {incident.acknowledgedBy !== null && ` by ${incident.acknowledgedBy}`}
        </dd>
        <dt>Time to resolve</dt>
        <dd>
          {formatDuration(times.toResolve)}
          {incident.resolvedBy !== null && ` by ${incident.resolvedBy}`}
        </dd>
        <dt>First public statement</dt>
        <dd>{formatDuration(times.toFirstStatement)}</dd>
      </dl>
      <IncidentActions incident={incident} onChanged={onChanged} />
      <p className="links">
        <a href={`#/incidents/${incident.ref}/report`}>Post-incident report</a>
        {incident.status !== 'resolved' && <a href={`#/comms/${incident.ref}`}>Draft a statement</a>}
      </p>
      <OnCallPanel />
      <section className="panel" aria-labelledby="pages-title">
        <h3 id="pages-title">Pages</h3>
        <PagesTable notifications={detail.notifications} />
      </section>
      <section className="panel" aria-labelledby="timeline-title">
        <h3 id="timeline-title">Timeline</h3>
        <IncidentTimeline entries={detail.timeline} />
      </section>
    </article>
  );
}
