import type { Incident, Statement } from '../../api/wire-types';
import { useSignedIn } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useNow } from '../../common/use-now';
import { usePolling } from '../../common/use-polling';
import { SilenceTimer } from './SilenceTimer';
import { StatementEditor } from './StatementEditor';

/** The communications panel: silence timers of open incidents, the statement editor, recent statements. */
export function CommsView({ selected }: { selected: number | undefined }) {
  const { api, settings } = useSignedIn();
  const now = useNow(1000);
  const incidents = usePolling(
    () =>
      api
        .get<{ incidents: Incident[] }>('/v1/incidents?status=open,acknowledged&limit=50')
        .then((r) => r.incidents),
    5000,
  );
  const statements = usePolling(
    () => api.get<{ statements: Statement[] }>('/v1/statements?limit=10').then((r) => r.statements),
    10_000,
  );
  const customerFacing = (incidents.data ?? []).filter((incident) => incident.customerFacing);
  const incident =
    selected === undefined
      ? undefined
      : (incidents.data ?? []).find((candidate) => candidate.ref === selected);
  return (
    <div className="view comms-view">
      <h1 className="view-title">Communications</h1>
      <section className="panel" aria-labelledby="silence-title">
        <h2 id="silence-title">Public silence</h2>
        {incidents.data === undefined ? (
          <p role="status">{incidents.error ?? 'Loading…'}</p>
        ) : customerFacing.length === 0 ? (
          <p className="empty">No open customer-facing incident.</p>
        ) : (
          <ul className="silence-list">
            {customerFacing.map((open) => (
              <li key={open.id} className={open.ref === selected ? 'selected' : ''}>
                <a href={`#/comms/${open.ref}`} aria-current={open.ref === selected ? 'true' : undefined}>
                  #{open.ref} {open.title}
                </a>
                <SilenceTimer incident={open} now={now} limitMinutes={settings.commsSilenceMinutes} />
              </li>
            ))}
          </ul>
        )}
        {selected !== undefined && <a href="#/comms">Write one statement for all open incidents instead</a>}
      </section>
      <StatementEditor
        incident={incident}
        onPublished={() => {
          incidents.reload();
          statements.reload();
        }}
      />
      <section className="panel" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent statements</h2>
        {(statements.data ?? []).length === 0 ? (
          <p className="empty">None yet.</p>
        ) : (
          <ul className="statements">
            {(statements.data ?? []).map((s) => (
              <li key={s.id}>
                <time dateTime={s.publishedAt}>{formatDateTime(s.publishedAt)}</time>{' '}
                <span className={`badge state-${s.statusPageState}`}>{s.statusPageState}</span>{' '}
                <span className="badge">{s.lang}</span> <span className="statement-text">{s.text}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
