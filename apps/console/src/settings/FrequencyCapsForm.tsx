import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { frequencyCapsSchema } from '@touchpoint/journeys';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { typed, unwrap } from '../api/http';
import type { FrequencyCap } from '../api/types';

type Caps = z.input<typeof frequencyCapsSchema>;

/** Frequency caps, validated with the same schema the API uses. */
export function FrequencyCapsForm({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const caps = useQuery({
    queryKey: ['frequency-caps'],
    queryFn: async () => (await unwrap(typed.GET('/v1/settings/frequency-caps'))) as { caps: FrequencyCap[] },
  });
  const form = useForm<Caps>({
    resolver: zodResolver(frequencyCapsSchema),
    values: caps.data ?? { caps: [] },
  });
  const rows = useFieldArray({ control: form.control, name: 'caps' });
  const save = useMutation({
    mutationFn: async (body: Caps) =>
      (await unwrap(typed.PUT('/v1/settings/frequency-caps', { body: body as never }))) as {
        caps: FrequencyCap[];
      },
    onSuccess: (saved) => client.setQueryData(['frequency-caps'], saved),
  });
  const errors = form.formState.errors.caps;
  return (
    <section className="card settings__section" aria-labelledby="caps-title">
      <h2 id="caps-title">{t('caps.title')}</h2>
      <p className="muted">{t('caps.intro')}</p>
      <form onSubmit={form.handleSubmit((body) => save.mutate(body))} noValidate>
        {rows.fields.length === 0 && <p>{t('caps.none')}</p>}
        {rows.fields.map((row, i) => (
          <div key={row.id} className="field-row">
            <label className="field">
              <span>{t('caps.max')}</span>
              <input
                type="number"
                min={0}
                readOnly={readOnly}
                aria-invalid={errors?.[i]?.max ? true : undefined}
                {...form.register(`caps.${i}.max`, { valueAsNumber: true })}
              />
            </label>
            <label className="field">
              <span>{t('caps.channel')}</span>
              <select disabled={readOnly} {...form.register(`caps.${i}.channel`)}>
                <option value="any">{t('caps.any')}</option>
                <option value="sms">SMS</option>
                <option value="email">Email</option>
                <option value="push">Push</option>
              </select>
            </label>
            <label className="field">
              <span>{t('caps.per')}</span>
              <select disabled={readOnly} {...form.register(`caps.${i}.per`)}>
                <option value="day">{t('caps.day')}</option>
                <option value="week">{t('caps.week')}</option>
              </select>
            </label>
            {!readOnly && (
              <button type="button" className="button" onClick={() => rows.remove(i)}>
                {t('caps.remove')}
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <div className="toolbar">
            <button
              type="button"
              className="button"
              onClick={() => rows.append({ channel: 'any', max: 3, per: 'day' })}
            >
              {t('caps.add')}
            </button>
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {t('caps.save')}
            </button>
            {save.isSuccess && <span role="status">{t('caps.saved')}</span>}
            {save.isError && (
              <span className="error-text" role="alert">
                {save.error.message}
              </span>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
