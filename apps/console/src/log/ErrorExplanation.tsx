import { useTranslation } from 'react-i18next';
import { explanationKey } from './error-explanations';
import './error-explanation.css';

/** A provider's or Touchpoint's error code in words, with the code and the provider's own message. */
export function ErrorExplanation({
  provider,
  code,
  message,
}: {
  provider: string | null;
  code: string;
  message: string | null;
}) {
  const { t } = useTranslation('log');
  const key = explanationKey(provider, code);
  return (
    <div className="error-explanation" role="note">
      {key && <p className="error-explanation__words">{t(`errors.${key}`)}</p>}
      <p className="muted">
        <bdi dir="ltr">{t('drawer.code', { code })}</bdi>
        {message && (
          <>
            {' — '}
            <bdi dir="ltr">{message}</bdi>
          </>
        )}
      </p>
    </div>
  );
}
