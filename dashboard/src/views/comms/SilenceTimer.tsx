import type { Incident } from '../../api/wire-types';
import { formatDuration } from '../../common/format';
import { episodeStart } from '../incidents/incident-metrics';

/** How long a customer-facing incident has gone without a public statement, against the limit. */
export function SilenceTimer({
  incident,
  now,
  limitMinutes,
}: {
  incident: Incident;
  now: number;
  limitMinutes: number;
}) {
  const start = new Date(episodeStart(incident)).getTime();
  if (incident.firstStatementAt !== null) {
    const after = new Date(incident.firstStatementAt).getTime() - start;
    return (
      <p className="silence silence-stopped" role="status">
        Silence timer stopped: first statement {formatDuration(after)} after the alert.
      </p>
    );
  }
  const silentMs = now - start;
  const overdue = silentMs >= limitMinutes * 60_000;
  return (
    <p className={`silence ${overdue ? 'silence-overdue' : 'silence-running'}`} role="timer" aria-live="off">
      Silent for <strong className="silence-elapsed">{formatDuration(silentMs)}</strong>
      {overdue ? ` — over the ${limitMinutes}-minute limit` : ` (limit ${limitMinutes} min)`}
    </p>
  );
}
