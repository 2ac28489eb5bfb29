import { Injectable } from '@nestjs/common';
import {
  Clock,
  TouchpointLogRepository,
  type LoggedTouchpoint,
  type Role,
  type TouchpointCursor,
  type TouchpointFilter,
} from '@touchpoint/core';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TouchpointExportQuery } from './touchpoint-query.schema';
import { touchpointView, type TouchpointView } from './touchpoint.view';

/** Rows per keyset batch: a few thousand keeps memory flat and round trips few, on PostgreSQL and PGlite alike. */
export const EXPORT_BATCH = 2_000;

const CSV_COLUMNS: (keyof TouchpointView)[] = [
  'id',
  'createdAt',
  'customerId',
  'journeyId',
  'journeyVersion',
  'stepId',
  'stage',
  'channel',
  'status',
  'to',
  'text',
  'provider',
  'providerMessageId',
  'scheduledFor',
  'sentAt',
  'deliveredAt',
  'error',
  'errorMessage',
  'score',
  'comment',
  'surveyOf',
];

const CSV_OPTIONS = {
  columns: CSV_COLUMNS.map((key) => ({ key })),
  // RFC 4180 line ends; a field holding any CR or LF is quoted, not only one holding CRLF.
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
  cast: { date: (d: Date) => d.toISOString() },
} as const;

/** The export: every matching row of the log, newest first, streamed in keyset batches with backpressure. */
@Injectable()
export class TouchpointExportService {
  constructor(
    private readonly touchpoints: TouchpointLogRepository,
    private readonly clock: Clock,
  ) {}

  /** One keyset batch at a time, fetched only when the previous one has been written out. */
  async *batches(
    filter: TouchpointFilter,
    events: boolean,
    size = EXPORT_BATCH,
  ): AsyncGenerator<LoggedTouchpoint[]> {
    let cursor: TouchpointCursor | undefined;
    for (;;) {
      const page = await this.touchpoints.list(filter, size, cursor, { events });
      if (page.length > 0) yield page;
      const last = page.at(-1);
      if (page.length < size || !last) return;
      cursor = { createdAt: last.cursor_at, id: last.id };
    }
  }

  /** The encoded file, one chunk per batch (a write per row would cost a syscall per row). */
  async *chunks(query: TouchpointExportQuery, role: Role): AsyncGenerator<string> {
    const { format, bom, ...filter } = query;
    let first = true;
    for await (const batch of this.batches(filter, format === 'ndjson')) {
      const views = batch.map((row) => touchpointView(row, role));
      yield format === 'csv'
        ? stringify(views, { ...CSV_OPTIONS, header: first, bom: first && bom })
        : views.map((view) => `${JSON.stringify(view)}\n`).join('');
      first = false;
    }
    if (first && format === 'csv') yield stringify([], { ...CSV_OPTIONS, header: true, bom });
  }

  async write(res: Response, query: TouchpointExportQuery, role: Role): Promise<void> {
    const stamp = this.clock
      .now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    res.status(200);
    res.setHeader(
      'Content-Type',
      query.format === 'csv'
        ? 'text/csv; charset=utf-8; header=present'
        : 'application/x-ndjson; charset=utf-8',
    );
    res.setHeader('Content-Disposition', `attachment; filename="touchpoints-${stamp}.${query.format}"`);
    res.setHeader('Cache-Control', 'no-store');
    // A failure mid-stream cannot become a problem+json any more: pipeline destroys the response, so the
    // client sees a truncated transfer instead of a file that looks complete.
    await pipeline(Readable.from(this.chunks(query, role)), res);
  }
}
