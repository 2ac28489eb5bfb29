import { CONDITION_OPERATORS, REENTRY_POLICIES, STAGES, WEEKDAYS } from '@touchpoint/journeys';
import { useTranslation } from 'react-i18next';
import { deleteStep, renameStep, setField, setStepField } from './commands';
import { getIn, type DraftStep, type Path } from './document';
import { DurationInput, Field } from './fields';
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

function StepRefSelect({
  value,
  onChange,
  steps,
  self,
  ...props
}: {
  value: unknown;
  onChange: (value: string | undefined) => void;
  steps: DraftStep[];
  self: string;
  id?: string;
  'aria-invalid'?: boolean;
  allowNone?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation('canvas');
  const { allowNone, ...rest } = props;
  return (
    <select {...rest} value={str(value)} onChange={(event) => onChange(event.target.value || undefined)}>
      <option value="">{allowNone ? t('nextInOrder') : t('chooseStep')}</option>
      {steps
        .filter((step) => step.id !== self)
        .map((step) => (
          <option key={step.id} value={step.id}>
            {step.id} · {t(`types.${step.type}`)}
          </option>
        ))}
    </select>
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
      <Field label={t('fields.path')} problems={mine('path')} hint={t('hints.path')}>
        {(props) => (
          <input
            {...props}
            dir="ltr"
            readOnly={readOnly}
            value={str(get(['path']))}
            onChange={(event) => set(['path'], event.target.value)}
            onBlur={seal}
          />
        )}
      </Field>
      <Field label={t('fields.op')} problems={mine('op')}>
        {(props) => (
          <select
            {...props}
            disabled={readOnly}
            value={op}
            onChange={(event) => set(['op'], event.target.value)}
          >
            {CONDITION_OPERATORS.map((o) => (
              <option key={o} value={o}>
                {t(`ops.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
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
  const { get, set, seal, readOnly } = useBinding([]);
  const quiet = get(['quietHours']) as { start?: string; end?: string } | undefined;
  const goal = get(['goal']) as { event?: string; within?: string } | undefined;
  const where = get(['trigger', 'where']);
  return (
    <>
      <Field label={t('fields.name')} problems={fieldProblems(problems, 'name')}>
        {(props) => (
          <input
            {...props}
            dir="auto"
            readOnly={readOnly}
            value={str(get(['name']))}
            onChange={(e) => set(['name'], e.target.value)}
            onBlur={seal}
          />
        )}
      </Field>
      <Field label={t('fields.description')} problems={fieldProblems(problems, 'description')}>
        {(props) => (
          <textarea
            {...props}
            dir="auto"
            rows={2}
            readOnly={readOnly}
            value={str(get(['description']))}
            onChange={(e) => set(['description'], e.target.value || undefined)}
            onBlur={seal}
          />
        )}
      </Field>
      <Field label={t('fields.stage')} problems={fieldProblems(problems, 'stage')}>
        {(props) => (
          <select
            {...props}
            disabled={readOnly}
            value={str(get(['stage']))}
            onChange={(e) => set(['stage'], e.target.value)}
          >
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`journeys:stages.${stage}`, { defaultValue: stage })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('fields.triggerEvent')}
        problems={fieldProblems(problems, 'trigger.event')}
        hint={t('hints.event')}
      >
        {(props) => (
          <input
            {...props}
            dir="ltr"
            readOnly={readOnly}
            value={str(get(['trigger', 'event']))}
            onChange={(e) => set(['trigger', 'event'], e.target.value)}
            onBlur={seal}
          />
        )}
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          disabled={readOnly}
          checked={where !== undefined}
          onChange={(e) =>
            set(
              ['trigger', 'where'],
              e.target.checked ? { path: 'event.properties.', op: 'eq', value: '' } : undefined,
            )
          }
        />
        {t('fields.filter')}
      </label>
      {where !== undefined && (
        <ConditionFields base={['trigger', 'where']} problems={problems} label={t('fields.filter')} />
      )}
      <Field label={t('fields.reentry')} problems={fieldProblems(problems, 'reentry')}>
        {(props) => (
          <select
            {...props}
            disabled={readOnly}
            value={str(get(['reentry'])) || 'never'}
            onChange={(e) => set(['reentry'], e.target.value === 'never' ? undefined : e.target.value)}
          >
            {REENTRY_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {t(`reentry.${policy}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {str(get(['reentry'])) && str(get(['reentry'])) !== 'never' && (
        <Field label={t('fields.reentryGap')} problems={fieldProblems(problems, 'reentryGap')}>
          {(props) => (
            <DurationInput
              {...props}
              value={get(['reentryGap'])}
              onChange={(v) => set(['reentryGap'], v)}
              onBlur={seal}
            />
          )}
        </Field>
      )}
      <Field label={t('fields.entryLimit')} problems={fieldProblems(problems, 'entryLimit')}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            readOnly={readOnly}
            value={typeof get(['entryLimit']) === 'number' ? String(get(['entryLimit'])) : ''}
            onChange={(e) => set(['entryLimit'], e.target.value === '' ? undefined : Number(e.target.value))}
            onBlur={seal}
          />
        )}
      </Field>
      <Field
        label={t('fields.exitOn')}
        problems={fieldProblems(problems, 'exitOn')}
        hint={t('hints.commaList')}
      >
        {(props) => (
          <input
            {...props}
            dir="ltr"
            readOnly={readOnly}
            value={Array.isArray(get(['exitOn'])) ? (get(['exitOn']) as string[]).join(', ') : ''}
            onChange={(e) => {
              const events = e.target.value.split(',').map((part) => part.trim());
              set(['exitOn'], e.target.value.trim() === '' ? undefined : events);
            }}
            onBlur={seal}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('fields.goal')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            disabled={readOnly}
            checked={goal !== undefined}
            onChange={(e) => set(['goal'], e.target.checked ? { event: '', within: 'P7D' } : undefined)}
          />
          {t('fields.hasGoal')}
        </label>
        {goal && (
          <>
            <Field label={t('fields.goalEvent')} problems={fieldProblems(problems, 'goal.event')}>
              {(props) => (
                <input
                  {...props}
                  dir="ltr"
                  readOnly={readOnly}
                  value={str(goal.event)}
                  onChange={(e) => set(['goal', 'event'], e.target.value)}
                  onBlur={seal}
                />
              )}
            </Field>
            <Field label={t('fields.goalWithin')} problems={fieldProblems(problems, 'goal.within')}>
              {(props) => (
                <DurationInput
                  {...props}
                  value={goal.within}
                  onChange={(v) => set(['goal', 'within'], v)}
                  onBlur={seal}
                />
              )}
            </Field>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('fields.quietHours')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            disabled={readOnly}
            checked={quiet !== undefined}
            onChange={(e) =>
              set(['quietHours'], e.target.checked ? { start: '21:00', end: '09:00' } : undefined)
            }
          />
          {t('fields.hasQuietHours')}
        </label>
        {quiet && (
          <div className="field-row">
            <Field label={t('fields.quietStart')} problems={fieldProblems(problems, 'quietHours.start')}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  readOnly={readOnly}
                  value={str(quiet.start)}
                  onChange={(e) => set(['quietHours', 'start'], e.target.value)}
                />
              )}
            </Field>
            <Field label={t('fields.quietEnd')} problems={fieldProblems(problems, 'quietHours.end')}>
              {(props) => (
                <input
                  {...props}
                  type="time"
                  readOnly={readOnly}
                  value={str(quiet.end)}
                  onChange={(e) => set(['quietHours', 'end'], e.target.value)}
                />
              )}
            </Field>
          </div>
        )}
        <span className="field__hint">{t('hints.customerZone')}</span>
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          disabled={readOnly}
          checked={get(['transactional']) === true}
          onChange={(e) => set(['transactional'], e.target.checked ? true : undefined)}
        />
        {t('fields.transactional')}
      </label>
    </>
  );
}

function WaitFields({ index, problems }: { index: number; problems: PlacedProblem[] }) {
  const { t } = useTranslation('canvas');
  const { get, set, seal, readOnly } = useBinding(['steps', index]);
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
        <Field
          label={t('fields.duration')}
          problems={fieldProblems(problems, 'duration')}
          hint={t('hints.duration')}
        >
          {(props) => (
            <DurationInput
              {...props}
              value={get(['duration'])}
              onChange={(v) => set(['duration'], v)}
              onBlur={seal}
            />
          )}
        </Field>
      )}
      {mode === 'time' && (
        <>
          <Field
            label={t('fields.untilTime')}
            problems={fieldProblems(problems, 'until.time')}
            hint={t('hints.customerZone')}
          >
            {(props) => (
              <input
                {...props}
                type="time"
                readOnly={readOnly}
                value={str(until?.time)}
                onChange={(e) => set(['until', 'time'], e.target.value)}
              />
            )}
          </Field>
          <fieldset>
            <legend>{t('fields.days')}</legend>
            <div className="weekdays">
              {WEEKDAYS.map((day) => (
                <label key={day} className="checkbox">
                  <input
                    type="checkbox"
                    disabled={readOnly}
                    checked={days.includes(day)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...days, day] : days.filter((d) => d !== day);
                      set(
                        ['until', 'days'],
                        next.length ? WEEKDAYS.filter((d) => next.includes(d)) : undefined,
                      );
                    }}
                  />
                  {t(`weekdays.${day}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      {mode === 'date' && (
        <>
          <Field
            label={t('fields.untilDate')}
            problems={fieldProblems(problems, 'until.date')}
            hint={t('hints.datePath')}
          >
            {(props) => (
              <input
                {...props}
                dir="ltr"
                readOnly={readOnly}
                value={str(until?.date)}
                onChange={(e) => set(['until', 'date'], e.target.value)}
                onBlur={seal}
              />
            )}
          </Field>
          <Field
            label={t('fields.offset')}
            problems={fieldProblems(problems, 'until.offset')}
            hint={t('hints.offset')}
          >
            {(props) => (
              <DurationInput
                {...props}
                allowNegative
                value={until?.offset}
                onChange={(v) => set(['until', 'offset'], v)}
                onBlur={seal}
              />
            )}
          </Field>
          <Field label={t('fields.atTime')} problems={fieldProblems(problems, 'until.time')}>
            {(props) => (
              <input
                {...props}
                type="time"
                readOnly={readOnly}
                value={str(until?.time)}
                onChange={(e) => set(['until', 'time'], e.target.value || undefined)}
              />
            )}
          </Field>
        </>
      )}
    </>
  );
}

function NextField({
  index,
  step,
  steps,
  problems,
}: {
  index: number;
  step: DraftStep;
  steps: DraftStep[];
  problems: PlacedProblem[];
}) {
  const { t } = useTranslation('canvas');
  const { set, readOnly } = useBinding(['steps', index]);
  return (
    <Field label={t('fields.next')} problems={fieldProblems(problems, 'next')}>
      {(props) => (
        <StepRefSelect
          {...props}
          allowNone
          disabled={readOnly}
          value={step.next}
          steps={steps}
          self={step.id}
          onChange={(v) => set(['next'], v)}
        />
      )}
    </Field>
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
  const { get, set } = useBinding(['steps', index]);
  const step = steps[index];
  if (!step) return null;
  const ref = (field: string, label: string) => (
    <Field label={label} problems={fieldProblems(problems, field)}>
      {(props) => (
        <StepRefSelect
          {...props}
          value={get([field])}
          steps={steps}
          self={step.id}
          onChange={(v) => set([field], v ?? '')}
        />
      )}
    </Field>
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
          <WaitFields index={index} problems={problems} />
          <NextField index={index} step={step} steps={steps} problems={problems} />
        </>
      )}
      {step.type === 'send' && (
        <>
          <Field label={t('fields.channel')} problems={fieldProblems(problems, 'channel')}>
            {(props) => (
              <select
                {...props}
                disabled={readOnly}
                value={str(step.channel)}
                onChange={(e) => {
                  const channel = e.target.value;
                  const body = str(getIn(step, ['template', 'body']));
                  const template =
                    channel === 'sms'
                      ? { body }
                      : channel === 'email'
                        ? { subject: '', html: body }
                        : { title: '', body };
                  dispatch(setStepField(index, [], { ...step, channel, template }));
                }}
              >
                {(['sms', 'email', 'push'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`channels.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TemplateFields index={index} problems={problems} />
          <NextField index={index} step={step} steps={steps} problems={problems} />
        </>
      )}
      {step.type === 'wait_for_event' && (
        <>
          <Field
            label={t('fields.event')}
            problems={fieldProblems(problems, 'event')}
            hint={t('hints.event')}
          >
            {(props) => (
              <input
                {...props}
                dir="ltr"
                readOnly={readOnly}
                value={str(step.event)}
                onChange={(e) => set(['event'], e.target.value)}
                onBlur={seal}
              />
            )}
          </Field>
          <Field
            label={t('fields.timeout')}
            problems={fieldProblems(problems, 'timeout')}
            hint={t('hints.duration')}
          >
            {(props) => (
              <DurationInput
                {...props}
                value={step.timeout}
                onChange={(v) => set(['timeout'], v)}
                onBlur={seal}
              />
            )}
          </Field>
          {ref('onEvent', t('fields.onEvent'))}
          {ref('onTimeout', t('fields.onTimeout'))}
        </>
      )}
      {step.type === 'branch' && (
        <>
          <ConditionFields base={['steps', index, 'if']} problems={problems} label={t('fields.if')} />
          {ref('then', t('fields.then'))}
          {ref('else', t('fields.else'))}
        </>
      )}
      {step.type === 'split' && <SplitFields index={index} step={step} steps={steps} problems={problems} />}
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

function SplitFields({
  index,
  step,
  steps,
  problems,
}: {
  index: number;
  step: DraftStep;
  steps: DraftStep[];
  problems: PlacedProblem[];
}) {
  const { t } = useTranslation('canvas');
  const { set, seal, readOnly } = useBinding(['steps', index]);
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
            <Field label={t('fields.variantName')} problems={fieldProblems(problems, `variants.${i}.name`)}>
              {(props) => (
                <input
                  {...props}
                  dir="auto"
                  readOnly={readOnly}
                  value={str(variant.name)}
                  onChange={(e) => set(['variants', i, 'name'], e.target.value)}
                  onBlur={seal}
                />
              )}
            </Field>
            <Field label={t('fields.weight')} problems={fieldProblems(problems, `variants.${i}.weight`)}>
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={0}
                  readOnly={readOnly}
                  value={typeof variant.weight === 'number' ? String(variant.weight) : ''}
                  onChange={(e) =>
                    set(['variants', i, 'weight'], e.target.value === '' ? undefined : Number(e.target.value))
                  }
                  onBlur={seal}
                />
              )}
            </Field>
            <Field label={t('fields.next')} problems={fieldProblems(problems, `variants.${i}.next`)}>
              {(props) => (
                <StepRefSelect
                  {...props}
                  value={variant.next}
                  steps={steps}
                  self={step.id}
                  onChange={(v) => set(['variants', i, 'next'], v ?? '')}
                />
              )}
            </Field>
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
      <Field
        label={t('fields.holdout')}
        problems={fieldProblems(problems, 'holdout')}
        hint={t('hints.holdout')}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            min={0}
            max={100}
            readOnly={readOnly}
            value={typeof step.holdout === 'number' ? String(step.holdout) : ''}
            onChange={(e) => set(['holdout'], e.target.value === '' ? undefined : Number(e.target.value))}
            onBlur={seal}
          />
        )}
      </Field>
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
