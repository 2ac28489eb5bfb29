import { Popover } from 'radix-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportHref, type ExportFormat, type LogFilters } from './log-filters';

/**
 * Exports the rows under the current filters. The link is a plain download: the browser streams the
 * API's answer to disk with the session cookie, so no row of a large export ever sits in this tab.
 */
export function ExportMenu({ filters }: { filters: LogFilters }) {
  const { t } = useTranslation('log');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [bom, setBom] = useState(false);
  const titleId = useId();
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="button">
          {t('export.button')}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover card export-menu"
          align="end"
          sideOffset={4}
          aria-labelledby={titleId}
        >
          <h2 id={titleId}>{t('export.title')}</h2>
          <p className="muted">{t('export.intro')}</p>
          <fieldset>
            <legend>{t('export.format')}</legend>
            {(['csv', 'ndjson'] as const).map((value) => (
              <label key={value} className="checkbox">
                <input
                  type="radio"
                  name="export-format"
                  value={value}
                  checked={format === value}
                  onChange={() => setFormat(value)}
                />
                {t(`export.${value}`)}
              </label>
            ))}
          </fieldset>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={bom}
              disabled={format !== 'csv'}
              onChange={(event) => setBom(event.target.checked)}
            />
            {t('export.bom')}
          </label>
          <a className="button button--primary" href={exportHref(filters, format, bom)} download>
            {t('export.download')}
          </a>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
