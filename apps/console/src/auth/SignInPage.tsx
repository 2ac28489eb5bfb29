import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { z } from 'zod';
import { ApiError } from '../api/http';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useSession, useSignIn } from './session';

const signInSchema = z.object({ key: z.string().trim().min(1) });
type SignInForm = z.infer<typeof signInSchema>;

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const location = useLocation();
  const form = useForm<SignInForm>({ resolver: zodResolver(signInSchema), defaultValues: { key: '' } });
  const from = (location.state as { from?: string } | null)?.from ?? '/journeys';
  if (session.data) return <Navigate to={from} replace />;

  const error = signIn.error;
  const message =
    error instanceof ApiError && error.status === 401
      ? t('signIn.unknown')
      : error instanceof ApiError && error.status === 403
        ? t('signIn.ingest')
        : error
          ? t('signIn.failed', { message: error.message })
          : null;

  return (
    <main className="sign-in" id="main">
      <div className="sign-in__lang">
        <LanguageSwitch />
      </div>
      <form
        className="card sign-in__card"
        onSubmit={form.handleSubmit(({ key }) => signIn.mutate(key))}
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <label className="field">
          <span>{t('signIn.key')}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            aria-invalid={form.formState.errors.key ? true : undefined}
            {...form.register('key')}
          />
        </label>
        {message && (
          <p role="alert" className="error-text">
            {message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={signIn.isPending}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
