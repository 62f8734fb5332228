import { useState } from 'react';
import type { Incident } from '../../api/wire-types';
import { useSignedIn } from '../../auth/session-context';

/**
 * Acknowledge and resolve, shown only to roles allowed to use them (the API refuses others with 403 anyway).
 */
export function IncidentActions({ incident, onChanged }: { incident: Incident; onChanged(): void }) {
  const { api, permissions } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: 'ack' | 'resolve') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/v1/incidents/${incident.ref}/${action}`);
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const canAck = permissions.acknowledge && incident.status === 'open';
  const canResolve = permissions.resolve && incident.status !== 'resolved';
  if (!canAck && !canResolve) return null;
  return (
    <div className="actions">
      {canAck && (
        <button type="button" className="primary" disabled={busy} onClick={() => act('ack')}>
          Acknowledge
        </button>
      )}
      {canResolve && (
        <button type="button" disabled={busy} onClick={() => act('resolve')}>
          Resolve
        </button>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
