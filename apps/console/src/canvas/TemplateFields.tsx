import { isRtlLocale } from '@touchpoint/journeys';
import { Tabs } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, type ChannelName } from '../api/channels';
import { getIn } from './document';
import { KeyValueFields } from './KeyValueFields';
import { Field } from './fields';
import { useEditor } from './store';
import { setStepField } from './commands';
import { fieldProblems, type PlacedProblem } from './validation';
import { LiquidInput } from '../templates/LiquidInput';
import { TemplatePreview } from '../templates/TemplatePreview';
import { useAbilities } from '../auth/session';

const FIELDS: Record<ChannelName, { name: string; multiline: boolean; optional?: boolean }[]> = {
  sms: [{ name: 'body', multiline: true }],
  email: [
    { name: 'subject', multiline: false },
    { name: 'html', multiline: true },
    { name: 'text', multiline: true, optional: true },
  ],
  push: [
    { name: 'title', multiline: false },
    { name: 'body', multiline: true },
    { name: 'url', multiline: false, optional: true },
  ],
  whatsapp: [
    { name: 'body', multiline: true },
    { name: 'contentSid', multiline: false, optional: true },
  ],
};

const isChannel = (value: unknown): value is ChannelName =>
  (MESSAGE_CHANNELS as readonly unknown[]).includes(value);

/** A send step's template: the default fields and a tab per locale (right to left for fa, he, ar). */
export function TemplateFields({ index, problems }: { index: number; problems: PlacedProblem[] }) {
  const { t } = useTranslation('canvas');
  const step = useEditor((state) => state.doc.steps[index]);
  const dispatch = useEditor((state) => state.dispatch);
  const seal = useEditor((state) => state.seal);
  const readOnly = useEditor((state) => state.readOnly);
  const { edit } = useAbilities();
  const [tab, setTab] = useState('default');
  const [newLocale, setNewLocale] = useState('');
  const channel = isChannel(step?.channel) ? step.channel : 'sms';
  const template = (step?.template ?? {}) as Record<string, unknown>;
  const locales = Object.keys((template.locales as object | undefined) ?? {});
  const set = (path: (string | number)[], value: unknown) =>
    dispatch(setStepField(index, ['template', ...path], value));
  const fields = (prefix: string[], locale: string | null) => [
    ...FIELDS[channel].map(({ name, multiline, optional }) => {
      const path = [...prefix, name];
      const value = getIn(template, path);
      const dir = locale === null ? 'auto' : isRtlLocale(locale) ? 'rtl' : 'ltr';
      const label = `${t(`templateFields.${name}`)}${optional ? ` ${t('optional')}` : ''}`;
      return (
        <Field key={name} label={label} problems={fieldProblems(problems, ['template', ...path].join('.'))}>
          {(props) => (
            <LiquidInput
              {...props}
              multiline={multiline}
              rows={name === 'html' ? 6 : 4}
              dir={dir}
              lang={locale ?? undefined}
              readOnly={readOnly}
              value={typeof value === 'string' ? value : ''}
              onChange={(text) => set(path, text === '' && optional ? undefined : text)}
              onBlur={seal}
            />
          )}
        </Field>
      );
    }),
    // A WhatsApp content template's placeholders: an object of Liquid strings, edited as rows.
    channel === 'whatsapp' && (
      <KeyValueFields
        key="contentVariables"
        path={['steps', index, 'template', ...prefix, 'contentVariables']}
        field={['template', ...prefix, 'contentVariables'].join('.')}
        problems={problems}
        legend={`${t('templateFields.contentVariables')} ${t('optional')}`}
        keyLabel={t('fields.placeholder')}
        valueLabel={t('fields.value')}
        hint={t('hints.contentVariables')}
      />
    ),
  ];
  const current = tab === 'default' || locales.includes(tab) ? tab : 'default';
  return (
    <section className="template" aria-label={t('template')}>
      <Tabs.Root value={current} onValueChange={setTab}>
        <Tabs.List className="tabs" aria-label={t('locales')}>
          <Tabs.Trigger value="default" className="tabs__tab">
            {t('defaultLocale')}
          </Tabs.Trigger>
          {locales.map((locale) => (
            <Tabs.Trigger key={locale} value={locale} className="tabs__tab" lang={locale}>
              {locale}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="default" className="tabs__panel">
          {fields([], null)}
        </Tabs.Content>
        {locales.map((locale) => (
          <Tabs.Content key={locale} value={locale} className="tabs__panel">
            {fields(['locales', locale], locale)}
            {!readOnly && (
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => {
                  set(['locales', locale], undefined);
                  if (locales.length === 1) set(['locales'], undefined);
                  setTab('default');
                }}
              >
                {t('removeLocale', { locale })}
              </button>
            )}
          </Tabs.Content>
        ))}
      </Tabs.Root>
      {!readOnly && (
        <div className="field-row">
          <Field label={t('addLocale')} hint={t('hints.locale')}>
            {(props) => (
              <input
                {...props}
                dir="ltr"
                value={newLocale}
                onChange={(e) => setNewLocale(e.target.value.trim())}
              />
            )}
          </Field>
          <button
            type="button"
            className="button"
            disabled={!newLocale || locales.includes(newLocale)}
            onClick={() => {
              const empty = Object.fromEntries(
                FIELDS[channel].filter((f) => !f.optional).map((f) => [f.name, '']),
              );
              set(['locales', newLocale], empty);
              setTab(newLocale);
              setNewLocale('');
            }}
          >
            {t('add')}
          </button>
        </div>
      )}
      {/* Rendering is for those who write templates: an analyst reads the template itself. */}
      {edit && (
        <TemplatePreview
          channel={channel}
          template={template}
          locale={current === 'default' ? null : current}
        />
      )}
    </section>
  );
}
