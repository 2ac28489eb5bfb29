import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS } from '../api/channels';
import type { JourneyMap } from './customers.api';

/** Each channel's consent as it stands: given, refused, or never asked. */
export function ConsentList({ consent }: { consent: JourneyMap['consent'] }) {
  const { t } = useTranslation('customers');
  return (
    <dl className="consent">
      {MESSAGE_CHANNELS.map((channel) => {
        const value = consent[channel];
        const state = value === null ? 'unknown' : value ? 'given' : 'refused';
        return (
          <div key={channel} className="consent__item">
            <dt>{t(`log:channels.${channel}`)}</dt>
            <dd>
              <span className={`badge badge--${value === null ? 'archived' : value ? 'active' : 'error'}`}>
                {t(`consent.${state}`)}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
