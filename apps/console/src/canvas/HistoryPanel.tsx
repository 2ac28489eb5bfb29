import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Journey } from '../api/types';
import { useFormat } from '../i18n/format';
import { editorApi } from './editor.api';

/** Every change with who and when; each version opens read-only, compared with the current one. */
export function HistoryPanel({ journey, onClose }: { journey: Journey; onClose: () => void }) {
  const { t } = useTranslation('canvas');
  const format = useFormat();
  const history = useQuery({
    queryKey: ['journey-history', journey.id],
    queryFn: () => editorApi.history(journey.id),
  });
  return (
    <aside className="panel" aria-labelledby="history-title">
      <div className="panel__head">
        <h2 id="history-title">{t('history')}</h2>
        <button type="button" className="button button--small" onClick={onClose} aria-label={t('closePanel')}>
          ✕
        </button>
      </div>
      <div className="panel__body">
        {history.isPending && <p>{t('common:loading')}</p>}
        {history.isError && <p className="error-text">{history.error.message}</p>}
        <ol className="history">
          {history.data?.items.map((entry, i) => (
            <li key={i}>
              <strong>{t(`actions.${entry.action}`, { defaultValue: entry.action })}</strong>
              {entry.version !== null && (
                <>
                  {' · '}
                  <Link to={`/journeys/${journey.id}/versions/${entry.version}`}>
                    {t('journeys:version', { version: format.number(entry.version) })}
                  </Link>
                </>
              )}
              <div className="muted">
                {entry.actor} · <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              </div>
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
}
