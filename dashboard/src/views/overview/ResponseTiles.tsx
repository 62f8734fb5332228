import type { Incident, MentionSummary, Statement } from '../../api/wire-types';
import { formatDuration, formatTime } from '../../common/format';
import { Sparkline } from '../../common/Sparkline';
import { complaintTone, silenceTone } from './overview-tones';
import { Tile } from './Tile';

/** Open incidents by severity, with the oldest one's age. */
export function IncidentsTile({ incidents, now }: { incidents: Incident[] | undefined; now: number }) {
  if (incidents === undefined) return <Tile title="Open incidents" value="…" />;
  const pages = incidents.filter((incident) => incident.severity === 'page').length;
  const unacked = incidents.filter((incident) => incident.status === 'open').length;
  const oldest = incidents.reduce<number | null>((min, incident) => {
    const opened = new Date(incident.reopenedAt ?? incident.openedAt).getTime();
    return min === null || opened < min ? opened : min;
  }, null);
  return (
    <Tile
      title="Open incidents"
      value={incidents.length}
      tone={unacked > 0 ? 'alert' : incidents.length > 0 ? 'warn' : 'ok'}
      detail={
        incidents.length === 0
          ? 'Nothing open'
          : `${pages} paging, ${unacked} not acknowledged · oldest ${formatDuration(oldest === null ? null : now - oldest)}`
      }
    >
      {incidents.length > 0 && (
        <ul className="tile-links">
          {incidents.slice(0, 3).map((incident) => (
            <li key={incident.id}>
              <a href={`#/incidents/${incident.ref}`}>
                #{incident.ref} {incident.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Tile>
  );
}

/** Time since the utility last spoke publicly, and whether an open customer-facing incident is still silent. */
export function StatementTile({
  latest,
  incidents,
  now,
  limitMinutes,
}: {
  latest: Statement | null | undefined;
  incidents: Incident[] | undefined;
  now: number;
  limitMinutes: number;
}) {
  const silent = (incidents ?? []).filter(
    (incident) => incident.customerFacing && incident.firstStatementAt === null,
  );
  const silentSince = silent.reduce<number | null>((min, incident) => {
    const opened = new Date(incident.reopenedAt ?? incident.openedAt).getTime();
    return min === null || opened < min ? opened : min;
  }, null);
  const silentMs = silentSince === null ? null : now - silentSince;
  const since = latest ? now - new Date(latest.publishedAt).getTime() : null;
  return (
    <Tile
      title="Since the last public statement"
      value={latest === undefined ? '…' : latest === null ? 'never' : formatDuration(since)}
      tone={silenceTone(silentMs, limitMinutes * 60_000)}
      detail={
        silentMs === null
          ? latest
            ? `Last: ${formatTime(latest.publishedAt)} (${latest.statusPageState})`
            : 'No open incident is waiting for a statement'
          : `${silent.length} open incident(s) silent for ${formatDuration(silentMs)} (limit ${limitMinutes} min)`
      }
    >
      {silentMs !== null && <a href="#/comms">Open the communications panel</a>}
    </Tile>
  );
}

/** Unique complaining authors in the current 10-minute bucket against the hour-of-week baseline. */
export function ComplaintsTile({ summary }: { summary: MentionSummary | undefined }) {
  const buckets = summary?.buckets ?? [];
  const current = buckets.at(-1);
  if (current === undefined) return <Tile title="Complaining authors (10 min)" value="…" />;
  return (
    <Tile
      title="Complaining authors (10 min)"
      value={current.complaintAuthors}
      tone={complaintTone(current.complaintAuthors, current.baseline)}
      detail={`Baseline for this hour of the week: ${current.baseline.toFixed(1)}`}
    >
      <Sparkline
        values={buckets.map((bucket) => bucket.complaintAuthors)}
        compare={buckets.map((bucket) => bucket.baseline)}
        label="Complaining authors per 10 minutes (line) against the baseline (dashed)"
      />
    </Tile>
  );
}
