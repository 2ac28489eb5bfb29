import { useMutation } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelName } from '../api/channels';
import { ApiError } from '../api/http';
import { Field } from '../canvas/fields';
import { sendTest, type TestSendRequest } from './templates.api';

const PLACEHOLDER: Record<ChannelName, string> = {
  sms: '+989121234567',
  whatsapp: '+989121234567',
  email: 'me@example.com',
  push: 'fcm:…',
};

/** "Send me a test": the address to send to, then what the server did with it (provider or sandbox). */
export function TestSendDialog({ request }: { request: Omit<TestSendRequest, 'to'> }) {
  const { t } = useTranslation('templates');
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const test = useMutation({ mutationFn: () => sendTest({ ...request, to: to.trim() }) });
  const problems = test.error instanceof ApiError ? (test.error.problem.errors ?? []) : [];
  const toProblems = problems.filter((p) => p.path === 'to');
  const otherError = test.isError && toProblems.length === 0 ? test.error.message : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.mutate();
  };
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) test.reset();
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="button">
          {t('sendTest')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog card">
          <Dialog.Title>{t('testTitle')}</Dialog.Title>
          <Dialog.Description>{t('testIntro')}</Dialog.Description>
          <form onSubmit={submit}>
            <Field label={t(`testTo.${request.channel}`)} problems={toProblems}>
              {(props) => (
                <input
                  {...props}
                  dir="ltr"
                  type={request.channel === 'email' ? 'email' : 'text'}
                  autoComplete={
                    request.channel === 'email'
                      ? 'email'
                      : request.channel === 'sms' || request.channel === 'whatsapp'
                        ? 'tel'
                        : 'off'
                  }
                  placeholder={PLACEHOLDER[request.channel]}
                  value={to}
                  onChange={(e) => setTo(e.target.value)}
                />
              )}
            </Field>
            {test.data && (
              <p role="status" className={test.data.status === 'sent' ? 'ok-text' : 'error-text'}>
                {test.data.status === 'sent'
                  ? t(test.data.mode === 'live' ? 'testSentLive' : 'testSentSandbox', {
                      provider: test.data.provider,
                    })
                  : t('testFailed', { error: test.data.error })}
              </p>
            )}
            {otherError && (
              <p role="alert" className="error-text">
                {otherError}
              </p>
            )}
            <div className="dialog__actions">
              <Dialog.Close asChild>
                <button type="button" className="button">
                  {t('common:close')}
                </button>
              </Dialog.Close>
              <button
                type="submit"
                className="button button--primary"
                disabled={!to.trim() || test.isPending}
              >
                {t('send')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
