import { CONDITION_OPERATORS, REENTRY_POLICIES, STAGES, WEEKDAYS } from '@touchpoint/journeys';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS } from '../api/channels';
import { deleteStep, renameStep, setField, setStepField } from './commands';
import { getIn, type DraftStep, type Path } from './document';
import { Field } from './fields';
import { KeyValueFields } from './KeyValueFields';
import { PathField, placeOf } from './PathField';
import { TemplateFields } from './TemplateFields';
import { useEditor } from './store';
import { ENTRY_NODE, fieldProblems, type PlacedProblem } from './validation';
import { useNodeProblems } from './ValidationContext';

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Binds a control to one path of the document: each change a command, leaving the field ends the undo step. */
function useBinding(base: Path) {
  const dispatch = useEditor((state) => state.dispatch);
  const seal = useEditor((state) => state.seal);
  const readOnly = useEditor((state) => state.readOnly);
  const doc = useEditor((state) => state.doc);
  return {
    readOnly,
    get: (path: Path) => getIn(doc, [...base, ...path]),
    set: (path: Path, value: unknown) => dispatch(setField([...base, ...path], value)),
    seal,
    dispatch,
  };
}

/** A link to another step: `next` (none means the next in order), `then`, `onTimeout`, a variant's `next`. */
function StepRefField({
  path,
  label,
  self,
  allowNone = false,
}: {
  path: Path;
  label: string;
  self: string;
  allowNone?: boolean;
}) {
  const { t } = useTranslation('canvas');
  const steps = useEditor((state) => state.doc.steps);
  const options = [
    { value: '', label: allowNone ? t('nextInOrder') : t('chooseStep') },
    ...steps
      .filter((step) => step.id !== self)
      .map((step) => ({ value: step.id, label: `${step.id} · ${t(`types.${step.type}`)}` })),
  ];
  return (
    <PathField
      path={path}
      label={label}
      kind="select"
      options={options}
      toValue={(id) => (allowNone ? id || undefined : id)}
    />
  );
}

