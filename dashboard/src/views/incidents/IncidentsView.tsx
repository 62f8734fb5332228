import { useState } from 'react';
import type { IncidentDetail as Detail, Incident } from '../../api/wire-types';
import { useSignedIn } from '../../auth/session-context';
import { usePolling } from '../../common/use-polling';
import { IncidentDetail } from './IncidentDetail';
import { IncidentList } from './IncidentList';

export function IncidentsView({ selected }: { selected: number | undefined }) {
  const { api } = useSignedIn();
  const [filter, setFilter] = useState('open,acknowledged');
  const list = usePolling(
    () =>
      api
        .get<{ incidents: Incident[] }>(`/v1/incidents?limit=100${filter ? `&status=${filter}` : ''}`)
        .then((r) => r.incidents),
    5000,
    filter,
  );
  return (
    <div className="view incidents-view">
      <h1 className="view-title">Incidents</h1>
      <div className="split">
        <IncidentList incidents={list.data} filter={filter} onFilter={setFilter} selected={selected} />
        {selected === undefined ? (
          <p className="empty">Choose an incident to see its timeline.</p>
        ) : (
          <SelectedIncident key={selected} ref_={selected} onChanged={list.reload} />
        )}
      </div>
      {list.error !== null && (
        <p className="form-error" role="alert">
          {list.error}
        </p>
      )}
    </div>
  );
}

function SelectedIncident({ ref_, onChanged }: { ref_: number; onChanged(): void }) {
  const { api } = useSignedIn();
  const detail = usePolling(() => api.get<Detail>(`/v1/incidents/${ref_}`), 3000, String(ref_));
  if (detail.data === undefined) return <p role="status">{detail.error ?? 'Loading…'}</p>;
  return (
    <IncidentDetail
      detail={detail.data}
      onChanged={() => {
        detail.reload();
        onChanged();
      }}
    />
  );
}
