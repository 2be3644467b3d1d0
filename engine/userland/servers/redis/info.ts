/**
 * INFO [section …]: the report Redis builds, section by section, in its
 * order and field names. Figures the emulation has no equivalent for
 * (allocator internals, CPU time of threads) are given as a quiet server
 * would report them.
 */
import type { Keyspace } from './store.ts';

export interface InfoState {
  pid: number;
  port: number;
  runId: string;
  startMs: number;
  nowMs: number;
  os: string;
  executable: string;
  configFile: string;
  hz: number;
  clients: number;
  usedMemory: number;
  peakMemory: number;
  maxmemory: number;
  maxmemoryPolicy: string;
  ks: Keyspace;
  lastSaveSec: number;
  bgsaveInProgress: boolean;
  lastBgsaveOk: boolean;
  rdbSaves: number;
  loaded: { loaded: number; expired: number };
  aofEnabled: boolean;
  aofRewriteInProgress: boolean;
  connectionsReceived: number;
  commandsProcessed: number;
  netInput: number;
  netOutput: number;
  totalForks: number;
  cpuSeconds: number;
  errorReplies: Map<string, number>;
}

const DEFAULT_SECTIONS = ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'modules', 'errorstats', 'cluster', 'keyspace'];

/** bytesToHuman: 1.23M style. */
export function human(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(2)}K`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(2)}M`;
  return `${(n / 1024 ** 3).toFixed(2)}G`;
}

const lines = (fields: [string, string | number][]) => fields.map(([k, v]) => `${k}:${v}\r\n`).join('');

