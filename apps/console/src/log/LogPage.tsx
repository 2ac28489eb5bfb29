import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { registerNamespace } from '../i18n/i18n';
import { useColumnVisibility } from './column-visibility';
import { ExportMenu } from './ExportMenu';
import { FilterBar } from './FilterBar';
import { filtersFromSearch, searchWithFilters, type LogFilters } from './log-filters';
import { flattenPages, useTouchpointLog } from './log.api';
import { logLocales } from './log.locales';
import { LogTable } from './LogTable';
import { TouchpointDrawer } from './TouchpointDrawer';
import './log.css';

registerNamespace('log', logLocales);

/** The open touchpoint is in the address too, so a copied link opens the same row. */
const OPEN = 'open';

/** The touchpoint log: filters in the address bar, an endless table, a drawer per row, an export. */
export function LogPage() {
  const { t } = useTranslation('log');
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const log = useTouchpointLog(filters);
  const rows = useMemo(() => flattenPages(log.data?.pages), [log.data]);
  const [visibility, setVisibility] = useColumnVisibility();
  const openId = search.get(OPEN);

  // Two changes before the next render (a select, then another) must both land: each builds on the last
  // one asked for, not on the address of the last render.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [search]);
  const update = (edit: (current: URLSearchParams) => URLSearchParams) => {
    const next = edit(new URLSearchParams(pending.current ?? search));
    pending.current = next;
    setSearch(next);
  };
  const change = (patch: Partial<LogFilters>) =>
    update((current) => {
      const next = searchWithFilters({ ...filtersFromSearch(current), ...patch }, current);
      next.delete(OPEN);
      return next;
    });
  const setOpen = (id: string | null) =>
    update((current) => {
      if (id) current.set(OPEN, id);
      else current.delete(OPEN);
      return current;
    });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <div className="page log-page">
      <div className="page__header">
        <h1>{t('title')}</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setSearch(new URLSearchParams())}>
            {t('clear')}
          </button>
          <ExportMenu filters={filters} />
        </div>
      </div>
      <FilterBar filters={filters} onChange={change} />
      {log.isPending ? (
        <p>{t('common:loading')}</p>
      ) : log.isError ? (
        <p role="alert" className="error-text">
          {t('common:error', { message: log.error.message })}
        </p>
      ) : (
        <LogTable
          rows={rows}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          onOpen={(id) => setOpen(id)}
          visibility={visibility}
          onVisibilityChange={setVisibility}
        />
      )}
      <TouchpointDrawer id={openId} onClose={() => setOpen(null)} />
    </div>
  );
}
