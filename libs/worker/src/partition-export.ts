import { monthOf, type TouchpointPartition, type TouchpointPartitionRepository } from '@touchpoint/core';
import { stringify } from 'csv-stringify/sync';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';

export interface PartitionExportOptions {
  /** Months before this one (`2026-01`) are exported, each table's month to `<out>/<partition>.csv`. */
  before: string;
  /** The current month and later are still written to: `before` may not be after this instant's month. */
  now: Date;
  out: string;
  /** Drop each month's table once detached (otherwise it stays, detached, until dropped by hand). */
  drop?: boolean;
  /** Rows read per statement. */
  pageSize?: number;
  /** A line of progress: each page on long months, each month when done. */
  progress?: (line: string) => void;
}

export interface ExportedPartition {
  partition: string;
  file: string;
  rows: number;
  dropped: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A cell as the archive keeps it: instants in ISO 8601 (UTC), JSON as JSON, null as an empty cell. */
function cell(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Writes one partition's rows to `file` (through `file.partial`, renamed once complete); returns the count. */
async function exportPartition(
  repo: TouchpointPartitionRepository,
  partition: TouchpointPartition,
  file: string,
  options: PartitionExportOptions,
): Promise<number> {
  const partial = `${file}.partial`;
  const columns = await repo.columnsOf(partition.table);
  const stream = createWriteStream(partial);
  stream.write(stringify([], { header: true, columns }));
  let rows = 0;
  let after: string | number | null = null;
  const size = options.pageSize ?? 5_000;
  for (;;) {
    const page = await repo.page(partition, after, size);
    if (page.length === 0) break;
    const text = stringify(page.map((row) => columns.map((column) => cell(row[column]))));
    if (!stream.write(text)) await once(stream, 'drain');
    rows += page.length;
    after = page[page.length - 1].id as string | number;
    if (page.length === size) options.progress?.(`  ${partition.name}: ${rows} rows`);
  }
  stream.end();
  await once(stream, 'finish');
  await rename(partial, file);
  return rows;
}

/**
 * Exports the log's months before `before` to CSV files, then detaches each month (and drops it with
 * `drop`): a month leaves only after its file is complete. The rollups are separate tables and a detach
 * fires no trigger, so reports keep counting what was exported. The default partition is never exported.
 */
export async function exportPartitions(
  repo: TouchpointPartitionRepository,
  options: PartitionExportOptions,
): Promise<ExportedPartition[]> {
  if (!MONTH.test(options.before)) {
    throw new Error(`--before must be a month like 2026-01, not ${options.before}`);
  }
  if (options.before > monthOf(options.now)) {
    throw new Error(
      `--before ${options.before} would take ${monthOf(options.now)} or later, still being written: months before this one only`,
    );
  }
  const old = (await repo.list()).filter((p) => p.month !== null && p.month < options.before);
  await mkdir(options.out, { recursive: true });
  const done: ExportedPartition[] = [];
  for (const partition of old) {
    const file = path.join(options.out, `${partition.name}.csv`);
    const rows = await exportPartition(repo, partition, file, options);
    await repo.detach(partition);
    if (options.drop) await repo.drop(partition);
    options.progress?.(
      `${partition.name}: ${rows} rows to ${file}, detached${options.drop ? ' and dropped' : ''}`,
    );
    done.push({ partition: partition.name, file, rows, dropped: options.drop ?? false });
  }
  return done;
}
