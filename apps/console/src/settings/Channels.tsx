import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { typed, unwrap } from '../api/http';
import type { components } from '../api/schema';
import { CopyButton } from '../ui/CopyButton';
import './channels.css';

type Channel = components['schemas']['ChannelSettings']['channels'][number]['channel'];

const checkChannel = (channel: Channel) =>
  unwrap(typed.POST('/v1/settings/channels/{channel}/check', { params: { path: { channel } } }));

const listChannels = () => unwrap(typed.GET('/v1/settings/channels'));

function CheckButton({ channel }: { channel: Channel }) {
  const { t } = useTranslation('settings');
  const check = useMutation({ mutationFn: () => checkChannel(channel) });
  const accepted = check.data?.status === 'accepted' || check.data?.status === 'sandbox';
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={check.isPending}
        onClick={() => check.mutate()}
      >
        {t('channels.check')}
      </button>
      {check.data && (
        <span role="status" className={accepted ? 'ok-text' : 'error-text'}>
          {' '}
          {t(`channels.result.${check.data.status}`, { detail: check.data.detail })}
        </span>
      )}
      {check.isError && (
        <span role="alert" className="error-text">
          {' '}
          {check.error.message}
        </span>
      )}
    </>
  );
}

/** Which channels run for real and which in the sandbox, the callback URLs to paste, and a credentials check. */
export function Channels() {
  const { t } = useTranslation('settings');
  const channels = useQuery({
    queryKey: ['channel-settings'],
    queryFn: listChannels,
  });
  return (
    <section className="card settings__section" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('channels.title')}</h2>
      {channels.isError && <p className="error-text">{channels.error.message}</p>}
      {channels.data?.publicBaseUrlIsLocal && (
        <p className="channels__warning" role="note">
          {t('channels.localUrl', { url: channels.data.publicBaseUrl })}
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('channels.channel')}</th>
              <th scope="col">{t('channels.provider')}</th>
              <th scope="col">{t('channels.mode')}</th>
              <th scope="col">{t('channels.callbacks')}</th>
              <th scope="col">{t('channels.check')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.data?.channels.map((c) => (
              <tr key={c.channel}>
                <th scope="row">{t(`canvas:channels.${c.channel}`, { defaultValue: c.channel })}</th>
                <td>{c.provider}</td>
                <td>
                  <span className={`badge ${c.mode === 'live' ? 'badge--active' : 'badge--paused'}`}>
                    {t(`channels.${c.mode}`)}
                  </span>
                </td>
                <td>
                  <ul className="plain-list">
                    {Object.entries(c.callbackUrls).map(([kind, url]) => (
                      <li key={kind}>
                        {t(`channels.${kind}`, { defaultValue: kind })}: <code dir="ltr">{url}</code>{' '}
                        <CopyButton text={url ?? ''} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <CheckButton channel={c.channel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
