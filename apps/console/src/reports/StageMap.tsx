import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import { STAGES, type StageAnalytics } from './reports.api';

type Cell = StageAnalytics['stages'][number]['channels'][number];
type Weakest = NonNullable<StageAnalytics['weakest']['engagement'] | StageAnalytics['weakest']['nps']>;
const NO_STAGE = 'none';

/** The log's own filter names, so the link opens exactly the rows behind the cell. */
function logLink(weakest: Weakest): string {
  return `/log?${new URLSearchParams(weakest.log.filters).toString()}`;
}

/** The weakest marks (engagement, NPS) that fall on this cell. */
function weakestAt(weakest: StageAnalytics['weakest'], stage: string, channel: string) {
  return (['engagement', 'nps'] as const).flatMap((kind) => {
    const cell: Weakest | null = weakest[kind];
    return cell && (cell.stage ?? NO_STAGE) === stage && cell.channel === channel
      ? [{ kind, weakest: cell }]
      : [];
  });
}

/** Stages as columns, channels as rows; the weakest cells marked in words and with a link to their rows. */
export function StageMap({ analytics }: { analytics: StageAnalytics }) {
  const { t } = useTranslation('reports');
  const byStage = new Map(analytics.stages.map((stage) => [stage.stage ?? NO_STAGE, stage]));
  const columns = [...STAGES, ...(byStage.has(NO_STAGE) ? [NO_STAGE] : [])];
  const channels = [
    ...new Set(analytics.stages.flatMap((stage) => stage.channels.map((cell) => cell.channel))),
  ].sort();
  if (channels.length === 0) return <p className="muted">{t('noData')}</p>;
  return (
    <div className="table-wrap stage-map">
      <table className="table">
        <caption className="visually-hidden">{t('stages.caption')}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((stage) => (
              <th key={stage} scope="col">
                {t(`stageNames.${stage}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel}>
              <th scope="row">{t(`channels.${channel}`, { defaultValue: channel })}</th>
              {columns.map((stage) => {
                const cell = byStage.get(stage)?.channels.find((c) => c.channel === channel);
                const marks = weakestAt(analytics.weakest, stage, channel);
                return (
                  <td key={stage} className={marks.length ? 'stage-cell stage-cell--weakest' : 'stage-cell'}>
                    {cell ? <CellFigures cell={cell} /> : <span className="muted">—</span>}
                    {marks.map((mark) => (
                      <p key={mark.kind} className="weakest">
                        <strong>
                          <span aria-hidden="true">⚠ </span>
                          {t(`stages.weakest.${mark.kind}`)}
                        </strong>{' '}
                        <Link to={logLink(mark.weakest)}>{t('stages.openLog')}</Link>
                      </p>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellFigures({ cell }: { cell: Cell }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  const rate = (value: number | null) => (value === null ? '' : ` (${format.percent(value)})`);
  return (
    <dl className="cell-figures">
      <dt>{t('metrics.sent')}</dt>
      <dd>{format.number(cell.sent)}</dd>
      <dt>{t('metrics.delivered')}</dt>
      <dd>{format.number(cell.delivered)}</dd>
      <dt>{t('metrics.engaged')}</dt>
      <dd>
        {format.number(cell.engaged)}
        {rate(cell.engagementRate)}
      </dd>
      <dt>{t('metrics.converted')}</dt>
      <dd>{format.number(cell.converted)}</dd>
      <dt>{t('metrics.score')}</dt>
      <dd>{cell.survey.score === null ? '—' : format.number(cell.survey.score)}</dd>
    </dl>
  );
}
