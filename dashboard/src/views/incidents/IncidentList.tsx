import type { Incident, IncidentStatus } from '../../api/wire-types';
import { formatDateTime, formatDuration } from '../../common/format';
import { incidentTimes, meanTimes } from './incident-metrics';
import { StatusBadge } from './StatusBadge';

export const STATUS_FILTERS = ['open,acknowledged', 'open', 'acknowledged', 'resolved', ''] as const;
const FILTER_LABEL: Record<(typeof STATUS_FILTERS)[number], string> = {
  'open,acknowledged': 'Unresolved',
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  '': 'All',
};

/** The incident table with its status filter and the MTTA/MTTR of the incidents listed. */
export function IncidentList({
  incidents,
  filter,
  onFilter,
  selected,
}: {
  incidents: Incident[] | undefined;
  filter: string;
  onFilter(filter: string): void;
  selected: number | undefined;
}) {
  const { mtta, mttr } = meanTimes(incidents ?? []);
  return (
    <section className="incident-list" aria-labelledby="incident-list-title">
      <h2 id="incident-list-title">Incident list</h2>
      <div className="toolbar">
        <label htmlFor="incident-filter">Show</label>
        <select id="incident-filter" value={filter} onChange={(e) => onFilter(e.target.value)}>
          {STATUS_FILTERS.map((value) => (
            <option key={value} value={value}>
              {FILTER_LABEL[value]}
            </option>
          ))}
        </select>
        <span className="mean-times">
          MTTA {formatDuration(mtta)} · MTTR {formatDuration(mttr)}
        </span>
      </div>
      {incidents === undefined ? (
        <p role="status">Loading…</p>
      ) : incidents.length === 0 ? (
        <p className="empty">No incidents.</p>
      ) : (
        <ul className="incident-rows">
          {incidents.map((incident) => (
            <li key={incident.id} className={incident.ref === selected ? 'selected' : ''}>
              <a
                href={`#/incidents/${incident.ref}`}
                aria-current={incident.ref === selected ? 'page' : undefined}
              >
                <span className="incident-ref">#{incident.ref}</span>{' '}
                <span className="incident-title">{incident.title}</span>
              </a>
              <StatusBadge status={incident.status as IncidentStatus} severity={incident.severity} />
              <span className="incident-meta">
                {incident.service} · opened {formatDateTime(incident.openedAt)} · to ack{' '}
                {formatDuration(incidentTimes(incident).toAck)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
