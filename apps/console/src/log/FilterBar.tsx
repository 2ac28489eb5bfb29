import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, STAGES, STATUSES, type LogFilters } from './log-filters';
import { useJourneyNames } from './log.api';

type Change = (patch: Partial<LogFilters>) => void;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="inline-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A text filter applies on Enter or on leaving the field, not on every key (each would be a query). */
function TextFilter({
  label,
  value,
  onCommit,
  disabled,
  inputMode,
}: {
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  disabled?: boolean;
  inputMode?: 'numeric';
}) {
  const [draft, setDraft] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The address bar changed under us (back, a pasted link): show what it says now.
    setShown(value);
    setDraft(value ?? '');
  }
  const commit = () => {
    if (draft.trim() !== (value ?? '')) onCommit(draft.trim() || undefined);
  };
  return (
    <Field label={label}>
      <input
        type="text"
        dir="ltr"
        size={inputMode ? 4 : 14}
        inputMode={inputMode}
        value={draft}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}

function Choice<T extends string>({
  label,
  value,
  options,
  optionLabel,
  onChange,
}: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T | undefined) => void;
}) {
  const { t } = useTranslation('log');
  return (
    <Field label={label}>
      <select value={value ?? ''} onChange={(event) => onChange((event.target.value || undefined) as T)}>
        <option value="">{t('all')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** `datetime-local` speaks the viewer's wall clock; the filter keeps the instant. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function TimeFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: string;
  onChange: (v?: string) => void;
}) {
  return (
    <Field label={label}>
      <input
        type="datetime-local"
        value={toLocalInput(value)}
        onChange={(event) =>
          onChange(event.target.value ? new Date(event.target.value).toISOString() : undefined)
        }
      />
    </Field>
  );
}

/** Every filter of the API; the page keeps them in the address bar. */
export function FilterBar({ filters, onChange }: { filters: LogFilters; onChange: Change }) {
  const { t } = useTranslation('log');
  const journeys = useJourneyNames();
  const journeyIds = [...(journeys.data?.keys() ?? [])];
  return (
    <div className="filters log-filters" role="search" aria-label={t('filters')}>
      <Choice
        label={t('filter.journey')}
        value={filters.journeyId}
        options={journeyIds}
        optionLabel={(id) => journeys.data?.get(id) ?? id}
        // A version or step names something inside one journey: another journey starts without them.
        onChange={(journeyId) => onChange({ journeyId, journeyVersion: undefined, stepId: undefined })}
      />
      <TextFilter
        label={t('filter.version')}
        inputMode="numeric"
        disabled={!filters.journeyId}
        value={filters.journeyVersion?.toString()}
        onCommit={(v) => onChange({ journeyVersion: v && /^\d+$/.test(v) ? Number(v) : undefined })}
      />
      <TextFilter
        label={t('filter.step')}
        disabled={!filters.journeyId}
        value={filters.stepId}
        onCommit={(stepId) => onChange({ stepId })}
      />
      <TextFilter
        label={t('filter.customer')}
        value={filters.customerId}
        onCommit={(customerId) => onChange({ customerId })}
      />
      <Choice
        label={t('filter.channel')}
        value={filters.channel}
        options={CHANNELS}
        optionLabel={(c) => t(`channels.${c}`)}
        onChange={(channel) => onChange({ channel })}
      />
      <Choice
        label={t('filter.status')}
        value={filters.status}
        options={STATUSES}
        optionLabel={(s) => t(`statuses.${s}`)}
        onChange={(status) => onChange({ status })}
      />
      <Choice
        label={t('filter.stage')}
        value={filters.stage}
        options={STAGES}
        optionLabel={(s) => t(`stages.${s}`)}
        onChange={(stage) => onChange({ stage })}
      />
      <TimeFilter label={t('filter.from')} value={filters.from} onChange={(from) => onChange({ from })} />
      <TimeFilter label={t('filter.to')} value={filters.to} onChange={(to) => onChange({ to })} />
    </div>
  );
}
