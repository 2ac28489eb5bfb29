import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config/config';

/** A connection to Touchpoint's Redis: one server (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisClient = Redis | Cluster;

/** Options of one connection; on a cluster they apply to each node's connection. */
export type ClientOptions = Pick<
  RedisOptions,
  'maxRetriesPerRequest' | 'enableOfflineQueue' | 'commandTimeout' | 'lazyConnect'
>;

/**
 * A new connection as the config says: to REDIS_URL, or to the cluster REDIS_CLUSTER_NODES seeds, whose
 * nodes are reached with REDIS_URL's credentials (and TLS for `rediss:`). Every key a command or script
 * touches at once must then share a slot: Touchpoint's keys all start with a `{hash tag}` prefix.
 */
export function createRedisClient(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>,
  options: ClientOptions,
): RedisClient {
  const nodes = config.REDIS_CLUSTER_NODES;
  if (!nodes) return new Redis(config.REDIS_URL, options);
  const { enableOfflineQueue, lazyConnect, ...perNode } = options;
  return new Cluster(nodes.map(clusterNode), {
    enableOfflineQueue,
    lazyConnect,
    redisOptions: { ...credentialsOf(config.REDIS_URL), ...perNode },
  });
}

function clusterNode(node: string): { host: string; port: number } {
  const at = node.lastIndexOf(':');
  return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
}

function credentialsOf(redisUrl: string): Pick<RedisOptions, 'username' | 'password' | 'tls'> {
  const url = new URL(redisUrl);
  return {
    ...(url.username && { username: decodeURIComponent(url.username) }),
    ...(url.password && { password: decodeURIComponent(url.password) }),
    ...(url.protocol === 'rediss:' && { tls: {} }),
  };
}
