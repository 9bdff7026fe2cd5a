/**
 * A primary and a synchronous standby for failover tests: two throwaway clusters on free ports of
 * 127.0.0.1, made as postgres-cluster.ts makes one (the `postgres` OS user, temp dirs). The
 * standby is a `pg_basebackup -R` copy of the primary that streams its WAL; the primary names it
 * in `synchronous_standby_names` and runs with `synchronous_commit = on`, so a COMMIT returns only
 * once the standby has flushed it. Durable settings (fsync on), unlike the single test cluster.
 *
 *   const pair = await startReplicatedPair();   // pair.primaryUrl, pair.standbyUrl: one database
 *   await pair.killPrimary();                   // SIGKILL the postmaster
 *   await pair.promoteStandby();                // pg_ctl promote: the standby takes writes
 *   await pair.stop();
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  adminUrlOf,
  asPostgres,
  clusterSkipReason,
  createDatabase,
  initCluster,
  newCluster,
  startOnFreePort,
  stopCluster,
  withClient,
  type Cluster,
} from './postgres-cluster.js';


/**
 * Why a replicated pair cannot start here, or undefined. It needs local binaries even when
 * JALON_TEST_PG names a server; under CI=true it must run (a missing binary then fails the test).
 */
export function replicationSkipReason(): string | undefined {
  return process.env.CI === 'true' ? undefined : clusterSkipReason();
}

/** The name the standby connects with (its cluster_name, the walreceiver's application_name). */
const STANDBY_NAME = 'jalon_standby';
const DURABLE = { synchronous_commit: 'on', wal_level: 'replica', max_wal_senders: '4', hot_standby: 'on' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReplicatedPostgres {
  /** A fresh database on the primary: `postgres://postgres@127.0.0.1:P/jalon_…`. */
  primaryUrl: string;
  /** The same database on the standby (read-only until promoted). */
  standbyUrl: string;
  /** The standby's state as the primary sees it (`sync` when a COMMIT waits for it), or undefined when it is not connected. */
  syncState(): Promise<string | undefined>;
  /** SIGKILL the primary's postmaster, then wait until its backends have noticed and exited. */
  killPrimary(): Promise<void>;
  /** pg_ctl promote on the standby; resolves once it takes writes. */
  promoteStandby(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReplicatedPair(): Promise<ReplicatedPostgres> {
  const clusters: Cluster[] = [];
  const stop = async () => {
    await Promise.all(clusters.splice(0).map(stopCluster));
  };
  try {
    const primary = await initCluster(DURABLE);
    clusters.push(primary);
    // Made before the standby exists: with a synchronous standby named but absent, it would wait.
    const primaryUrl = await createDatabase(adminUrlOf(primary));
    const standby = await startStandby(primary);
    clusters.push(standby);
    await requireSyncStandby(primary);
    const standbyUrl = new URL(primaryUrl);
    standbyUrl.port = String(standby.port);
    return {
      primaryUrl,
      standbyUrl: standbyUrl.toString(),
      syncState: () => syncState(primary),
      killPrimary: () => killPostmaster(primary),
      promoteStandby: () => promote(standby),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A base backup of the primary with `-R` (standby.signal, primary_conninfo), started on its own port. */
async function startStandby(primary: Cluster): Promise<Cluster> {
  const standby = newCluster({ ...DURABLE, cluster_name: STANDBY_NAME });
  try {
    await asPostgres(standby.dir, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres',
      '-D', join(standby.dir, 'data'), '-R', '-X', 'stream', '-c', 'fast']);
    await startOnFreePort(standby);
    return standby;
  } catch (error) {
    await stopCluster(standby);
    throw error;
  }
}

/** Names the standby synchronous on the primary, then waits until the primary reports it so. */
async function requireSyncStandby(primary: Cluster): Promise<void> {
  await withClient(adminUrlOf(primary), async (client) => {
    await client.query(`ALTER SYSTEM SET synchronous_standby_names = '${STANDBY_NAME}'`);
    await client.query('SELECT pg_reload_conf()');
  });
  for (const started = Date.now(); (await syncState(primary)) !== 'sync'; await sleep(100)) {
    if (Date.now() - started > 30_000) throw new Error(`the standby is not synchronous after 30 s: ${await syncState(primary)}`);
  }
}

async function syncState(primary: Cluster): Promise<string | undefined> {
  return withClient(adminUrlOf(primary), async (client) => {
    const { rows } = await client.query<{ sync_state: string }>(
      'SELECT sync_state FROM pg_stat_replication WHERE application_name = $1', [STANDBY_NAME]);
    return rows[0]?.sync_state;
  });
}

/**
 * SIGKILL to the postmaster alone, as the brief's "the primary dies": no shutdown checkpoint, no
 * goodbye to clients. Its backends notice the postmaster's death at their next wait and exit
 * without answering (one waiting for the standby's acknowledgement included). We wait for that,
 * and SIGKILL any straggler after 10 s, so no old backend can still answer once the standby is
 * promoted (the fencing a real failover needs too).
 */
async function killPostmaster(primary: Cluster): Promise<void> {
  const pid = Number(readFileSync(join(primary.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = childrenOf(pid);
  process.kill(pid, 'SIGKILL');
  for (const started = Date.now(); children.some(isAlive); await sleep(20)) {
    if (Date.now() - started > 10_000) {
      for (const child of children.filter(isAlive)) process.kill(child, 'SIGKILL');
    }
  }
}

async function promote(standby: Cluster): Promise<void> {
  await asPostgres(standby.dir, 'pg_ctl', ['promote', '-w', '-t', '60', '-D', join(standby.dir, 'data')]);
  const isStandby = () =>
    withClient(adminUrlOf(standby), async (client) => (await client.query('SELECT pg_is_in_recovery() AS r')).rows[0].r as boolean);
  for (const started = Date.now(); await isStandby(); await sleep(50)) {
    if (Date.now() - started > 30_000) throw new Error('the standby is still in recovery 30 s after pg_ctl promote');
  }
}

/** Pids whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat, after the parenthesised command name (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Running, or at least not yet a zombie waiting for a parent that may never reap it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
