import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useJourneySummaries } from '../journeys/journeys.api';
import { AnswerList } from './AnswerList';
import { NpsChart } from './NpsChart';
import { PeriodPicker } from './PeriodPicker';
import { usePeriod } from './period';
import { QueryState } from './QueryState';
import { STAGES, useNps, type AnswerFilters, type NpsCategory, type Stage } from './reports.api';
import './reports.setup';

const CATEGORIES: readonly NpsCategory[] = ['promoter', 'passive', 'detractor'];

/** NPS per week, and what the customers wrote, to search and filter by journey and stage. */
export function NpsPage() {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const { period, range, setPeriod } = usePeriod('90d');
  const [filters, setFilters] = useState<AnswerFilters>({});
  const journeys = useJourneySummaries('30d');
  const nps = useNps(range, { journeyId: filters.journeyId, stage: filters.stage });
  const set = (patch: AnswerFilters) => setFilters((current) => ({ ...current, ...patch }));
  return (
    <div className="page report">
      <div className="page__header">
        <h1>{t('nps.title')}</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <div className="filters" role="search" aria-label={t('nps.filters')}>
        <input
          type="search"
          aria-label={t('nps.search')}
          placeholder={t('nps.search')}
          value={filters.search ?? ''}
          onChange={(event) => set({ search: event.target.value || undefined })}
        />
        <label className="inline-field">
          <span>{t('journey')}</span>
          <select
            value={filters.journeyId ?? ''}
            onChange={(event) => set({ journeyId: event.target.value || undefined })}
          >
            <option value="">{t('all')}</option>
            {journeys.data?.items.map((journey) => (
              <option key={journey.id} value={journey.id}>
                {journey.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('stage')}</span>
          <select
            value={filters.stage ?? ''}
            onChange={(event) => set({ stage: (event.target.value || undefined) as Stage | undefined })}
          >
            <option value="">{t('all')}</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`stageNames.${stage}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('nps.category')}</span>
          <select
            value={filters.category ?? ''}
            onChange={(event) =>
              set({ category: (event.target.value || undefined) as NpsCategory | undefined })
            }
          >
            <option value="">{t('all')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`categories.${category}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={nps}>
        {(series) => {
          const total = series.items.reduce(
            (sum, week) => ({
              responses: sum.responses + week.responses,
              net: sum.net + week.promoters - week.detractors,
            }),
            { responses: 0, net: 0 },
          );
          return (
            <>
              <p className="nps-score">
                {total.responses === 0
                  ? t('nps.noAnswers')
                  : t('nps.overall', {
                      // Isolated, so a negative score keeps its sign beside it inside Persian or Hebrew text.
                      score: `\u2068${format.number(Math.round((total.net / total.responses) * 100))}\u2069`,
                      count: total.responses,
                      responses: format.number(total.responses),
                    })}
              </p>
              <NpsChart series={series} />
            </>
          );
        }}
      </QueryState>
      <AnswerList range={range} filters={filters} />
    </div>
  );
}
