import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey } from '../api/types';
import { useFormat } from '../i18n/format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { editorApi } from './editor.api';

type Action = 'pause' | 'resume' | 'archive';

/** Pause, resume and archive, each confirmed with what it will do in numbers. */
export function LifecycleActions({ journey }: { journey: Journey }) {
  const { t } = useTranslation('canvas');
  const format = useFormat();
  const client = useQueryClient();
  const [asking, setAsking] = useState<Action | null>(null);
  const preview = useQuery({
    queryKey: ['lifecycle-preview', journey.id],
    queryFn: () => editorApi.lifecyclePreview(journey.id),
    enabled: asking !== null,
  });
  const run = useMutation({
    mutationFn: (action: Action) => editorApi[action](journey.id),
    onSuccess: async () => {
      setAsking(null);
      await client.invalidateQueries({ queryKey: ['journeys'] });
      await client.invalidateQueries({ queryKey: ['journey', journey.id] });
    },
  });
  if (journey.status === 'archived') return null;
  const numbers = preview.data
    ? { waiting: format.number(preview.data.waiting), messages: format.number(preview.data.pendingMessages) }
    : null;
  return (
    <>
      {journey.status === 'active' ? (
        <button type="button" className="button" onClick={() => setAsking('pause')}>
          {t('lifecycle.pause')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => setAsking('resume')}>
          {t('lifecycle.resume')}
        </button>
      )}
      <button type="button" className="button button--danger" onClick={() => setAsking('archive')}>
        {t('lifecycle.archive')}
      </button>
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        title={asking ? t(`lifecycle.${asking}Title`, { name: journey.name }) : ''}
        confirmLabel={asking ? t(`lifecycle.${asking}`) : ''}
        danger={asking === 'archive'}
        busy={run.isPending || !numbers}
        onConfirm={() => asking && run.mutate(asking)}
      >
        <p>{numbers ? t(`lifecycle.${asking ?? 'pause'}Effect`, numbers) : t('common:loading')}</p>
        {run.isError && (
          <p className="error-text" role="alert">
            {run.error.message}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
