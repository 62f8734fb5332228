import { useSession, useSignedIn } from '../auth/session-context';
import type { Route } from '../common/use-hash-route';

const LINKS: { view: Route['view']; href: string; label: string }[] = [
  { view: 'overview', href: '#/', label: 'Overview' },
  { view: 'incidents', href: '#/incidents', label: 'Incidents' },
  { view: 'social', href: '#/social', label: 'Social' },
  { view: 'comms', href: '#/comms', label: 'Communications' },
];

export function NavBar({ route }: { route: Route }) {
  const { user } = useSignedIn();
  const { logout } = useSession();
  const active = route.view === 'report' ? 'incidents' : route.view;
  return (
    <header className="topbar no-print">
      <a className="brand" href="#/">
        Stima Watch
      </a>
      <nav aria-label="Console sections">
        <ul>
          {LINKS.map((link) => (
            <li key={link.view}>
              <a href={link.href} aria-current={active === link.view ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
          <li>
            <a href="/status" target="_blank" rel="noopener">
              Status page
            </a>
          </li>
        </ul>
      </nav>
      <div className="whoami">
        <span>
          {user.name} <span className="badge">{user.role}</span>
        </span>
        <button type="button" onClick={() => void logout()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
