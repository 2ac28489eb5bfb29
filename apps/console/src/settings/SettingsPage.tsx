import { useTranslation } from 'react-i18next';
import { useAbilities } from '../auth/session';
import { canvasLocales } from '../canvas/canvas.locales';
import { registerNamespace } from '../i18n/i18n';
import { ApiKeys } from './ApiKeys';
import { Channels } from './Channels';
import { FrequencyCapsForm } from './FrequencyCapsForm';
import { settingsLocales } from './settings.locales';

registerNamespace('settings', settingsLocales);
registerNamespace('canvas', canvasLocales);

export function SettingsPage() {
  const { t } = useTranslation('settings');
  const abilities = useAbilities();
  return (
    <div className="page settings">
      <div className="page__header">
        <h1>{t('title')}</h1>
      </div>
      <FrequencyCapsForm readOnly={!abilities.edit} />
      {abilities.admin && <ApiKeys />}
      {abilities.admin && <Channels />}
    </div>
  );
}
