import { columnVisibilityFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { TouchpointRow } from './log-filters';
import { useJourneyNames } from './log.api';
import { StatusBadge } from './StatusBadge';

export const features = tableFeatures({ columnVisibilityFeature });
const helper = createColumnHelper<typeof features, TouchpointRow>();

function Title({ id }: { id: string }) {
  const { t } = useTranslation('log');
  return <>{t(`columns.${id}`)}</>;
}

function When({ iso }: { iso: string }) {
  const format = useFormat();
  return <time dateTime={iso}>{format.dateTime(iso)}</time>;
}

function JourneyName({ id }: { id: string | null }) {
  const names = useJourneyNames();
  if (!id) return null;
  return <>{names.data?.get(id) ?? <code dir="ltr">{id.slice(0, 8)}</code>}</>;
}

function Translated({ group, value }: { group: string; value: string | null }) {
  const { t } = useTranslation('log');
  return <>{value === null ? '' : t(`${group}.${value}`, { defaultValue: value })}</>;
}

const ltr = (value: string | null) => (value === null ? null : <bdi dir="ltr">{value}</bdi>);

/** The log's columns; each renders through a small component so it speaks the viewer's language. */
export const columns = helper.columns([
  helper.accessor('createdAt', {
    header: () => <Title id="createdAt" />,
    cell: (info) => <When iso={info.getValue()} />,
    enableHiding: false,
  }),
  helper.accessor('customerId', {
    header: () => <Title id="customerId" />,
    cell: (info) => ltr(info.getValue()),
  }),
  helper.accessor('journeyId', {
    id: 'journey',
    header: () => <Title id="journey" />,
    cell: (info) => <JourneyName id={info.getValue()} />,
  }),
  helper.accessor('stepId', { header: () => <Title id="stepId" />, cell: (info) => ltr(info.getValue()) }),
  helper.accessor('stage', {
    header: () => <Title id="stage" />,
    cell: (info) => <Translated group="stages" value={info.getValue()} />,
  }),
  helper.accessor('channel', {
    header: () => <Title id="channel" />,
    cell: (info) => <Translated group="channels" value={info.getValue()} />,
  }),
  helper.accessor('status', {
    header: () => <Title id="status" />,
    cell: (info) => <StatusBadge status={info.getValue()} />,
    enableHiding: false,
  }),
  helper.accessor('to', { header: () => <Title id="to" />, cell: (info) => ltr(info.getValue()) }),
  helper.accessor('text', {
    header: () => <Title id="text" />,
    cell: (info) => (
      <span className="log-table__text" dir="auto">
        {info.getValue()}
      </span>
    ),
  }),
  helper.accessor('provider', { header: () => <Title id="provider" /> }),
  helper.accessor('error', { header: () => <Title id="error" />, cell: (info) => ltr(info.getValue()) }),
]);

/** Shown until the viewer chooses: what an analyst reads first. */
export const DEFAULT_HIDDEN: Record<string, boolean> = { stepId: false, provider: false, stage: false };