/** A condition `{ path, op, value }`; anything more (all, any, not) is edited as JSON. */
function ConditionFields({
  base,
  problems,
  label,
}: {
  base: Path;
  problems: PlacedProblem[];
  label: string;
}) {
  const { t } = useTranslation('canvas');
  const { get, set, seal, readOnly } = useBinding(base);
  const condition = get([]);
  const simple =
    condition === undefined || (typeof condition === 'object' && condition !== null && 'path' in condition);
  const field = base[base.length - 1] === 'if' ? 'if' : base.slice(-2).join('.');
  const mine = (sub: string) => fieldProblems(problems, sub ? `${field}.${sub}` : field);
  if (!simple) {
    return (
      <Field label={label} problems={mine('')} hint={t('conditionJson')}>
        {(props) => (
          <textarea
            {...props}
            dir="ltr"
            rows={5}
            readOnly={readOnly}
            defaultValue={JSON.stringify(condition, null, 2)}
            onBlur={(event) => {
              try {
                set([], JSON.parse(event.target.value));
              } catch {
                /* keep the last valid condition */
              }
            }}
          />
        )}
      </Field>
    );
  }
  const op = str(get(['op'])) || 'eq';
  const value = get(['value']);
  return (
    <fieldset>
      <legend>{label}</legend>
      <PathField path={[...base, 'path']} label={t('fields.path')} hint={t('hints.path')} />
      <PathField
        path={[...base, 'op']}
        label={t('fields.op')}
        kind="select"
        fallback="eq"
        options={CONDITION_OPERATORS.map((o) => ({ value: o, label: t(`ops.${o}`) }))}
      />
      {op !== 'exists' && (
        <Field
          label={t('fields.value')}
          problems={mine('value')}
          hint={op === 'in' ? t('hints.inList') : undefined}
        >
          {(props) => (
            <input
              {...props}
              dir="auto"
              readOnly={readOnly}
              value={Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value)}
              onChange={(event) => {
                const raw = event.target.value;
                const typed = (text: string): unknown =>
                  /^-?\d+(\.\d+)?$/.test(text)
                    ? Number(text)
                    : text === 'true'
                      ? true
                      : text === 'false'
                        ? false
                        : text;
                set(['value'], op === 'in' ? raw.split(',').map((part) => typed(part.trim())) : typed(raw));
              }}
              onBlur={seal}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}

function EntryForm() {
  const { t } = useTranslation('canvas');
  const problems = useNodeProblems(ENTRY_NODE);
  const { get, set } = useBinding([]);
  const quiet = get(['quietHours']);
  const goal = get(['goal']);
  const where = get(['trigger', 'where']);
  const reentry = str(get(['reentry']));
  return (
    <>
      <PathField path={['name']} label={t('fields.name')} dir="auto" />
      <PathField path={['description']} label={t('fields.description')} kind="textarea" dir="auto" optional />
      <PathField
        path={['stage']}
        label={t('fields.stage')}
        kind="select"
        options={STAGES.map((stage) => ({
          value: stage,
          label: t(`journeys:stages.${stage}`, { defaultValue: stage }),
        }))}
      />
      <PathField path={['trigger', 'event']} label={t('fields.triggerEvent')} hint={t('hints.event')} />
      <Toggle
        label={t('fields.filter')}
        checked={where !== undefined}
        onChange={(on) =>
          set(['trigger', 'where'], on ? { path: 'event.properties.', op: 'eq', value: '' } : undefined)
        }
      />
      {where !== undefined && (
        <ConditionFields base={['trigger', 'where']} problems={problems} label={t('fields.filter')} />
      )}
      <PathField
        path={['reentry']}
        label={t('fields.reentry')}
        kind="select"
        fallback="never"
        options={REENTRY_POLICIES.map((policy) => ({ value: policy, label: t(`reentry.${policy}`) }))}
        toValue={(policy) => (policy === 'never' ? undefined : policy)}
      />
      {reentry && reentry !== 'never' && (
        <PathField path={['reentryGap']} label={t('fields.reentryGap')} kind="duration" />
      )}
      <PathField path={['entryLimit']} label={t('fields.entryLimit')} kind="number" min={1} />
      <PathField path={['exitOn']} label={t('fields.exitOn')} kind="list" hint={t('hints.commaList')} />
      <fieldset>
        <legend>{t('fields.goal')}</legend>
        <Toggle
          label={t('fields.hasGoal')}
          checked={goal !== undefined}
          onChange={(on) => set(['goal'], on ? { event: '', within: 'P7D' } : undefined)}
        />
        {goal !== undefined && (
          <>
            <PathField path={['goal', 'event']} label={t('fields.goalEvent')} />
            <PathField path={['goal', 'within']} label={t('fields.goalWithin')} kind="duration" />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('fields.quietHours')}</legend>
        <Toggle
          label={t('fields.hasQuietHours')}
          checked={quiet !== undefined}
          onChange={(on) => set(['quietHours'], on ? { start: '21:00', end: '09:00' } : undefined)}
        />
        {quiet !== undefined && (
          <div className="field-row">
            <PathField path={['quietHours', 'start']} label={t('fields.quietStart')} kind="time" />
            <PathField path={['quietHours', 'end']} label={t('fields.quietEnd')} kind="time" />
          </div>
        )}
        <span className="field__hint">{t('hints.customerZone')}</span>
      </fieldset>
      <Toggle
        label={t('fields.transactional')}
        checked={get(['transactional']) === true}
        onChange={(on) => set(['transactional'], on ? true : undefined)}
      />
    </>
  );
}

/** A checkbox that adds or removes an optional part of the document (a goal, quiet hours…). */
function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const readOnly = useEditor((state) => state.readOnly);
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        disabled={readOnly}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

function WaitFields({ index }: { index: number }) {
  const { t } = useTranslation('canvas');
  const base: Path = ['steps', index];
  const { get, set, readOnly } = useBinding(base);
  const until = get(['until']) as Record<string, unknown> | undefined;
  const mode = until === undefined ? 'duration' : 'date' in until ? 'date' : 'time';
  const setMode = (next: string) => {
    if (next === mode) return;
    set([], {
      ...(get([]) as object),
      duration: next === 'duration' ? 'P1D' : undefined,
      until:
        next === 'time'
          ? { time: '09:00' }
          : next === 'date'
            ? { date: 'customer.attributes.birthday', offset: '-P3D' }
            : undefined,
    });
  };
  const days = Array.isArray(until?.days) ? (until.days as string[]) : [];
  return (
    <>
      <fieldset>
        <legend>{t('fields.waitMode')}</legend>
        {(['duration', 'time', 'date'] as const).map((m) => (
          <label key={m} className="checkbox">
            <input
              type="radio"
              name={`wait-mode-${index}`}
              disabled={readOnly}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {t(`waitModes.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'duration' && (
        <PathField
          path={[...base, 'duration']}
          label={t('fields.duration')}
          hint={t('hints.duration')}
          kind="duration"
        />
      )}
      {mode === 'time' && (
        <>
          <PathField
            path={[...base, 'until', 'time']}
            label={t('fields.untilTime')}
            hint={t('hints.customerZone')}
            kind="time"
          />
          <fieldset>
            <legend>{t('fields.days')}</legend>
            <div className="weekdays">
              {WEEKDAYS.map((day) => (
                <Toggle
                  key={day}
                  label={t(`weekdays.${day}`)}
                  checked={days.includes(day)}
                  onChange={(on) => {
                    const next = on ? [...days, day] : days.filter((d) => d !== day);
                    set(
                      ['until', 'days'],
                      next.length ? WEEKDAYS.filter((d) => next.includes(d)) : undefined,
                    );
                  }}
                />
              ))}
            </div>
          </fieldset>
        </>
      )}
      {mode === 'date' && (
        <>
          <PathField
            path={[...base, 'until', 'date']}
            label={t('fields.untilDate')}
            hint={t('hints.datePath')}
          />
          <PathField
            path={[...base, 'until', 'offset']}
            label={t('fields.offset')}
            hint={t('hints.offset')}
            kind="duration"
            allowNegative
          />
          <PathField path={[...base, 'until', 'time']} label={t('fields.atTime')} kind="time" optional />
        </>
      )}
    </>
  );
}

function StepForm({ index }: { index: number }) {
  const { t } = useTranslation('canvas');
  const steps = useEditor((state) => state.doc.steps);
  const dispatch = useEditor((state) => state.dispatch);
  const seal = useEditor((state) => state.seal);
  const readOnly = useEditor((state) => state.readOnly);
  const select = useEditor((state) => state.select);
  const problems = useNodeProblems(`step-${index}`);
  const step = steps[index];
  if (!step) return null;
  const base: Path = ['steps', index];
  const ref = (field: string, label: string, allowNone = false) => (
    <StepRefField path={[...base, field]} label={label} self={step.id} allowNone={allowNone} />
  );
  const general = problems.filter((p) => p.field === '');
  return (
    <>
      {general.length > 0 && (
        <ul className="panel__problems" role="alert">
          {general.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <Field label={t('fields.id')} problems={fieldProblems(problems, 'id')} hint={t('hints.id')}>
        {(props) => (
          <input
            {...props}
            dir="ltr"
            readOnly={readOnly}
            value={step.id}
            onChange={(e) => dispatch(renameStep(index, e.target.value))}
            onBlur={seal}
          />
        )}
      </Field>
      {step.type === 'wait' && (
        <>
          <WaitFields index={index} />
          {ref('next', t('fields.next'), true)}
        </>
      )}
      {step.type === 'send' && (
        <>
          <PathField
            path={[...base, 'channel']}
            label={t('fields.channel')}
            kind="select"
            options={MESSAGE_CHANNELS.map((c) => ({
              value: c,
              label: t(`channels.${c}`),
            }))}
            onWrite={(channel) => {
              // A new channel gets its own template fields, keeping the text written so far: one undo step.
              const body = str(getIn(step, ['template', 'body']));
              const template =
                channel === 'sms' || channel === 'whatsapp'
                  ? { body }
                  : channel === 'email'
                    ? { subject: '', html: body }
                    : { title: '', body };
              dispatch(setStepField(index, [], { ...step, channel, template }));
            }}
          />
          <TemplateFields index={index} problems={problems} />
          {ref('next', t('fields.next'), true)}
        </>
      )}
      {step.type === 'wait_for_event' && (
        <>
          <PathField path={[...base, 'event']} label={t('fields.event')} hint={t('hints.event')} />
          <PathField
            path={[...base, 'timeout']}
            label={t('fields.timeout')}
            hint={t('hints.duration')}
            kind="duration"
          />
          {ref('onEvent', t('fields.onEvent'))}
          {ref('onTimeout', t('fields.onTimeout'))}
        </>
      )}
      {step.type === 'wait_for_attribute' && (
        <>
          <PathField
            path={[...base, 'attribute']}
            label={t('fields.attribute')}
            hint={t('hints.attribute')}
          />
          <PathField
            path={[...base, 'timeout']}
            label={t('fields.timeout')}
            hint={t('hints.duration')}
            kind="duration"
          />
          {ref('onChange', t('fields.onChange'))}
          {ref('onTimeout', t('fields.onTimeout'))}
        </>
      )}
      {step.type === 'update_attributes' && (
        <>
          <UpdateAttributesFields index={index} problems={problems} />
          {ref('next', t('fields.next'), true)}
        </>
      )}
      {step.type === 'webhook' && (
        <>
          <WebhookFields index={index} problems={problems} />
          {ref('next', t('fields.next'), true)}
        </>
      )}
      {step.type === 'branch' && (
        <>
          <ConditionFields base={[...base, 'if']} problems={problems} label={t('fields.if')} />
          {ref('then', t('fields.then'))}
          {ref('else', t('fields.else'))}
        </>
      )}
      {step.type === 'split' && <SplitFields index={index} step={step} problems={problems} />}
      {!readOnly && (
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            dispatch(deleteStep(index));
            select(null);
          }}
        >
          {t('deleteStep')}
        </button>
      )}
    </>
  );
}

/** An update_attributes step: values to set, names to stamp with the time, amounts to add, names to remove. */
function UpdateAttributesFields({ index, problems }: { index: number; problems: PlacedProblem[] }) {
  const { t } = useTranslation('canvas');
  const base: Path = ['steps', index];
  return (
    <>
      <KeyValueFields
        path={[...base, 'set']}
        field="set"
        problems={problems}
        legend={t('fields.set')}
        kind="typed"
        keyLabel={t('fields.attributeName')}
        valueLabel={t('fields.value')}
        hint={t('hints.typedValue')}
      />
      <PathField
        path={[...base, 'setNow']}
        label={t('fields.setNow')}
        hint={t('hints.attributeList')}
        kind="list"
      />
      <KeyValueFields
        path={[...base, 'increment']}
        field="increment"
        problems={problems}
        legend={t('fields.increment')}
        kind="number"
        keyLabel={t('fields.attributeName')}
        valueLabel={t('fields.amount')}
        hint={t('hints.increment')}
      />
      <PathField
        path={[...base, 'unset']}
        label={t('fields.unset')}
        hint={t('hints.attributeList')}
        kind="list"
      />
    </>
  );
}

/** A webhook step: where to POST, how long an attempt may take, extra headers and the JSON body. */
function WebhookFields({ index, problems }: { index: number; problems: PlacedProblem[] }) {
  const { t } = useTranslation('canvas');
  const base: Path = ['steps', index];
  return (
    <>
      <PathField path={[...base, 'url']} label={t('fields.url')} hint={t('hints.url')} />
      <PathField
        path={[...base, 'timeout']}
        label={t('fields.webhookTimeout')}
        hint={t('hints.webhookTimeout')}
        kind="duration"
      />
      <KeyValueFields
        path={[...base, 'headers']}
        field="headers"
        problems={problems}
        legend={`${t('fields.headers')} ${t('optional')}`}
        keyLabel={t('fields.headerName')}
        valueLabel={t('fields.value')}
      />
      <JsonField path={[...base, 'body']} label={t('fields.body')} hint={t('hints.jsonBody')} />
    </>
  );
}

/**
 * A JSON value edited as text: written to the document when the field is left and the text parses; until
 * then the last valid value stays and the parse error shows on the field.
 */
function JsonField({ path, label, hint }: { path: Path; label: string; hint?: string }) {
  const { t } = useTranslation('canvas');
  const { get, set, seal, readOnly } = useBinding(path);
  const value = get([]);
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState(shown);
  // Undo or redo changed the value: show it, dropping a half-typed text.
  if (shown !== last) {
    setLast(shown);
    setText(shown);
    setError(null);
  }
  const place = placeOf(path);
  const checks = fieldProblems(useNodeProblems(place.node), place.field);
  const problems = error ? [{ message: t('invalidJson', { error }) }, ...checks] : checks;
  return (
    <Field label={label} hint={hint} problems={problems}>
      {(props) => (
        <textarea
          {...props}
          dir="ltr"
          rows={6}
          spellCheck={false}
          readOnly={readOnly}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => {
            try {
              const parsed: unknown = JSON.parse(text);
              setError(null);
              set([], parsed);
              seal();
            } catch (thrown) {
              setError(thrown instanceof Error ? thrown.message : String(thrown));
            }
          }}
        />
      )}
    </Field>
  );
}

function SplitFields({
  index,
  step,
  problems,
}: {
  index: number;
  step: DraftStep;
  problems: PlacedProblem[];
}) {
  const { t } = useTranslation('canvas');
  const base: Path = ['steps', index];
  const { set, readOnly } = useBinding(base);
  const variants = (Array.isArray(step.variants) ? step.variants : []) as {
    name?: string;
    weight?: number;
    next?: string;
  }[];
  return (
    <>
      <fieldset>
        <legend>{t('fields.variants')}</legend>
        {fieldProblems(problems, 'variants')
          .filter((p) => p.field === 'variants')
          .map((p, i) => (
            <p key={i} className="field__error" role="alert">
              {p.message}
            </p>
          ))}
        {variants.map((variant, i) => (
          <div key={i} className="variant">
            <PathField path={[...base, 'variants', i, 'name']} label={t('fields.variantName')} dir="auto" />
            <PathField
              path={[...base, 'variants', i, 'weight']}
              label={t('fields.weight')}
              kind="number"
              min={0}
            />
            <StepRefField path={[...base, 'variants', i, 'next']} label={t('fields.next')} self={step.id} />
            {!readOnly && variants.length > 1 && (
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  set(
                    ['variants'],
                    variants.filter((_, j) => j !== i),
                  )
                }
              >
                {t('removeVariant', { name: variant.name ?? '' })}
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              set(
                ['variants'],
                [
                  ...variants,
                  {
                    name: String.fromCharCode(65 + variants.length),
                    weight: 50,
                    next: variants[0]?.next ?? '',
                  },
                ],
              )
            }
          >
            {t('addVariant')}
          </button>
        )}
      </fieldset>
      <PathField
        path={[...base, 'holdout']}
        label={t('fields.holdout')}
        hint={t('hints.holdout')}
        kind="number"
        min={0}
        max={100}
      />
    </>
  );
}

/** The side panel: the form made for the selected node's type. */
export function NodePanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('canvas');
  const selected = useEditor((state) => state.selected);
  const steps = useEditor((state) => state.doc.steps);
  if (selected === null) return null;
  const index = selected === ENTRY_NODE ? -1 : Number(selected.replace('step-', ''));
  const step = index >= 0 ? steps[index] : undefined;
  if (index >= 0 && !step) return null;
  const title = step ? `${t(`types.${step.type}`)} · ${step.id}` : t('types.entry');
  return (
    <aside className="panel" aria-labelledby="panel-title">
      <div className="panel__head">
        <h2 id="panel-title" tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="button button--small" onClick={onClose} aria-label={t('closePanel')}>
          ✕
        </button>
      </div>
      <form className="panel__body" onSubmit={(e) => e.preventDefault()} noValidate>
        {step ? <StepForm key={index} index={index} /> : <EntryForm />}
      </form>
    </aside>
  );
}
