/**
 * docker login, logout and search, and the credentials the docker client
 * keeps in ~/.docker/config.json (`{"auths":{"https://index.docker.io/v1/":
 * {"auth":"base64(user:password)"}}}`, written tab-indented as docker/cli's
 * configfile does) and sends as X-Registry-Auth (base64url JSON).
 */
import { decodeBase64, encodeBase64 } from '../../common/base64.ts';
import { fromUtf8, utf8 } from '../../common/bytes.ts';
import type { Parsed } from '../command.ts';
import { bool, Cli, CommandError, given, list, num, str } from '../cli.ts';
import { ellipsis, renderFormatted } from '../format/format.ts';
import { goErrno, readHostFile, writeHostFile } from './host-files.ts';

export const INDEX_SERVER = 'https://index.docker.io/v1/';

/** configfile.ConfigFile's fields, in its order; unknown keys are dropped on save, as Go's decoder does. */
const CONFIG_KEYS = ['auths', 'HttpHeaders', 'psFormat', 'imagesFormat', 'networksFormat', 'pluginsFormat', 'volumesFormat', 'statsFormat', 'detachKeys', 'credsStore', 'credHelpers', 'serviceInspectFormat', 'servicesFormat', 'tasksFormat', 'secretFormat', 'configFormat', 'nodesFormat', 'pruneFilters', 'proxies', 'currentContext', 'cliPluginsExtraDirs', 'plugins', 'aliases', 'features', 'experimental'];

type AuthEntry = { auth?: string; email?: string; identitytoken?: string; registrytoken?: string };
type ConfigFile = { auths: Record<string, AuthEntry> } & Record<string, unknown>;

export function configPath(cli: Cli): string {
  const dir = cli.env('DOCKER_CONFIG') || `${cli.env('HOME') ?? '/'}/.docker`;
  return `${dir.replace(/\/$/, '')}/config.json`;
}

export async function readConfig(cli: Cli): Promise<ConfigFile> {
  let text = '';
  try {
    text = fromUtf8(await readHostFile(cli, configPath(cli)));
  } catch {
    return { auths: {} };
  }
  if (text.trim() === '') return { auths: {} };
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new CommandError(`loading config file: ${configPath(cli)}: ${(err as Error).message}`);
  }
  return { ...parsed, auths: (parsed.auths as Record<string, AuthEntry> | undefined) ?? {} };
}

export async function saveConfig(cli: Cli, config: ConfigFile): Promise<void> {
  const out: Record<string, unknown> = {};
  for (const k of CONFIG_KEYS) {
    const v = config[k];
    const empty = v === undefined || v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
    if (k === 'auths' || !empty) out[k] = k === 'auths' || typeof v !== 'object' || Array.isArray(v) ? sortKeys(v ?? {}) : sortKeys(v);
  }
  const path = configPath(cli);
  await writeHostFile(cli, path, utf8(JSON.stringify(out, null, '\t')), 0o600, { mkdirMode: 0o700 });
}

function sortKeys(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
}

/** The stored credentials for a registry key ("https://index.docker.io/v1/" or a hostname). */
export async function storedAuth(cli: Cli, key: string): Promise<{ username: string; password: string; serveraddress: string } | undefined> {
  const entry = (await readConfig(cli)).auths[key];
  if (!entry?.auth) return undefined;
  const text = fromUtf8(decodeBase64(entry.auth));
  const i = text.indexOf(':');
  return i < 0 ? undefined : { username: text.slice(0, i), password: text.slice(i + 1), serveraddress: key };
}

/** X-Registry-Auth for a registry domain: `e30=` ("{}") when not logged in. */
export async function registryAuthHeader(cli: Cli, domain: string): Promise<string> {
  const key = domain === 'docker.io' || domain === 'index.docker.io' ? INDEX_SERVER : domain;
  let auth: object = {};
  try {
    auth = (await storedAuth(cli, key)) ?? {};
  } catch {
    auth = {};
  }
  return encodeBase64(utf8(JSON.stringify(auth)), { url: true });
}

