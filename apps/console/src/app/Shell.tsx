import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../auth/session';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { allowed, FEATURE_ROUTES } from './routes';

/** The signed-in frame: navigation for the key's role, language, who is signed in, sign out. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  if (session.isPending) return <p className="page">{t('loading')}</p>;
  if (session.isError) return <p className="page">{t('error', { message: session.error.message })}</p>;
  if (!session.data) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  const { role, name } = session.data;
  const items = FEATURE_ROUTES.filter((route) => route.nav && allowed(route, role));
  const who = t('signedInAs', { name, role: t(`roles.${role}`) });
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="topbar__brand">{t('brand')}</span>
        <nav aria-label={t('nav.label')} className="topbar__nav">
          {items.map((route) => (
            <NavLink key={route.path} to={`/${route.path}`}>
              {t(route.nav as string)}
            </NavLink>
          ))}
        </nav>
        <div className="topbar__end">
          <LanguageSwitch />
          <ThemeSwitch />
          <span className="topbar__who" data-role={role} title={who}>
            {who}
          </span>
          <button type="button" className="button" onClick={() => signOut.mutate()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