function section(name: string, s: InfoState): string | undefined {
  const uptime = Math.floor((s.nowMs - s.startMs) / 1000);
  switch (name) {
    case 'server':
      return lines([
        ['redis_version', '7.4.1'], ['redis_git_sha1', '00000000'], ['redis_git_dirty', 0], ['redis_build_id', '3a1b4fdf69fc5ec6'], ['redis_mode', 'standalone'],
        ['os', s.os], ['arch_bits', 64], ['monotonic_clock', 'POSIX clock_gettime'], ['multiplexing_api', 'epoll'], ['atomicvar_api', 'c11-builtin'],
        ['gcc_version', '13.2.1'], ['process_id', s.pid], ['process_supervised', 'no'], ['run_id', s.runId], ['tcp_port', s.port],
        ['server_time_usec', s.nowMs * 1000], ['uptime_in_seconds', uptime], ['uptime_in_days', Math.floor(uptime / 86400)], ['hz', s.hz], ['configured_hz', s.hz],
        ['lru_clock', Math.floor(s.nowMs / 1000) & 0xffffff], ['executable', s.executable], ['config_file', s.configFile], ['io_threads_active', 0],
        ['listener0', `name=tcp,bind=*,bind=-::*,port=${s.port}`],
      ]);
    case 'clients':
      return lines([
        ['connected_clients', s.clients], ['cluster_connections', 0], ['maxclients', 10000], ['client_recent_max_input_buffer', 20480], ['client_recent_max_output_buffer', 0],
        ['blocked_clients', 0], ['tracking_clients', 0], ['pubsub_clients', 0], ['watching_clients', 0], ['clients_in_timeout_table', 0], ['total_watched_keys', 0],
        ['total_blocking_keys', 0], ['total_blocking_keys_on_nokey', 0],
      ]);
    case 'memory':
      return lines([
        ['used_memory', s.usedMemory], ['used_memory_human', human(s.usedMemory)], ['used_memory_rss', s.usedMemory * 2 + 4_300_000], ['used_memory_rss_human', human(s.usedMemory * 2 + 4_300_000)],
        ['used_memory_peak', s.peakMemory], ['used_memory_peak_human', human(s.peakMemory)], ['used_memory_peak_perc', `${((s.usedMemory / s.peakMemory) * 100).toFixed(2)}%`],
        ['maxmemory', s.maxmemory], ['maxmemory_human', human(s.maxmemory)], ['maxmemory_policy', s.maxmemoryPolicy], ['mem_allocator', 'jemalloc-5.3.0'],
      ]);
    case 'persistence':
      return lines([
        ['loading', 0], ['async_loading', 0], ['current_cow_peak', 0], ['current_cow_size', 0], ['current_cow_size_age', 0], ['current_fork_perc', '0.00'],
        ['current_save_keys_processed', 0], ['current_save_keys_total', 0], ['rdb_changes_since_last_save', s.ks.dirty], ['rdb_bgsave_in_progress', s.bgsaveInProgress ? 1 : 0],
        ['rdb_last_save_time', s.lastSaveSec], ['rdb_last_bgsave_status', s.lastBgsaveOk ? 'ok' : 'err'], ['rdb_last_bgsave_time_sec', -1], ['rdb_current_bgsave_time_sec', -1],
        ['rdb_saves', s.rdbSaves], ['rdb_last_cow_size', 0], ['rdb_last_load_keys_expired', s.loaded.expired], ['rdb_last_load_keys_loaded', s.loaded.loaded],
        ['aof_enabled', s.aofEnabled ? 1 : 0], ['aof_rewrite_in_progress', s.aofRewriteInProgress ? 1 : 0], ['aof_rewrite_scheduled', 0], ['aof_last_rewrite_time_sec', -1],
        ['aof_current_rewrite_time_sec', -1], ['aof_last_bgrewrite_status', 'ok'], ['aof_rewrites', 0], ['aof_rewrites_consecutive_failures', 0], ['aof_last_write_status', 'ok'],
        ['aof_last_cow_size', 0], ['module_fork_in_progress', 0], ['module_fork_last_cow_size', 0],
      ]);
    case 'stats':
      return lines([
        ['total_connections_received', s.connectionsReceived], ['total_commands_processed', s.commandsProcessed], ['instantaneous_ops_per_sec', 0],
        ['total_net_input_bytes', s.netInput], ['total_net_output_bytes', s.netOutput], ['rejected_connections', 0], ['expired_keys', s.ks.expiredKeys],
        ['evicted_keys', 0], ['keyspace_hits', s.ks.hits], ['keyspace_misses', s.ks.misses], ['latest_fork_usec', s.totalForks ? 180 : 0], ['total_forks', s.totalForks],
        ['total_error_replies', [...s.errorReplies.values()].reduce((a, b) => a + b, 0)],
      ]);
    case 'replication':
      return lines([
        ['role', 'master'], ['connected_slaves', 0], ['master_failover_state', 'no-failover'], ['master_replid', s.runId.split('').reverse().join('')],
        ['master_replid2', '0000000000000000000000000000000000000000'], ['master_repl_offset', 0], ['second_repl_offset', -1], ['repl_backlog_active', 0],
        ['repl_backlog_size', 1048576], ['repl_backlog_first_byte_offset', 0], ['repl_backlog_histlen', 0],
      ]);
    case 'cpu':
      return lines([
        ['used_cpu_sys', s.cpuSeconds.toFixed(6)], ['used_cpu_user', (s.cpuSeconds / 2).toFixed(6)], ['used_cpu_sys_children', '0.000000'], ['used_cpu_user_children', '0.000000'],
        ['used_cpu_sys_main_thread', s.cpuSeconds.toFixed(6)], ['used_cpu_user_main_thread', (s.cpuSeconds / 2).toFixed(6)],
      ]);
    case 'modules':
      return '';
    case 'errorstats':
      return lines([...s.errorReplies].map(([prefix, n]) => [`errorstat_${prefix}`, `count=${n}`]));
    case 'cluster':
      return lines([['cluster_enabled', 0]]);
    case 'keyspace':
      return lines(
        s.ks.dbs.flatMap((d, i) => {
          if (d.keys.size === 0) return [];
          return [[`db${i}`, `keys=${d.keys.size},expires=${d.expires.size},avg_ttl=0,subexpiry=0`] as [string, string]];
        }),
      );
    default:
      return undefined;
  }
}

const TITLES: Record<string, string> = { server: 'Server', clients: 'Clients', memory: 'Memory', persistence: 'Persistence', stats: 'Stats', replication: 'Replication', cpu: 'CPU', modules: 'Modules', errorstats: 'Errorstats', cluster: 'Cluster', keyspace: 'Keyspace' };

/** INFO's text for the requested sections ("default", "all", "everything" or names). */
export function infoText(requested: string[], s: InfoState): string {
  let names = requested.length === 0 || requested.includes('default') ? DEFAULT_SECTIONS : requested;
  if (requested.includes('all') || requested.includes('everything')) names = DEFAULT_SECTIONS;
  const parts: string[] = [];
  for (const name of DEFAULT_SECTIONS.filter((n) => names.includes(n))) {
    const body = section(name, s);
    if (body !== undefined) parts.push(`# ${TITLES[name]}\r\n${body}`);
  }
  return parts.join('\r\n');
}
