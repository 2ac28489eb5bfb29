import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading and error for a report's one query; the figures once they are here. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p>{t('loading')}</p>;
  if (query.isError) {
    return (
      <p role="alert" className="error-text">
        {t('error', { message: query.error.message })}
      </p>
    );
  }
  return <>{children(query.data)}</>;
}
