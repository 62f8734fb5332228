import type { IncidentDetail as Detail } from '../../api/wire-types';
import { useSignedIn } from '../../auth/session-context';
import { formatDateTime, formatDuration } from '../../common/format';
import { usePolling } from '../../common/use-polling';
import { IncidentTimeline } from './IncidentTimeline';
import { incidentTimes, timeToFirstPage } from './incident-metrics';
import { PagesTable } from './PagesTable';

/** A printable report (print CSS hides the console chrome): detection, response and communication times. */
export function PostIncidentReport({ ref_ }: { ref_: number }) {
  const { api } = useSignedIn();
  const detail = usePolling(() => api.get<Detail>(`/v1/incidents/${ref_}`), 30_000, String(ref_));
  if (detail.data === undefined) return <p role="status">{detail.error ?? 'Loading…'}</p>;
  const { incident, timeline, notifications, statements, alerts } = detail.data;
  const times = incidentTimes(incident);
  const firstAlert = alerts.reduce<string | null>(
    (min, a) => (min === null || a.startsAt < min ? a.startsAt : min),
    null,
  );
  return (
    <article className="report" aria-labelledby="report-title">
      <p className="no-print">
        <a href={`#/incidents/${incident.ref}`}>Back to the incident</a>{' '}
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1 id="report-title">
        Post-incident report: #{incident.ref} {incident.title}
      </h1>
      <p>
        Service {incident.service}, severity {incident.severity}, status {incident.status}. Generated{' '}
        {formatDateTime(new Date().toISOString())}.
      </p>
      <h2>Summary of times</h2>
      <table className="report-times">
        <tbody>
          <tr>
            <th scope="row">Detection (alert started → incident opened)</th>
            <td>
              {firstAlert === null
                ? '—'
                : formatDuration(new Date(incident.openedAt).getTime() - new Date(firstAlert).getTime())}
            </td>
          </tr>
          <tr>
            <th scope="row">First page delivered</th>
            <td>{formatDuration(timeToFirstPage(incident, timeline))}</td>
          </tr>
          <tr>
            <th scope="row">Response (time to acknowledge)</th>
            <td>{formatDuration(times.toAck)}</td>
          </tr>
          <tr>
            <th scope="row">Communication (time to first public statement)</th>
            <td>{formatDuration(times.toFirstStatement)}</td>
          </tr>
          <tr>
            <th scope="row">Resolution (time to resolve)</th>
            <td>{formatDuration(times.toResolve)}</td>
          </tr>
        </tbody>
      </table>
      <p>
        Opened {formatDateTime(incident.openedAt)}; acknowledged {formatDateTime(incident.acknowledgedAt)}
        {incident.acknowledgedBy !== null && ` by ${incident.acknowledgedBy}`}; resolved{' '}
        {formatDateTime(incident.resolvedAt)}
        {incident.resolvedBy !== null && ` by ${incident.resolvedBy}`}.
      </p>
      <h2>Public statements</h2>
      {statements.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="statements">
          {[...statements].reverse().map((s) => (
            <li key={s.id}>
              <time dateTime={s.publishedAt}>{formatDateTime(s.publishedAt)}</time> ({s.statusPageState},{' '}
              {s.lang}): {s.text}
            </li>
          ))}
        </ul>
      )}
      <h2>Pages</h2>
      <PagesTable notifications={notifications} />
      <h2>Timeline</h2>
      <IncidentTimeline entries={timeline} />
    </article>
  );
}
