import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { asciiDigits, formatDuration, parseHumanDuration } from './duration';
import type { PlacedProblem } from './validation';

/** A labelled control with its hint and the problems the journey checks found in it. */
export function Field({
  label,
  hint,
  problems = [],
  children,
}: {
  label: string;
  hint?: string;
  problems?: readonly Pick<PlacedProblem, 'message'>[];
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': problems.length ? true : undefined,
        'aria-describedby': described || undefined,
      })}
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      {problems.length > 0 && (
        <span id={`${id}-error`} className="field__error" role="alert">
          {problems.map((p) => p.message).join('; ')}
        </span>
      )}
    </div>
  );
}

/**
 * A duration typed as people say it ("3 days"); the document gets the ISO form (P3D) when the text is
 * one, else the text as typed, which the journey checks then flag on the node.
 */
export function DurationInput({
  value,
  onChange,
  onBlur,
  allowNegative = false,
  ...props
}: {
  value: unknown;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  allowNegative?: boolean;
  readOnly?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const format = useFormat();
  const { t } = useTranslation('canvas');
  const iso = typeof value === 'string' ? value : '';
  const shown = iso ? formatDuration(iso.replace(/^-/, ''), format.locale) : '';
  const display = iso.startsWith('-') ? `-${shown}` : shown;
  // The text being typed, until it leaves the field; the document's value otherwise (undo shows through).
  const [typing, setTyping] = useState<{ text: string; iso: string } | null>(null);
  const text = typing && typing.iso === iso ? typing.text : display;
  return (
    <>
      <input
        {...props}
        type="text"
        value={text}
        placeholder={t('durationPlaceholder')}
        onChange={(event) => {
          const raw = event.target.value;
          const negative = allowNegative && /^\s*-/.test(asciiDigits(raw));
          const parsed = parseHumanDuration(raw.replace(/^\s*-/, ''));
          const next = raw.trim() === '' ? undefined : parsed ? `${negative ? '-' : ''}${parsed}` : raw;
          setTyping({ text: raw, iso: next ?? '' });
          onChange(next);
        }}
        onBlur={() => {
          setTyping(null);
          onBlur?.();
        }}
      />
      {iso && /^-?P/.test(iso) && (
        <span className="field__hint" dir="ltr">
          {iso}
        </span>
      )}
    </>
  );
}
