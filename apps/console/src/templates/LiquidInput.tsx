import { useQuery } from '@tanstack/react-query';
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { insertPath, liquidQueryAt, matchingPaths, STANDARD_PATHS } from './liquid-completion';
import { templateVariables } from './templates.api';
import './liquid-input.css';

type FieldProps = {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  dir: string;
  lang?: string;
  readOnly: boolean;
  multiline: boolean;
  rows?: number;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
};

/** The paths this journey's templates can use: the standard ones and what its recent enrollments carried. */
function useLiquidPaths(): string[] {
  const { id: journeyId } = useParams();
  const variables = useQuery({
    queryKey: ['template-variables', journeyId],
    queryFn: () => templateVariables(journeyId ?? ''),
    enabled: Boolean(journeyId),
    staleTime: 60_000,
  });
  return [...(variables.data?.customer ?? []), ...(variables.data?.event ?? []), ...STANDARD_PATHS];
}

/**
 * A template field that completes Liquid paths after `{{`: an ARIA combobox (list autocomplete) over a
 * text box or text area. Arrow keys choose, Enter or Tab inserts, Escape closes.
 */
export function LiquidInput({ multiline, rows, value, onChange, onBlur, ...props }: FieldProps) {
  const { t } = useTranslation('templates');
  const listId = useId();
  const paths = useLiquidPaths();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const pendingCaret = useRef<number | null>(null);
  const at = caret === null || props.readOnly ? null : liquidQueryAt(value, caret);
  const options = at && !dismissed ? matchingPaths(paths, at.query) : [];
  const open = options.length > 0;

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !ref.current) return;
    ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const track = (element: HTMLInputElement | HTMLTextAreaElement) => setCaret(element.selectionStart);
  const choose = (path: string) => {
    const next = insertPath(value, caret ?? value.length, path);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    onChange(next.text);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => setActive((active + 1) % options.length),
      ArrowUp: () => setActive((active - 1 + options.length) % options.length),
      Enter: () => choose(options[Math.min(active, options.length - 1)]),
      Tab: () => choose(options[Math.min(active, options.length - 1)]),
      Escape: () => setDismissed(true),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };
  const control = {
    ...props,
    ref,
    value,
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open ? `${listId}-${Math.min(active, options.length - 1)}` : undefined,
    onChange: (e: { target: HTMLInputElement | HTMLTextAreaElement }) => {
      setDismissed(false);
      setActive(0);
      track(e.target);
      onChange(e.target.value);
    },
    onSelect: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => track(e.currentTarget),
    onKeyDown,
    onBlur: () => {
      setCaret(null);
      onBlur();
    },
  };
  return (
    <div className="liquid-input">
      {multiline ? <textarea {...control} rows={rows} /> : <input {...control} />}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('variables')}
        className="liquid-input__list"
        hidden={!open}
      >
        {options.map((path, i) => (
          <li
            key={path}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === Math.min(active, options.length - 1)}
            className="liquid-input__option"
            dir="ltr"
            // Keeps the focus (and the caret) in the field.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(path);
            }}
          >
            {path}
          </li>
        ))}
      </ul>
    </div>
  );
}
