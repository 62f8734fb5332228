import type { IncidentStatus } from '../../api/wire-types';

export function StatusBadge({ status, severity }: { status: IncidentStatus; severity?: 'page' | 'ticket' }) {
  return (
    <span className="badges">
      <span className={`badge status-${status}`}>{status}</span>
      {severity !== undefined && <span className={`badge severity-${severity}`}>{severity}</span>}
    </span>
  );
}
