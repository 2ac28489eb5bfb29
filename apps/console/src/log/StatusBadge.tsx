import { useTranslation } from 'react-i18next';
import type { TouchpointStatus } from './log-filters';

const TONE: Partial<Record<TouchpointStatus, string>> = {
  delivered: 'active',
  opened: 'active',
  clicked: 'active',
  answered: 'active',
  failed: 'error',
  bounced: 'error',
  unknown: 'paused',
  expired: 'paused',
  suppressed: 'paused',
  unsubscribed: 'paused',
};

export function StatusBadge({ status }: { status: TouchpointStatus }) {
  const { t } = useTranslation('log');
  return <span className={`badge badge--${TONE[status] ?? 'draft'}`}>{t(`statuses.${status}`)}</span>;
}
