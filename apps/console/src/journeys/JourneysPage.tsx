import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { JourneySummary } from '../api/types';
import { useAbilities } from '../auth/session';
import { useFormat } from '../i18n/format';
import { registerNamespace } from '../i18n/i18n';
import { definitionOf, fetchJourney, useJourneySummaries, type Period } from './journeys.api';
import { journeysLocales } from './journeys.locales';

registerNamespace('journeys', journeysLocales);

type StatusFilter = 'all' | 'active' | 'paused' | 'archived' | 'draft';

function matches(journey: JourneySummary, search: string, status: StatusFilter, stage: string): boolean {
  const text = search.trim().toLocaleLowerCase();
  if (text && !`${journey.name} ${journey.trigger.event}`.toLocaleLowerCase().includes(text)) return false;
  if (status === 'draft' ? !journey.hasDraft : status !== 'all' && journey.status !== status) return false;
  return stage === 'all' || journey.stage === stage;
}

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name.replace(/[^\p{L}\p{N}_-]+/gu, '-')}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

export function JourneysPage() {
  const { t } = useTranslation('journeys');
  const format = useFormat();
  const abilities = useAbilities();
  const navigate = useNavigate();
  const [period, setPeriod] = useState<Period>('7d');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [stage, setStage] = useState('all');
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const summaries = useJourneySummaries(period);
  const items = useMemo(() => summaries.data?.items ?? [], [summaries.data]);
  const stages = useMemo(() => [...new Set(items.map((item) => item.stage))].sort(), [items]);
  const shown = items.filter((item) => matches(item, search, status, stage));

  const duplicate = async (journey: JourneySummary) => {
    const definition = definitionOf(await fetchJourney(journey.id));
    await navigate('/journeys/new', {
      state: { definition: { ...definition, name: t('copyName', { name: journey.name }) } },
    });
  };
  const exportJourney = async (journey: JourneySummary) => {
    download(journey.name, definitionOf(await fetchJourney(journey.id)));
  };
  const importFile = async (file: File) => {
    try {
      const definition = JSON.parse(await file.text()) as unknown;
      if (!definition || typeof definition !== 'object' || Array.isArray(definition)) {
        throw new Error('not an object');
      }
      setImportError(null);
      await navigate('/journeys/new', { state: { definition } });
    } catch (error) {
      setImportError(t('importFailed', { message: (error as Error).message }));
    }
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('title')}</h1>
        {abilities.edit && (
          <div className="toolbar">
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              {t('import')}
            </button>
            <Link className="button button--primary" to="/journeys/new">
              {t('newJourney')}
            </Link>
          </div>
        )}
      </div>
      {importError && (
        <p role="alert" className="error-text">
          {importError}
        </p>
      )}
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label className="inline-field">
          <span>{t('status')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
            <option value="all">{t('all')}</option>
            {(['active', 'paused', 'archived', 'draft'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`statuses.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('stage')}</span>
          <select value={stage} onChange={(event) => setStage(event.target.value)}>
            <option value="all">{t('all')}</option>
            {stages.map((value) => (
              <option key={value} value={value}>
                {t(`stages.${value}`, { defaultValue: value })}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('period')}</span>
          <select value={period} onChange={(event) => setPeriod(event.target.value as Period)}>
            {(['1d', '7d', '30d'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`periods.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {summaries.isPending ? (
        <p>{t('common:loading')}</p>
      ) : summaries.isError ? (
        <p role="alert" className="error-text">
          {t('common:error', { message: summaries.error.message })}
        </p>
      ) : items.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-describedby="journeys-count">
            <caption id="journeys-count" className="visually-hidden">
              {t('count', { count: shown.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.trigger')}</th>
                <th scope="col">{t('columns.stage')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col">{t('columns.version')}</th>
                <th scope="col">{t('columns.updated')}</th>
                <th scope="col" className="numeric">
                  {t('columns.entered')}
                </th>
                <th scope="col" className="numeric">
                  {t('columns.sent')}
                </th>
                <th scope="col" className="numeric">
                  {t('columns.delivered')}
                </th>
                <th scope="col" className="numeric">
                  {t('columns.converted')}
                </th>
                <th scope="col">{t('columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((journey) => (
                <tr key={journey.id}>
                  <th scope="row">
                    <Link to={`/journeys/${journey.id}`}>{journey.name}</Link>
                  </th>
                  <td>
                    <code dir="ltr">{journey.trigger.event}</code>
                  </td>
                  <td>{t(`stages.${journey.stage}`, { defaultValue: journey.stage })}</td>
                  <td>
                    <span className={`badge badge--${journey.status}`}>
                      {t(`statuses.${journey.status}`)}
                    </span>
                    {journey.hasDraft && <span className="badge badge--draft">{t('draft')}</span>}
                  </td>
                  <td>{t('version', { version: format.number(journey.version) })}</td>
                  <td>
                    <time dateTime={journey.updatedAt} title={format.dateTime(journey.updatedAt)}>
                      {journey.updatedBy
                        ? t('updatedBy', {
                            who: journey.updatedBy.name,
                            when: format.relative(journey.updatedAt),
                          })
                        : format.relative(journey.updatedAt)}
                    </time>
                  </td>
                  <td className="numeric">{format.number(journey.numbers.entered)}</td>
                  <td className="numeric">{format.number(journey.numbers.sent)}</td>
                  <td className="numeric">{format.number(journey.numbers.delivered)}</td>
                  <td className="numeric">{format.number(journey.numbers.converted)}</td>
                  <td>
                    <div
                      className="row-actions"
                      role="group"
                      aria-label={t('actionsFor', { name: journey.name })}
                    >
                      {abilities.edit && (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => void duplicate(journey)}
                        >
                          {t('duplicate')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => void exportJourney(journey)}
                      >
                        {t('export')}
                      </button>
                      <Link className="button button--small" to={`/journeys/${journey.id}/report`}>
                        {t('report')}
                      </Link>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p>{t('empty')}</p>}
        </div>
      )}
    </div>
  );
}
