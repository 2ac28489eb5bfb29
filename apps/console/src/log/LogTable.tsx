import { useTable, type ColumnVisibilityState, type OnChangeFn } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { columns, features } from './columns';
import type { TouchpointRow } from './log-filters';
import { ColumnChooser } from './ColumnChooser';

const ROW_HEIGHT = 41;
/** Ask for the next page this many rows before the end, so it is there when the viewer gets there. */
const PREFETCH_ROWS = 20;

interface LogTableProps {
  rows: TouchpointRow[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
  visibility: ColumnVisibilityState;
  onVisibilityChange: OnChangeFn<ColumnVisibilityState>;
}

/**
 * The log as a table that renders only the rows in view: spacer rows above and below stand for the rest,
 * so the table keeps its native semantics (and column widths) at any length.
 */
export function LogTable({
  rows,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  visibility,
  onVisibilityChange,
}: LogTableProps) {
  const { t } = useTranslation('log');
  const format = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: onVisibilityChange,
  });
  const model = table.getRowModel().rows;
  // The virtualizer's answers are read during this render only, never handed to a memoized child.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => model[index].id,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= model.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, model.length, onLoadMore]);

  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const span = table.getVisibleLeafColumns().length;
  return (
    <>
      <div className="log-table__bar">
        <p className="muted" aria-live="polite">
          {t(hasMore ? 'rowsMore' : 'rows', { count: rows.length, n: format.number(rows.length) })}
        </p>
        <ColumnChooser table={table} />
      </div>
      <div ref={scroller} className="table-wrap log-table" tabIndex={-1}>
        <table className="table" aria-rowcount={hasMore ? -1 : rows.length + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className={`log-table__col--${header.column.id}`}>
                    <table.FlexRender header={header} />
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {before > 0 && (
              <tr aria-hidden="true" className="log-table__spacer">
                <td colSpan={span} style={{ blockSize: before }} />
              </tr>
            )}
            {items.map((item) => {
              const row = model[item.index];
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  className="log-table__row"
                  onClick={() => onOpen(row.id)}
                >
                  {row.getVisibleCells().map((cell, i) => (
                    <td key={cell.id}>
                      {i === 0 ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={(event) => {
                            event.stopPropagation();
                            onOpen(row.id);
                          }}
                        >
                          <span className="visually-hidden">{t('open')} </span>
                          <table.FlexRender cell={cell} />
                        </button>
                      ) : (
                        <table.FlexRender cell={cell} />
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
            {after > 0 && (
              <tr aria-hidden="true" className="log-table__spacer">
                <td colSpan={span} style={{ blockSize: after }} />
              </tr>
            )}
          </tbody>
        </table>
        <p className="muted log-table__end">
          {loadingMore ? t('loadingMore') : hasMore ? '' : rows.length > 0 ? t('end') : t('empty')}
        </p>
      </div>
    </>
  );
}
