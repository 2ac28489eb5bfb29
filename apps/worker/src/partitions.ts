import {
  loadConfig,
  migrateToLatest,
  openDatabase,
  SystemClock,
  TouchpointPartitionRepository,
} from '@touchpoint/core';
import { exportPartitions } from '@touchpoint/worker';
import { parseArgs } from 'node:util';

const USAGE = `npm run partitions -- list
npm run partitions -- ahead
npm run partitions -- export --before 2026-01 --out ./archive [--drop]

  list     the touchpoint log's monthly partitions, with estimated rows
  ahead    add this month's and the next three months' partitions now (the worker does it hourly)
  export   write each month before --before to <out>/<partition>.csv, then detach it (--drop: and drop it)

Runs against DATABASE_URL; without it, against the embedded database in DATA_DIR, which allows one
process: stop \`npm start\` first.`;

/** `npm run partitions`: the touchpoint log's months, listed, added ahead, or exported and detached. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      before: { type: 'string' },
      out: { type: 'string' },
      drop: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !['list', 'ahead', 'export'].includes(command)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'export' && (!values.before || !values.out)) {
    console.error('export needs --before YYYY-MM and --out DIR\n');
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrateToLatest(handle.db);
    const repo = new TouchpointPartitionRepository(handle.db);
    if (command === 'list') {
      for (const p of await repo.list()) {
        console.log(`${p.name.padEnd(34)} ${(p.month ?? 'default').padEnd(8)} ~${p.estimatedRows} rows`);
      }
    } else if (command === 'ahead') {
      const added = await repo.addMonthsAhead(new SystemClock().now());
      console.log(added.length > 0 ? `added ${added.join(', ')}` : 'every month ahead is there');
    } else {
      const done = await exportPartitions(repo, {
        before: values.before as string,
        now: new SystemClock().now(),
        out: values.out as string,
        drop: values.drop,
        progress: (line) => console.log(line),
      });
      console.log(`${done.length} partitions exported before ${values.before}`);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
