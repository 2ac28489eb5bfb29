import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { typed, unwrap } from '../api/http';
import type { ApiKey } from '../api/types';
import { useFormat } from '../i18n/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CopyButton } from '../ui/CopyButton';

const ROLES = ['admin', 'marketer', 'analyst', 'ingest'] as const;
const newKeySchema = z.object({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) });
type NewKey = z.infer<typeof newKeySchema>;

/** API keys: create with a role (the key shown once, with a copy button), revoke. */
export function ApiKeys() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const client = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: async () => (await unwrap(typed.GET('/v1/api-keys'))) as { items: ApiKey[] },
  });
  const form = useForm<NewKey>({
    resolver: zodResolver(newKeySchema),
    defaultValues: { name: '', role: 'marketer' },
  });
  const create = useMutation({
    mutationFn: async (body: NewKey) =>
      (await unwrap(typed.POST('/v1/api-keys', { body }))) as ApiKey & { key: string },
    onSuccess: async (created) => {
      setShown(created.key);
      form.reset();
      await client.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(typed.DELETE('/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      setRevoking(null);
      await client.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  return (
    <section className="card settings__section" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <form className="field-row" onSubmit={form.handleSubmit((body) => create.mutate(body))} noValidate>
        <label className="field">
          <span>{t('keys.name')}</span>
          <input aria-invalid={form.formState.errors.name ? true : undefined} {...form.register('name')} />
        </label>
        <label className="field">
          <span>{t('keys.role')}</span>
          <select {...form.register('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common:roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('keys.create')}
        </button>
      </form>
      {shown && (
        <div className="secret" role="status">
          <p>{t('keys.showOnce')}</p>
          <code dir="ltr">{shown}</code> <CopyButton text={shown} />
        </div>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('keys.name')}</th>
              <th scope="col">{t('keys.role')}</th>
              <th scope="col">{t('keys.created')}</th>
              <th scope="col">{t('keys.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('keys.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data?.items.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>{t(`common:roles.${key.role}`)}</td>
                <td>{format.dateTime(key.createdAt)}</td>
                <td>
                  {key.revokedAt
                    ? t('keys.revoked', { when: format.dateTime(key.revokedAt) })
                    : t('keys.active')}
                </td>
                <td>
                  {!key.revokedAt && (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => setRevoking(key)}
                    >
                      {t('keys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t('keys.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('keys.revoke')}
        danger
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      >
        <p>{t('keys.revokeEffect')}</p>
      </ConfirmDialog>
    </section>
  );
}
