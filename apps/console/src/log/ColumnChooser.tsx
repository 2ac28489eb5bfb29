import type { Table } from '@tanstack/react-table';
import { Popover } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { features } from './columns';
import type { TouchpointRow } from './log-filters';

/** Which columns the table shows: a checkbox each, those that cannot be hidden left out. */
export function ColumnChooser({ table }: { table: Table<typeof features, TouchpointRow> }) {
  const { t } = useTranslation('log');
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="button button--small">
          {t('chooseColumns')}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover card" align="end" sideOffset={4}>
          <fieldset>
            <legend>{t('chooseColumns')}</legend>
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide())
              .map((column) => (
                <label key={column.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={column.getIsVisible()}
                    onChange={column.getToggleVisibilityHandler()}
                  />
                  {t(`columns.${column.id}`)}
                </label>
              ))}
          </fieldset>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
