import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setField } from './commands';
import { getIn, type Path } from './document';
import { useEditor } from './store';
import { fieldProblems, type PlacedProblem } from './validation';

/** How a row's value is typed and stored: text as is, a number, or text read as a number or boolean when it is one. */
export type RowValueKind = 'text' | 'number' | 'typed';

interface Row {
  key: string;
  value: string;
}

const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function parse(kind: RowValueKind, text: string): unknown {
  if (kind === 'text') {
    return text;
  }
  if (kind === 'number') {
    return text.trim() === '' ? 0 : Number(text);
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    return Number(text);
  }
  return text === 'true' ? true : text === 'false' ? false : text;
}

function toRows(value: unknown): Row[] {
  const record = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return Object.entries(record).map(([key, item]) => ({ key, value: asText(item) }));
}

/** The object the rows stand for (rows without a name are kept on screen only), or undefined when none. */
function toRecord(rows: readonly Row[], kind: RowValueKind): Record<string, unknown> | undefined {
  const named = rows.filter((row) => row.key.trim() !== '');
  return named.length
    ? Object.fromEntries(named.map((row) => [row.key.trim(), parse(kind, row.value)]))
    : undefined;
}

/**
 * An object of the document edited as name and value rows (`set`, `increment`, a webhook's headers, a
 * WhatsApp template's content variables). Each change writes the whole object; removing the last row
 * removes the field.
 */
export function KeyValueFields({
  path,
  field,
  problems,
  legend,
  kind = 'text',
  keyLabel,
  valueLabel,
  hint,
}: {
  path: Path;
  /** The field's name in the journey checks' problems (`set`, `template.contentVariables`). */
  field: string;
  problems: readonly PlacedProblem[];
  legend: string;
  kind?: RowValueKind;
  keyLabel: string;
  valueLabel: string;
  hint?: string;
}) {
  const { t } = useTranslation('canvas');
  const value = useEditor((state) => getIn(state.doc, path));
  const dispatch = useEditor((state) => state.dispatch);
  const seal = useEditor((state) => state.seal);
  const readOnly = useEditor((state) => state.readOnly);
  const [rows, setRows] = useState(() => toRows(value));
  // Undo, redo or another form changed the object: show it as it now stands.
  if (JSON.stringify(toRecord(rows, kind)) !== JSON.stringify(value)) {
    setRows(toRows(value));
  }
  const write = (next: Row[]) => {
    setRows(next);
    dispatch(setField(path, toRecord(next, kind)));
  };
  const edit = (index: number, part: Partial<Row>) =>
    write(rows.map((row, i) => (i === index ? { ...row, ...part } : row)));
  const mine = fieldProblems([...problems], field);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {rows.map((row, i) => (
        <div key={i} className="field-row">
          <label className="field">
            <span>{keyLabel}</span>
            <input
              dir="ltr"
              readOnly={readOnly}
              value={row.key}
              onChange={(e) => edit(i, { key: e.target.value })}
              onBlur={seal}
            />
          </label>
          <label className="field">
            <span>{valueLabel}</span>
            <input
              dir={kind === 'number' ? undefined : 'auto'}
              type={kind === 'number' ? 'number' : 'text'}
              readOnly={readOnly}
              value={row.value}
              onChange={(e) => edit(i, { value: e.target.value })}
              onBlur={seal}
            />
          </label>
          {!readOnly && (
            <button
              type="button"
              className="button button--small"
              onClick={() => write(rows.filter((_, j) => j !== i))}
            >
              {t('removeRow', { name: row.key || String(i + 1) })}
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setRows([...rows, { key: '', value: kind === 'number' ? '1' : '' }])}
        >
          {t('addRow')}
        </button>
      )}
      {mine.length > 0 && (
        <p className="field__error" role="alert">
          {mine.map((p) => p.message).join('; ')}
        </p>
      )}
    </fieldset>
  );
}
