import { LoginForm } from '../auth/LoginForm';
import { useSession } from '../auth/session-context';
import { useHashRoute } from '../common/use-hash-route';
import { CommsView } from '../views/comms/CommsView';
import { IncidentsView } from '../views/incidents/IncidentsView';
import { PostIncidentReport } from '../views/incidents/PostIncidentReport';
import { OverviewView } from '../views/overview/OverviewView';
import { SocialView } from '../views/social/SocialView';
import { NavBar } from './NavBar';

/** The console: the login form until signed in, then the section chosen by the URL hash. */
export function App() {
  const session = useSession();
  const route = useHashRoute();
  if (session.status === 'loading') return <p role="status">Loading…</p>;
  if (session.status === 'signed-out') return <LoginForm />;
  return (
    <>
      {/* A button, not an in-page link: the URL hash holds the route. */}
      <button
        type="button"
        className="skip-link no-print"
        onClick={() => document.getElementById('main')?.focus()}
      >
        Skip to content
      </button>
      <NavBar route={route} />
      <main id="main" tabIndex={-1}>
        {route.view === 'overview' && <OverviewView />}
        {route.view === 'incidents' && <IncidentsView selected={route.ref} />}
        {route.view === 'report' && <PostIncidentReport ref_={route.ref} />}
        {route.view === 'social' && <SocialView />}
        {route.view === 'comms' && <CommsView selected={route.ref} />}
      </main>
    </>
  );
}
