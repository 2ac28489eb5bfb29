import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PeriodPicker } from './PeriodPicker';
import { usePeriod } from './period';
import { QueryState } from './QueryState';
import { useStages } from './reports.api';
import './reports.setup';
import { StageMap } from './StageMap';

/** A threshold from the URL (so the link keeps it), or its default. */
function useThreshold(name: string, fallback: number) {
  const [params, setParams] = useSearchParams();
  const value = Number(params.get(name));
  const set = (next: number) =>
    setParams(
      (current) => {
        current.set(name, String(Math.max(1, Math.trunc(next) || 1)));
        return current;
      },
      { replace: true },
    );
  return [Number.isInteger(value) && value >= 1 ? value : fallback, set] as const;
}

/** The journey map: stages along, channels down, and where the customer's journey hurts. */
export function StagesPage() {
  const { t } = useTranslation('reports');
  const { period, range, setPeriod } = usePeriod('30d');
  const [minVolume, setMinVolume] = useThreshold('minVolume', 100);
  const [minResponses, setMinResponses] = useThreshold('minResponses', 10);
  const stages = useStages(range, { minVolume, minResponses });
  return (
    <div className="page report">
      <div className="page__header">
        <h1>{t('stages.title')}</h1>
        <div className="filters">
          <PeriodPicker value={period} onChange={setPeriod} />
          <label className="inline-field">
            <span>{t('stages.minVolume')}</span>
            <input
              type="number"
              min={1}
              className="input--narrow"
              value={minVolume}
              onChange={(event) => setMinVolume(Number(event.target.value))}
            />
          </label>
          <label className="inline-field">
            <span>{t('stages.minResponses')}</span>
            <input
              type="number"
              min={1}
              className="input--narrow"
              value={minResponses}
              onChange={(event) => setMinResponses(Number(event.target.value))}
            />
          </label>
        </div>
      </div>
      <p className="muted">{t('stages.intro')}</p>
      <QueryState query={stages}>{(data) => <StageMap analytics={data} />}</QueryState>
    </div>
  );
}
