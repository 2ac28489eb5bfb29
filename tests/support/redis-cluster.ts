import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './touchpoint-harness';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** A master of the cluster and the slots it serves. */
export interface ClusterMaster {
  port: number;
  slots: [number, number][];
}

/**
 * A real Redis Cluster of three masters on loopback (no replicas), each a `redis-server` of its own in a
 * temporary directory: what a managed cluster does to keys (slots, MOVED, CROSSSLOT) happens here too.
 */
export class RedisCluster {
  private constructor(
    readonly ports: number[],
    private readonly dir: string,
  ) {}

  /** `REDIS_CLUSTER_NODES` for Touchpoint's config. */
  get nodes(): string {
    return this.ports.map((port) => `127.0.0.1:${port}`).join(',');
  }

  static async start(masters = 3): Promise<RedisCluster> {
    const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-redis-cluster-'));
    const ports: number[] = [];
    const cluster = new RedisCluster(ports, dir);
    try {
      for (let i = 0; i < masters; i++) {
        const port = await freePort();
        await startNode(port, dir);
        ports.push(port);
      }
      await run('redis-cli', [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ]);
      await cluster.waitUntilOk();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** Each master and its slot ranges, as the cluster reports them. */
  async masters(): Promise<ClusterMaster[]> {
    const client = this.node(this.ports[0]);
    try {
      const shards = (await client.call('CLUSTER', 'SLOTS')) as [number, number, [string, number]][];
      const byPort = new Map<number, [number, number][]>();
      for (const [from, to, [, port]] of shards) {
        byPort.set(port, [...(byPort.get(port) ?? []), [from, to]]);
      }
      return [...byPort].map(([port, slots]) => ({ port, slots }));
    } finally {
      client.disconnect();
    }
  }

  /** The port of the master serving `key`'s slot. */
  async masterOf(key: string): Promise<number> {
    const client = this.node(this.ports[0]);
    try {
      const slot = Number(await client.call('CLUSTER', 'KEYSLOT', key));
      const master = (await this.masters()).find((m) => m.slots.some(([a, b]) => slot >= a && slot <= b));
      if (!master) throw new Error(`no master serves slot ${slot}`);
      return master.port;
    } finally {
      client.disconnect();
    }
  }

  /** The keys a master holds that match `pattern` (KEYS on that node alone). */
  async keysOn(port: number, pattern: string): Promise<string[]> {
    const client = this.node(port);
    try {
      return await client.keys(pattern);
    } finally {
      client.disconnect();
    }
  }

  /** Stops every node (SHUTDOWN NOSAVE) and removes their directory. */
  async stop(): Promise<void> {
    await Promise.all(
      this.ports.map(async (port) => {
        const client = this.node(port);
        await client.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
        client.disconnect();
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }

  private node(port: number): Redis {
    return nodeClient(port);
  }

  private async waitUntilOk(): Promise<void> {
    for (const port of this.ports) {
      const client = this.node(port);
      try {
        await waitFor(`cluster_state:ok on 127.0.0.1:${port}`, async () =>
          ((await client.call('CLUSTER', 'INFO')) as string).includes('cluster_state:ok'),
        );
      } finally {
        client.disconnect();
      }
    }
  }
}

async function startNode(port: number, dir: string): Promise<void> {
  await run('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    path.join(dir, `nodes-${port}.conf`),
    '--dir',
    dir,
    '--dbfilename',
    `dump-${port}.rdb`,
    '--logfile',
    path.join(dir, `redis-${port}.log`),
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
  ]);
  const client = nodeClient(port);
  try {
    await waitFor(`redis-server on 127.0.0.1:${port}`, async () => (await client.ping()) === 'PONG');
  } finally {
    client.disconnect();
  }
}

/** A connection to one node, quiet while it is not up yet or after it stopped (callers see the errors). */
function nodeClient(port: number): Redis {
  const client = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, lazyConnect: false });
  client.on('error', () => undefined);
  return client;
}
