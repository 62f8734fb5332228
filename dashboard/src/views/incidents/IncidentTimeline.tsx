import type { TimelineEntry } from '../../api/wire-types';
import { formatTime } from '../../common/format';
import { describeEntry } from './incident-metrics';

export function IncidentTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <p className="empty">No timeline entries yet.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline-${entry.kind}`}>
          <time dateTime={entry.at}>{formatTime(entry.at)}</time> <span>{describeEntry(entry)}</span>
        </li>
      ))}
    </ol>
  );
}
