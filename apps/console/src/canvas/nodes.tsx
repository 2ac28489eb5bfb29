import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { StepStats } from '../api/types';
import { useFormat } from '../i18n/format';
import { handleOf, linksOf } from './document';
import type { EntryNodeData, StepNodeData } from './graph';
import { entrySummary, stepSummary } from './summary';

function Problems({ count }: { count: number }) {
  const { t } = useTranslation('canvas');
  if (count === 0) return null;
  return <span className="badge badge--error node__problems">{t('problemCount', { count })}</span>;
}

function Numbers({ stats }: { stats: StepStats }) {
  const { t } = useTranslation('canvas');
  const format = useFormat();
  const suppressed = Object.entries(stats.suppressed ?? {});
  const suppressedTotal = suppressed.reduce((sum, [, n]) => sum + n, 0);
  const cells: [string, number, string?][] = [
    ['entered', stats.entered],
    ['waiting', stats.waiting],
    ['sent', stats.sent],
    ['delivered', stats.delivered],
    ['failed', stats.failed],
    [
      'suppressed',
      suppressedTotal,
      suppressed
        .map(([reason, n]) => `${t(`reasons.${reason}`, { defaultValue: reason })}: ${format.number(n)}`)
        .join(', '),
    ],
    ['converted', stats.converted],
  ];
  return (
    <>
      <dl className="node__stats">
        {cells
          .filter(([key, value]) => value > 0 || key === 'entered' || key === 'sent')
          .map(([key, value, title]) => (
            <div key={key} title={title || undefined} data-stat={key}>
              <dt>{t(`stats.${key}`)}</dt>
              <dd>{format.number(value)}</dd>
            </div>
          ))}
      </dl>
      {stats.variants && (
        <ul className="node__variants">
          {Object.entries(stats.variants).map(([name, v]) => (
            <li key={name}>
              {t('stats.variant', {
                name: name === 'holdout' ? t('holdout') : name,
                entered: format.number(v.entered),
                converted: format.number(v.converted),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function EntryNode({ data, selected }: NodeProps<Node<EntryNodeData, 'entry'>>) {
  const { t, i18n } = useTranslation('canvas');
  const format = useFormat();
  const lines = entrySummary(data.doc, t, format.locale);
  return (
    <div
      className={`node node--entry${selected ? ' node--selected' : ''}${data.problems.length ? ' node--invalid' : ''}${data.lit ? ' node--lit' : ''}`}
      dir={i18n.dir()}
      data-testid="node-entry"
    >
      <div className="node__head">
        <span className="node__icon" aria-hidden="true">
          ⚑
        </span>
        <span className="node__title">{t('types.entry')}</span>
        <Problems count={data.problems.length} />
      </div>
      <ul className="node__lines">
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {data.stats && (
        <p className="node__entered">
          {t('stats.enteredCount', { count: data.stats.entered, n: format.number(data.stats.entered) })}
        </p>
      )}
      <Handle type="source" position={Position.Bottom} id="next" isConnectable={false} />
    </div>
  );
}

const ICONS: Record<string, string> = {
  wait: '⏱',
  send: '✉',
  wait_for_event: '⏳',
  wait_for_attribute: '⏳',
  update_attributes: '✎',
  webhook: '⇢',
  branch: '⑂',
  split: '⚖',
  exit: '⏹',
};

export function StepNode({ data, selected }: NodeProps<Node<StepNodeData, 'step'>>) {
  const { t, i18n } = useTranslation('canvas');
  const format = useFormat();
  const { step } = data;
  const lines = stepSummary(step, t, format.locale);
  const declared = linksOf([step], 0).map(handleOf);
  const outs = ['wait', 'send', 'update_attributes', 'webhook'].includes(step.type) ? ['next'] : declared;
  // Left to right as the targets sit (the layout is mirrored in rtl already).
  const ordered = [...outs].sort((a, b) => data.handles.indexOf(a) - data.handles.indexOf(b));
  const channel = step.type === 'send' && typeof step.channel === 'string' ? step.channel : null;
  return (
    <div
      className={`node node--${step.type}${selected ? ' node--selected' : ''}${data.problems.length ? ' node--invalid' : ''}${data.lit ? ' node--lit' : ''}`}
      dir={i18n.dir()}
      data-testid={`node-${step.id}`}
    >
      <Handle type="target" position={Position.Top} />
      <div className="node__head">
        <span className="node__icon" aria-hidden="true">
          {ICONS[step.type]}
        </span>
        <span className="node__title">
          {t(`types.${step.type}`)}
          {channel && <> · {t(`channels.${channel}`)}</>}
        </span>
        <code className="node__id" dir="ltr">
          {step.id}
        </code>
        <Problems count={data.problems.length} />
      </div>
      {lines.length > 0 && (
        <ul className="node__lines">
          {lines.map((line, i) => (
            <li key={i} dir="auto">
              {line}
            </li>
          ))}
        </ul>
      )}
      {data.stats && <Numbers stats={data.stats} />}
      {ordered.map((handle, i) => (
        <Handle
          key={handle}
          type="source"
          position={Position.Bottom}
          id={handle}
          style={ordered.length > 1 ? { left: `${((i + 1) / (ordered.length + 1)) * 100}%` } : undefined}
        />
      ))}
    </div>
  );
}

export function EndNode() {
  const { t } = useTranslation('canvas');
  return (
    <div className="node node--end">
      <Handle type="target" position={Position.Top} isConnectable={false} />
      {t('journeyEnds')}
    </div>
  );
}

export const NODE_TYPES = { entry: EntryNode, step: StepNode, end: EndNode };
