/**
 * The classic builder's pure parts (moby builder/dockerfile): what each
 * config-only instruction does to the run config, the `created_by` text of
 * each step (which is also its cache key, with the parent image and the
 * resulting config), and the build-arg rules. engine/daemon/build.ts drives
 * containers with these.
 *
 *   ENV A=b          → created_by `/bin/sh -c #(nop)  ENV A=b`     (empty layer)
 *   RUN echo hi      → created_by `/bin/sh -c echo hi`
 *   RUN with ARGs    → `|1 V=1 /bin/sh -c echo $V`
 *   COPY a.txt /app/ → `/bin/sh -c #(nop) COPY file:<sha256> in /app/ `
 */
import type { ContainerConfig } from '../image/oci.ts';
import type * as C from './parse-commands.ts';

export type RunConfig = ContainerConfig;

export const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** Go's %q of a []string: `["a" "b"]`. */
export function goQuoteList(list: readonly string[]): string {
  return `[${list.map((s) => JSON.stringify(s)).join(' ')}]`;
}

export const shellOf = (c: RunConfig): string[] => (c.Shell && c.Shell.length > 0 ? c.Shell : DEFAULT_SHELL);

/** withCmdComment: the Cmd recorded for a config-only step. */
export const nopCmd = (c: RunConfig, comment: string): string[] => [...shellOf(c), '#(nop) ', comment];
/** withCmdCommentString (COPY, ADD). */
export const nopCmdString = (c: RunConfig, comment: string): string[] => [...shellOf(c), `#(nop) ${comment}`];

/** A deep copy of a config. */
export const copyConfig = (c: RunConfig): RunConfig => JSON.parse(JSON.stringify(c)) as RunConfig;

/** JSON with sorted keys, to compare configs. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

function setEnv(c: RunConfig, key: string, value: string): void {
  const env = (c.Env ??= []);
  const i = env.findIndex((e) => e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')) === key);
  if (i >= 0) env[i] = `${key}=${value}`;
  else env.push(`${key}=${value}`);
}

/** The variables a step expands with: the config's Env over the build args in force. */
export function lookupEnv(c: RunConfig, args: Map<string, string>): Map<string, string> {
  const env = new Map(args);
  for (const e of c.Env ?? []) {
    const i = e.indexOf('=');
    env.set(i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
  }
  return env;
}

/** moby's normalizeWorkdir: relative to the current one, cleaned. */
export function workdir(current: string, dir: string): string {
  const joined = dir.startsWith('/') ? dir : `${(current || '/').replace(/\/$/, '')}/${dir}`;
  return '/' + joined.split('/').filter((x) => x !== '' && x !== '.').reduce<string[]>((a, x) => (x === '..' ? a.slice(0, -1) : [...a, x]), []).join('/');
}

/** A command line in exec form: the shell form run by the stage's SHELL. */
export function cmdLine(c: RunConfig, cmd: { cmdLine: string[]; prependShell: boolean }): string[] {
  return cmd.prependShell ? [...shellOf(c), cmd.cmdLine.join(' ')] : [...cmd.cmdLine];
}

/**
 * A config-only instruction (an already expanded one) applied to `c` in place;
 * returns the comment of its `#(nop)` history entry, or undefined when the
 * instruction is not config-only.
 */
export function applyConfigCommand(c: RunConfig, cmd: C.Command, cmdSet: { cmd: boolean }): string | undefined {
  switch (cmd.name) {
    case 'env': {
      let s = 'ENV';
      for (const p of cmd.env) {
        setEnv(c, p.key, p.value);
        s += ` ${p.key}=${p.value}`;
      }
      return s;
    }
    case 'label': {
      let s = 'LABEL';
      for (const p of cmd.labels) {
        (c.Labels ??= {})[p.key] = p.value;
        s += ` ${p.key}=${p.value}`;
      }
      return s;
    }
    case 'maintainer':
      return `MAINTAINER ${cmd.maintainer}`;
    case 'user':
      c.User = cmd.user;
      return `USER ${cmd.user}`;
    case 'expose': {
      const ports = cmd.ports.map((p) => (p.includes('/') ? p.toLowerCase() : `${p}/tcp`));
      for (const p of ports) (c.ExposedPorts ??= {})[p] = {};
      return `EXPOSE ${ports.join(' ')}`;
    }
    case 'cmd':
      c.Cmd = cmdLine(c, cmd);
      cmdSet.cmd = true;
      return `CMD ${goQuoteList(c.Cmd)}`;
    case 'entrypoint':
      c.Entrypoint = cmd.cmdLine === null ? null : cmdLine(c, { ...cmd, cmdLine: cmd.cmdLine });
      if (!cmdSet.cmd) c.Cmd = null;
      return `ENTRYPOINT ${goQuoteList(c.Entrypoint ?? [])}`;
    case 'volume':
      for (const v of cmd.volumes) (c.Volumes ??= {})[v] = {};
      return `VOLUME ${goQuoteList(cmd.volumes)}`;
    case 'stopsignal':
      c.StopSignal = cmd.signal;
      return `STOPSIGNAL ${cmd.signal}`;
    case 'shell':
      c.Shell = [...cmd.shell];
      return `SHELL ${goQuoteList(cmd.shell)}`;
    case 'onbuild':
      (c.OnBuild ??= []).push(cmd.expression);
      return `ONBUILD ${cmd.expression}`;
    case 'healthcheck': {
      const h = cmd.health;
      const hc: NonNullable<RunConfig['Healthcheck']> = { Test: h.test };
      if (h.interval) hc.Interval = h.interval;
      if (h.timeout) hc.Timeout = h.timeout;
      if (h.startPeriod) hc.StartPeriod = h.startPeriod;
      if (h.startInterval) hc.StartInterval = h.startInterval;
      if (h.retries) hc.Retries = h.retries;
      c.Healthcheck = hc;
      return `HEALTHCHECK &{${goQuoteList(h.test)} "${h.interval / 1e9}s" "${h.timeout / 1e9}s" "${h.startPeriod / 1e9}s" "${h.startInterval / 1e9}s" '\\x${h.retries.toString(16).padStart(2, '0')}'}`;
    }
    default:
      return undefined;
  }
}

/**
 * Build args a RUN sees (moby's FilterAllowed): declared ARGs with a value,
 * unless ENV sets the same name. Sorted, as `|N K=V …` prefixes them.
 */
export function runArgs(c: RunConfig, declared: Map<string, string | undefined>): [string, string][] {
  const envKeys = new Set((c.Env ?? []).map((e) => e.split('=')[0]!));
  return [...declared.entries()].filter((e): e is [string, string] => e[1] !== undefined && !envKeys.has(e[0])).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** The Cmd saved for a RUN (its cache key): `|N K=V … cmd…` when build args are in force. */
export function runSaveCmd(cmd: string[], args: [string, string][]): string[] {
  if (args.length === 0) return cmd;
  return [`|${args.length}`, ...args.map(([k, v]) => `${k}=${v}`), ...cmd];
}

/** units.HumanSizeWithPrecision(size, 4): `2.048kB`, `10.24kB`, `1MB`. */
export function humanSize(size: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(4))}${units[i]}`;
}

/** The step's text as the classic builder prints it (`Step 2/3 : RUN echo hi`). */
export const stepLine = (n: number, total: number, text: string): string => `Step ${n}/${total} : ${text}\n`;