/** credentials.ConvertToHostname. */
function hostnameOf(server: string): string {
  const s = server.replace(/^https?:\/\//, '');
  return s.split('/')[0]!;
}

// ---- login -------------------------------------------------------------------

/** tui's PrintNote on stderr. */
async function printNote(cli: Cli, text: string): Promise<void> {
  const tty = cli.sys.isatty(2);
  const header = tty ? '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m' : ' Info -> ';
  let out = `\n${header}`;
  text.split('\n').forEach((line, i) => {
    if (i > 0) out += ' '.repeat(9);
    out += `${tty ? `\x1b[3m${line}\x1b[0m` : line}\n`;
  });
  await cli.err(out);
}

async function readLine(cli: Cli): Promise<string> {
  let line = '';
  for (;;) {
    const chunk = await cli.readStdin();
    if (chunk.length === 0) break;
    line += fromUtf8(chunk);
    if (line.includes('\n')) break;
  }
  return line.split('\n')[0]!.trim();
}

async function prompt(cli: Cli, server: string, user: string): Promise<{ username: string; password: string }> {
  if (!user) {
    if (server === INDEX_SERVER) {
      await cli.out("Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n");
      if (cli.env('DOCKER_CLI_HINTS') !== 'false') await cli.out('You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/\n\n');
    }
    await cli.out('Username: ');
    user = await readLine(cli);
    if (!user) throw new CommandError('Error: Non-null Username Required');
  }
  const saved = cli.sys.isatty(0) ? cli.sys.tcgetattr(0) : undefined;
  if (saved) cli.sys.tcsetattr(0, { ...saved, echo: false });
  let password: string;
  try {
    if (server === INDEX_SERVER) await printNote(cli, 'A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\n\n');
    await cli.out('Password: ');
    password = await readLine(cli);
    await cli.out('\n');
  } finally {
    if (saved) cli.sys.tcsetattr(0, saved);
  }
  if (!password) throw new CommandError('Error: Password Required');
  return { username: user, password };
}

/** Stores credentials; the first time a password is stored, docker warns that it is unencrypted. */
async function storeCredentials(cli: Cli, key: string, username: string, password: string): Promise<boolean> {
  const config = await readConfig(cli);
  const auth = encodeBase64(utf8(`${username}:${password}`));
  if (config.auths[key]?.auth === auth) return false;
  config.auths[key] = { ...config.auths[key], auth };
  await saveConfig(cli, config);
  return true;
}

export async function runLogin(cli: Cli, p: Parsed): Promise<number> {
  const user0 = str(p, 'username');
  let password = str(p, 'password');
  if (given(p, 'password-stdin')) {
    if (given(p, 'password')) throw new CommandError('conflicting options: cannot specify both --password and --password-stdin');
    if (!given(p, 'username')) throw new CommandError('the --password-stdin option requires --username to be set');
  }
  if (given(p, 'username') && user0 === '') throw new CommandError('username is empty');
  if (given(p, 'password') && password === '') throw new CommandError('password is empty');
  if (password) await cli.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');
  if (bool(p, 'password-stdin')) password = (await cli.readAll()).replace(/\n$/, '').replace(/\r$/, '');
  const arg = p.args[0] ?? '';
  const server = arg && arg !== 'docker.io' ? arg : INDEX_SERVER;
  const key = server === INDEX_SERVER ? INDEX_SERVER : hostnameOf(server);
  let user = user0;

  const stored = !user && !password ? await storedAuth(cli, key) : undefined;
  if (stored) {
    await cli.err(`Authenticating with existing credentials... [Username: ${stored.username}]\n`);
    await printNote(cli, "To login with a different account, run 'docker logout' followed by 'docker login'");
    await cli.err('\n\n');
    const r = await cli.api.post<{ Status: string }>('/auth', undefined, { username: stored.username, password: stored.password, serveraddress: key });
    await cli.out(`${r.Status}\n`);
    return 0;
  }
  if ((!user || !password) && !cli.stdinTty) throw new CommandError('Error: Cannot perform an interactive login from a non TTY device');
  if (key === INDEX_SERVER && !user && !password && cli.env('DOCKER_CLI_DISABLE_OAUTH_LOGIN') !== 'true') {
    // The web-based device-code login needs auth.docker.io, which the emulated internet does not have.
    await cli.err('Failed to start web-based login - falling back to command line login...\n\n');
  }
  if (!user || !password) ({ username: user, password } = await prompt(cli, key, user));
  const r = await cli.api.post<{ Status: string }>('/auth', undefined, { username: user, password, serveraddress: key });
  if (await storeCredentials(cli, key, user, password)) {
    await cli.err(`\nWARNING! Your credentials are stored unencrypted in '${configPath(cli)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
  }
  await cli.out(`${r.Status}\n`);
  return 0;
}

export async function runLogout(cli: Cli, p: Parsed): Promise<number> {
  const arg = p.args[0];
  const server = arg || INDEX_SERVER;
  const shown = arg ? hostnameOf(server) : server;
  await cli.out(`Removing login credentials for ${shown}\n`);
  const keys = arg ? [server, shown, `http://${shown}`, `https://${shown}`] : [server];
  const config = await readConfig(cli);
  for (const k of keys) delete config.auths[k];
  try {
    await saveConfig(cli, config);
  } catch (err) {
    await cli.err(`WARNING: could not erase credentials:\n${server}: ${goErrno(err)}\n`);
  }
  return 0;
}

// ---- search ------------------------------------------------------------------

interface SearchResult {
  star_count: number;
  is_official: boolean;
  name: string;
  description: string;
}

export async function runSearch(cli: Cli, p: Parsed): Promise<number> {
  const filters: Record<string, Record<string, boolean>> = {};
  for (const f of list(p, 'filter')) (filters[f.slice(0, f.indexOf('='))] ??= {})[f.slice(f.indexOf('=') + 1)] = true;
  if (filters['is-automated']) await cli.err('WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n');
  const term = p.args[0]!;
  const results = await cli.api.get<SearchResult[]>('/images/search', {
    term,
    limit: num(p, 'limit') > 0 ? num(p, 'limit') : undefined,
    filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined,
  });
  const format = str(p, 'format');
  const trunc = !bool(p, 'no-trunc');
  const json = format === 'json';
  const rows = results.map((r) => {
    const desc = r.description.replace(/[\n\r]/g, ' ');
    return { Name: r.name, Description: trunc ? ellipsis(desc, 45) : desc, StarCount: String(r.star_count), IsOfficial: r.is_official ? (json ? 'true' : '[OK]') : json ? 'false' : '' };
  });
  try {
    await cli.out(renderFormatted({ format, defaultTable: 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}', headers: { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL' }, rows, typeName: '*registry.searchContext' }));
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  return 0;
}

