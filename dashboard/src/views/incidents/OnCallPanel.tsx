import type { OnCallShift } from '../../api/wire-types';
import { useSignedIn } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { usePolling } from '../../common/use-polling';

/** Who is on call right now in every rotation. */
export function OnCallPanel() {
  const { api } = useSignedIn();
  const oncall = usePolling(() => api.get<{ rotations: OnCallShift[] }>('/v1/oncall'), 60_000);
  return (
    <section className="panel" aria-labelledby="oncall-title">
      <h3 id="oncall-title">On call now</h3>
      {oncall.data === undefined ? (
        <p role="status">{oncall.error ?? 'Loading…'}</p>
      ) : (
        <ul className="oncall">
          {oncall.data.rotations.map((shift) => (
            <li key={shift.rotation}>
              <strong>{shift.rotation}</strong>: {shift.person.name}
              {shift.source !== 'rotation' && ` (${shift.source})`}
              {shift.until !== null && ` until ${formatDateTime(shift.until)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
