import { useEffect, useState, type ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { paths } from './paths';
import { FindAccount } from './FindAccount';
import { formatDay } from '../components/format';
import { AlertsNavLabel } from '../features/alerts/AlertsBadge';
import { WaitingForWrites } from './WaitingForWrites';

function NavLink({ href, pattern, children, shortcut }: { readonly href: string; readonly pattern: string; readonly children: ReactNode; readonly shortcut?: string }) {
  const [active] = useRoute(pattern);
  return (
    <Link href={href} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined} title={shortcut}>
      {children}
    </Link>
  );
}

/** The frame around every view: where you are, where you can go, and a way to find any account. */
export function Shell({ companyName, asOf, children }: { readonly companyName: string; readonly asOf: string | null; readonly children: ReactNode }) {
  const [finding, setFinding] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        setFinding(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand" title={companyName}>
          Account Health Console
        </span>
        <nav aria-label="Main" className="main-nav">
          <NavLink href={paths.portfolio} pattern="/">
            Portfolio
          </NavLink>
          <NavLink href={paths.alerts} pattern="/alerts">
            <AlertsNavLabel />
          </NavLink>
          <NavLink href={paths.import} pattern="/import">
            Import
          </NavLink>
          <NavLink href={paths.settings} pattern="/settings">
            Settings
          </NavLink>
        </nav>
        <button type="button" className="find-button" onClick={() => setFinding(true)} aria-keyshortcuts="Control+K /" title="Find an account (Ctrl+K or /)">
          Find an account <kbd>Ctrl K</kbd>
        </button>
        {asOf && <span className="as-of">Scores as of {formatDay(asOf)}</span>}
      </header>
      <div id="main" className="content" tabIndex={-1}>
        {children}
      </div>
      <WaitingForWrites />
      <FindAccount open={finding} onClose={() => setFinding(false)} />
    </div>
  );
}
