import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const message =
    error === undefined || (isRouteErrorResponse(error) && error.status === 404)
      ? t('notFound')
      : t('error', { message: error instanceof Error ? error.message : String(error) });
  return (
    <div className="page" role="alert">
      <p>{message}</p>
      <Link to="/journeys">{t('nav.journeys')}</Link>
    </div>
  );
}
