import { useCallback } from 'react';
import type { Incident, MentionSummary, Statement } from '../../api/wire-types';
import { useSession, useSignedIn } from '../../auth/session-context';
import { useNow } from '../../common/use-now';
import { usePolling } from '../../common/use-polling';
import { useLiveSnapshot } from '../../live/use-live-snapshot';
import { ComplaintsTile, IncidentsTile, StatementTile } from './ResponseTiles';
import { VendTiles } from './VendTiles';

const HOURS = 3;

export function OverviewView() {
  const { api, settings } = useSignedIn();
  const session = useSession();
  const now = useNow(1000);
  // A refused stream usually means the session ended; asking for anything protected returns to login.
  const onRefused = useCallback(() => {
    void session.api.get('/v1/oncall').catch(() => undefined);
  }, [session.api]);
  const live = useLiveSnapshot(onRefused);
  const incidents = usePolling(
    () =>
      api
        .get<{ incidents: Incident[] }>('/v1/incidents?status=open,acknowledged&limit=50')
        .then((r) => r.incidents),
    5000,
  );
  const latest = usePolling(
    () => api.get<{ statements: Statement[] }>('/v1/statements?limit=1').then((r) => r.statements[0] ?? null),
    10_000,
  );
  const summary = usePolling(
    () => api.get<MentionSummary>(`/v1/mentions/summary?since=${Date.now() - HOURS * 3_600_000}`),
    30_000,
  );
  return (
    <div className="view">
      <h1 className="view-title">Overview</h1>
      <div className="tiles">
        <VendTiles live={live} now={now} />
        <ComplaintsTile summary={summary.data} />
        <IncidentsTile incidents={incidents.data} now={now} />
        <StatementTile
          latest={latest.data}
          incidents={incidents.data}
          now={now}
          limitMinutes={settings.commsSilenceMinutes}
        />
      </div>
      {[incidents.error, latest.error, summary.error].filter(Boolean).map((message) => (
        <p key={message} className="form-error" role="alert">
          {message}
        </p>
      ))}
    </div>
  );
}
