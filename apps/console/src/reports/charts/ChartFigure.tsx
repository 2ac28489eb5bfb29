import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartFigureProps {
  title: string;
  /** The same figures as a table, for screen readers and for anyone who wants the exact numbers. */
  table: ReactNode;
  /** Above the chart: a picker that changes what it shows. */
  controls?: ReactNode;
  children: ReactNode;
}

/** A chart with its name and, one click away, the table of its numbers. */
export function ChartFigure({ title, table, controls, children }: ChartFigureProps) {
  const { t } = useTranslation('reports');
  const id = useId();
  return (
    <figure className="report-card chart" aria-labelledby={id}>
      <div className="chart__head">
        <figcaption id={id} className="chart__title">
          {title}
        </figcaption>
        {controls}
      </div>
      <div className="chart__plot">{children}</div>
      <details className="chart__numbers">
        <summary>{t('showNumbers')}</summary>
        {table}
      </details>
    </figure>
  );
}
