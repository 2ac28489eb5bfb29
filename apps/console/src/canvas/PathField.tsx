import { type ReactNode } from 'react';
import { setField } from './commands';
import { getIn, type Path } from './document';
import { DurationInput, Field } from './fields';
import { useEditor } from './store';
import { ENTRY_NODE, fieldProblems, stepNodeId } from './validation';
import { useNodeProblems } from './ValidationContext';

/** How a control shows a document value, and what it writes back (undefined removes the field). */
interface Codec {
  read: (value: unknown) => string;
  write: (text: string) => unknown;
}

const text = (optional: boolean): Codec => ({
  read: (value) => (typeof value === 'string' ? value : ''),
  write: (input) => (input === '' && optional ? undefined : input),
});
const number: Codec = {
  read: (value) => (typeof value === 'number' ? String(value) : ''),
  write: (input) => (input === '' ? undefined : Number(input)),
};
/** A comma-separated list of names (`exitOn`). */
const list: Codec = {
  read: (value) => (Array.isArray(value) ? value.join(', ') : ''),
  write: (input) => (input.trim() === '' ? undefined : input.split(',').map((part) => part.trim())),
};

export type PathFieldKind = 'text' | 'textarea' | 'number' | 'time' | 'list' | 'duration' | 'select';

interface PathFieldProps {
  /** Where in the journey document the value lives: `['name']`, `['steps', 2, 'timeout']`… */
  path: Path;
  label: string;
  hint?: string;
  kind?: PathFieldKind;
  /** An empty text removes the field instead of storing "". */
  optional?: boolean;
  dir?: 'ltr' | 'rtl' | 'auto';
  rows?: number;
  min?: number;
  max?: number;
  /** For a duration that may run before a date (`-P3D`). */
  allowNegative?: boolean;
  /** For a select: its options (value, label). */
  options?: readonly { value: string; label: string }[];
  /** For a select: the value shown when the document has none. */
  fallback?: string;
  /** What a chosen value writes (a select's "none" that removes the field). */
  toValue?: (text: string) => unknown;
  /** Instead of writing the value at `path`: a change that is more than one field, as one command. */
  onWrite?: (text: string) => void;
}

/** The node a document path belongs to, and the field the journey checks name for it. */
export function placeOf(path: Path): { node: string; field: string } {
  if (path[0] === 'steps' && typeof path[1] === 'number') {
    return { node: stepNodeId(path[1]), field: path.slice(2).join('.') };
  }
  return { node: ENTRY_NODE, field: path.join('.') };
}

/**
 * One labelled control bound to one path of the journey document: it reads the value there, writes each
 * change as an undoable command, ends the undo step when the field is left, and shows the problems the
 * journey checks found at that path.
 */
export function PathField({
  path,
  label,
  hint,
  kind = 'text',
  optional = false,
  dir = 'ltr',
  rows = 2,
  min,
  max,
  allowNegative,
  options = [],
  fallback = '',
  toValue,
  onWrite,
}: PathFieldProps) {
  const place = placeOf(path);
  const problems = fieldProblems(useNodeProblems(place.node), place.field);
  const value = useEditor((state) => getIn(state.doc, path));
  const dispatch = useEditor((state) => state.dispatch);
  const seal = useEditor((state) => state.seal);
  const readOnly = useEditor((state) => state.readOnly);
  const set = (next: unknown) => dispatch(setField(path, next));
  const codec = kind === 'number' ? number : kind === 'list' ? list : text(optional);
  const write = (input: string) =>
    onWrite ? onWrite(input) : set(toValue ? toValue(input) : codec.write(input));
  const common = { readOnly, value: codec.read(value), onBlur: seal };
  let control: (props: { id: string }) => ReactNode;
  switch (kind) {
    case 'duration':
      control = (props) => (
        <DurationInput
          {...props}
          readOnly={readOnly}
          allowNegative={allowNegative}
          value={value}
          onChange={set}
          onBlur={seal}
        />
      );
      break;
    case 'select':
      control = (props) => (
        <select
          {...props}
          disabled={readOnly}
          value={codec.read(value) || fallback}
          onChange={(e) => write(e.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'textarea':
      control = (props) => (
        <textarea {...props} {...common} dir={dir} rows={rows} onChange={(e) => write(e.target.value)} />
      );
      break;
    case 'number':
    case 'time':
    case 'text':
    case 'list':
      control = (props) => (
        <input
          {...props}
          {...common}
          type={kind === 'number' || kind === 'time' ? kind : 'text'}
          dir={kind === 'number' || kind === 'time' ? undefined : dir}
          min={min}
          max={max}
          onChange={(e) => write(e.target.value)}
        />
      );
      break;
  }
  return (
    <Field label={label} hint={hint} problems={problems}>
      {control}
    </Field>
  );
}
