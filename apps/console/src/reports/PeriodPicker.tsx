import { useTranslation } from 'react-i18next';
import { PERIODS, type ReportPeriod } from './period';

export function PeriodPicker({
  value,
  onChange,
}: {
  value: ReportPeriod;
  onChange: (p: ReportPeriod) => void;
}) {
  const { t } = useTranslation('reports');
  return (
    <label className="inline-field">
      <span>{t('period')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as ReportPeriod)}>
        {PERIODS.map((period) => (
          <option key={period} value={period}>
            {t(`periods.${period}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
