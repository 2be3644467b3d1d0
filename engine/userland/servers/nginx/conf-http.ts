/**
 * The http block: servers, locations and the directives Berth's nginx acts
 * on, each checked with nginx's messages (a listen with a bad port, an
 * unknown log format, a proxy_pass host that does not resolve…). Directives
 * nginx knows but Berth does not act on (tuning, caching, TLS ciphers) are
 * checked for place and arguments, then ignored.
 */
import type { Sys } from '../../../kernel/sys.ts';
import { hostAddress } from '../../lib/net-names.ts';
import { ConfError, type ConfReader, type Directive } from './conf-parse.ts';
import { errorLogArgs, flag, fullPath, parseSize, parseTime, type Loader } from './conf.ts';
import { DIRECTIVES } from './directives.ts';
import { COMBINED, type HttpConfig, type Location, type Scope, type Server, type Settings, type Upstream } from './model.ts';

/** h http, s server, l location, i/f `if` in a server/location, x limit_except. */
type Ctx = 'h' | 's' | 'l' | 'i' | 'f' | 'x';

const FLAGS: Partial<Record<string, keyof Settings>> = {
  autoindex: 'autoindex',
  absolute_redirect: 'absoluteRedirect',
  port_in_redirect: 'portInRedirect',
  server_name_in_redirect: 'serverNameInRedirect',
  etag: 'etag',
  log_not_found: 'logNotFound',
  msie_padding: 'msiePadding',
};

/** Sets a single-valued setting once per level ("… directive is duplicate" the second time). */
function setOnce<K extends keyof Settings>(scope: Scope, key: K, value: Settings[K], d: Directive, reader: ConfReader): void {
  if (key in scope.own) reader.fail(`"${d.name}" directive is duplicate`);
  scope.own[key] = value;
}

async function resolve(sys: Sys, host: string): Promise<string | undefined> {
  if (host === '*' || host === '') return '0.0.0.0';
  const r = await hostAddress(sys, host);
  return 'address' in r ? r.address : undefined;
}

/** host[:port] as ngx_parse_url reads it ("80", "127.0.0.1:8080", "app:3000", "*:80"). */
function hostPort(text: string, defaultPort: number): { host: string; port: number } | undefined {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(text)!;
  if (m[2] === undefined) return /^\d+$/.test(m[1]!) ? { host: '*', port: Number(m[1]) } : { host: m[1]!, port: defaultPort };
  if (!/^\d+$/.test(m[2]) || Number(m[2]) < 1 || Number(m[2]) > 65535) return undefined;
  return { host: m[1]!, port: Number(m[2]) };
}

export async function httpBlock(loader: Loader, reader: ConfReader): Promise<HttpConfig> {
  const { sys } = loader;
  const http: HttpConfig = { own: {}, servers: [], logFormats: new Map([['combined', COMBINED]]), upstreams: new Map() };
  const lateErrors: string[] = [];
  const sub = (scope: Scope, ctx: Ctx) => (d: Directive, r: ConfReader) => directive(d, r, scope, ctx);

  async function directive(d: Directive, reader: ConfReader, scope: Scope, ctx: Ctx): Promise<void> {
    loader.check(d, reader, ctx);
    const a = d.args;
    switch (d.name) {
      case 'include':
        return loader.include(d, reader, sub(scope, ctx));
      case 'server':
        return server(reader);
      case 'listen':
        return listen(d, reader, scope as Server);
      case 'server_name':
        (scope as Server).names.push(...a);
        return;
      case 'location':
        return location(d, reader, scope, ctx === 'l' ? (scope as Location) : undefined);
      case 'log_format': {
        const [name, ...rest] = a as [string, ...string[]];
        if (http.logFormats.has(name)) reader.fail(`duplicate "log_format" name "${name}"`);
        http.logFormats.set(name, (rest[0]?.startsWith('escape=') ? rest.slice(1) : rest).join(''));
        return;
      }
      case 'upstream': {
        const up: Upstream = { name: a[0]!, servers: [] };
        http.upstreams.set(a[0]!, up);
        const inUpstream = async (x: Directive, r: ConfReader): Promise<void> => {
          loader.check(x, r, 'u');
          if (x.name === 'include') return loader.include(x, r, inUpstream);
          if (x.name === 'server') return upstreamServer(x, r, up);
        };
        return loader.parseBlock(reader, inUpstream);
      }
      case 'root':
      case 'alias': {
        const other = 'root' in scope.own ? 'root' : 'alias' in scope.own ? 'alias' : undefined;
        if (other === d.name) reader.fail(`"${d.name}" directive is duplicate`);
        if (other) reader.fail(`"${d.name}" directive is duplicate, "${other}" directive was used earlier`);
        scope.own[d.name] = d.name === 'root' ? a[0]!.replace(/(.)\/$/, '$1') : a[0]!;
        return;
      }
      case 'index':
        scope.own.index = [...(scope.own.index ?? []), ...a];
        return;
      case 'default_type':
        return setOnce(scope, 'defaultType', a[0]!, d, reader);
      case 'types': {
        const types = new Map<string, string>();
        const entry = async (t: Directive, r: ConfReader): Promise<void> => {
          if (t.block) r.fail('unexpected "{"');
          if (t.name === 'include' && t.args.length === 1) return loader.include(t, r, entry);
          for (const ext of t.args) types.set(ext.toLowerCase(), t.name);
        };
        await loader.parseBlock(reader, entry);
        scope.own.types = types;
        return;
      }
      case 'access_log': {
        if (a[0] === 'off') {
          scope.own.accessLogs = 'off';
          return;
        }
        const format = a[1] ?? 'combined';
        if (!http.logFormats.has(format)) reader.fail(`unknown log format "${format}"`);
        const logs = Array.isArray(scope.own.accessLogs) ? scope.own.accessLogs : [];
        scope.own.accessLogs = [...logs, { path: fullPath(a[0]!), format }];
        return;
      }
      case 'error_log':
        scope.own.errorLog = errorLogArgs(d, reader);
        return;
      case 'keepalive_timeout': {
        const ms = parseTime(a[0]!);
        if (ms === undefined) reader.fail(`"keepalive_timeout" directive invalid value`);
        return setOnce(scope, 'keepaliveTimeoutMs', ms!, d, reader);
      }
      case 'server_tokens':
        if (!['on', 'off', 'build'].includes(a[0]!)) reader.fail(`invalid value "${a[0]}"`);
        return setOnce(scope, 'serverTokens', a[0] as Settings['serverTokens'], d, reader);
      case 'charset':
        return setOnce(scope, 'charset', a[0]!, d, reader);
      case 'add_header':
        if (a[2] !== undefined && a[2] !== 'always') reader.fail(`invalid parameter "${a[2]}"`);
        scope.own.addHeaders = [...(scope.own.addHeaders ?? []), { name: a[0]!, value: a[1]!, always: a[2] === 'always' }];
        return;
      case 'error_page':
        return errorPage(d, reader, scope);
      case 'try_files':
        return setOnce(scope, 'tryFiles', a, d, reader);
      case 'return': {
        if (/^\d+$/.test(a[0]!) && Number(a[0]) <= 999) scope.own.return = { code: Number(a[0]), text: a[1] };
        else if (a.length === 1 && /^(https?:\/\/|\$scheme)/.test(a[0]!)) scope.own.return = { code: 302, text: a[0] };
        else reader.fail(`invalid return code "${a[0]}"`);
        return;
      }
      case 'rewrite': {
        const f = a[2] ?? '';
        if (f && !['last', 'break', 'redirect', 'permanent'].includes(f)) reader.fail(`invalid parameter "${f}"`);
        scope.own.rewrites = [...(scope.own.rewrites ?? []), { regex: compile(a[0]!, '', reader), replacement: a[1]!, flag: f }];
        return;
      }
      case 'set':
        if (!a[0]!.startsWith('$')) reader.fail(`invalid variable name "${a[0]}"`);
        scope.own.sets = [...(scope.own.sets ?? []), [a[0]!.slice(1), a[1]!]];
        return;
      case 'client_max_body_size': {
        const size = parseSize(a[0]!);
        if (size === undefined) reader.fail(`"client_max_body_size" directive invalid value`);
        return setOnce(scope, 'clientMaxBodySize', size!, d, reader);
      }
      case 'proxy_set_header':
        scope.own.proxySetHeaders = [...(scope.own.proxySetHeaders ?? []), [a[0]!, a[1]!]];
        return;
      case 'proxy_pass':
        return proxyPass(d, reader, scope);
      case 'internal':
        scope.own.internal = true;
        return;
      case 'if':
        // The condition is read for form only: Berth's nginx does not evaluate `if` blocks.
        return loader.parseBlock(reader, sub({ parent: scope, own: {} }, ctx === 's' ? 'i' : 'f'));
      case 'limit_except':
        return loader.parseBlock(reader, sub({ parent: scope, own: {} }, 'x'));
    }
    const key = FLAGS[d.name];
    if (key) return setOnce(scope, key, flag(d, reader) as never, d, reader);
    // Known to nginx, not acted on by Berth: a flag must still be "on" or "off", a block still parsed.
    const spec = DIRECTIVES.get(d.name)!.find((s) => s.contexts.includes(ctx));
    if (spec?.args === 'F') flag(d, reader);
    if (d.block) await loader.parseBlock(reader, sub({ parent: scope, own: {} }, ctx));
  }

  function compile(pattern: string, flags: string, reader: ConfReader): RegExp {
    try {
      // PCRE's named groups (?<name>…) and (?P<name>…) are JavaScript's (?<name>…).
      return new RegExp(pattern.replace(/\(\?P</g, '(?<'), flags);
    } catch {
      return reader.fail(`pcre2_compile() failed: missing closing parenthesis in "${pattern}"`);
    }
  }

  function errorPage(d: Directive, reader: ConfReader, scope: Scope): void {
    const pages = new Map(scope.own.errorPages ?? []);
    const codes = d.args.slice(0, -1);
    let overwrite: number | 'response' | undefined;
    if (codes[codes.length - 1]?.startsWith('=')) {
      const o = codes.pop()!.slice(1);
      if (o !== '' && !/^\d+$/.test(o)) reader.fail(`invalid value "=${o}"`);
      overwrite = o === '' ? 'response' : Number(o);
    }
    if (codes.length === 0) reader.fail('invalid number of arguments in "error_page" directive');
    for (const c of codes) {
      if (!/^\d+$/.test(c)) reader.fail(`invalid value "${c}"`);
      if (Number(c) < 300 || Number(c) > 599) reader.fail(`value "${c}" must be between 300 and 599`);
      pages.set(Number(c), { uri: d.args[d.args.length - 1]!, overwrite });
    }
    scope.own.errorPages = pages;
  }

  async function proxyPass(d: Directive, reader: ConfReader, scope: Scope): Promise<void> {
    const m = /^(https?):\/\/([^/]+)(\/.*)?$/.exec(d.args[0]!);
    if (!m) return reader.fail(`invalid URL prefix in "${d.args[0]}"`);
    const name = m[2]!;
    const hp = hostPort(name, m[1] === 'https' ? 443 : 80);
    if (!hp) return reader.fail(`invalid port in upstream "${name}"`);
    const upstream = http.upstreams.has(name) ? name : undefined;
    let address = '';
    if (!upstream) {
      address = (await resolve(sys, hp.host)) ?? '';
      if (address === '') reader.fail(`host not found in upstream "${name}"`);
    }
    setOnce(scope, 'proxyPass', { url: d.args[0]!, hostHeader: name, address, port: hp.port, path: m[3], upstream }, d, reader);
  }

  async function upstreamServer(d: Directive, reader: ConfReader, up: Upstream): Promise<void> {
    const hp = hostPort(d.args[0]!, 80);
    if (!hp) return reader.fail(`invalid port in upstream "${d.args[0]}"`);
    const address = await resolve(sys, hp.host);
    if (address === undefined) reader.fail(`host not found in upstream "${d.args[0]}"`);
    up.servers.push({ host: d.args[0]!, address: address!, port: hp.port });
  }

  async function listen(d: Directive, reader: ConfReader, srv: Server): Promise<void> {
    const text = d.args[0]!;
    // IPv6 listeners need an IPv6 stack, which the emulated network does not have.
    if (text.startsWith('[')) return;
    const hp = hostPort(text, 80);
    if (!hp) return reader.fail(`invalid port in "${text}" of the "listen" directive`);
    const address = await resolve(sys, hp.host);
    if (address === undefined) reader.fail(`host not found in "${text}" of the "listen" directive`);
    const options = d.args.slice(1);
    srv.listens.push({ address: address!, port: hp.port, defaultServer: options.includes('default_server') || options.includes('default'), ssl: options.includes('ssl'), where: reader.where() });
  }

  async function server(reader: ConfReader): Promise<void> {
    const srv: Server = { parent: http, own: {}, listens: [], names: [], locations: [], where: reader.where() };
    http.servers.push(srv);
    await loader.parseBlock(reader, sub(srv, 's'));
    if (srv.listens.length === 0) srv.listens.push({ address: '0.0.0.0', port: sys.geteuid() === 0 ? 80 : 8000, defaultServer: false, ssl: false, where: srv.where });
    if (srv.names.length === 0) srv.names.push('');
  }

  async function location(d: Directive, reader: ConfReader, parent: Scope, outer: Location | undefined): Promise<void> {
    let modifier: Location['modifier'] = '';
    let path = d.args[0]!;
    if (d.args.length === 2) {
      if (!['=', '^~', '~', '~*'].includes(path)) reader.fail(`invalid location modifier "${path}"`);
      modifier = path as Location['modifier'];
      path = d.args[1]!;
    } else {
      const m = /^(=|\^~|~\*|~|@)/.exec(path);
      if (m && m[1] !== '@') {
        modifier = m[1] as Location['modifier'];
        path = path.slice(m[1]!.length);
      } else if (m) modifier = '@';
    }
    if (outer?.modifier === '=') reader.fail(`location "${path}" cannot be inside the exact location "${outer.path}"`);
    if (outer?.modifier === '@') reader.fail(`location "${path}" cannot be inside the named location "${outer.path}"`);
    if (modifier === '@' && outer) reader.fail(`named location "${path}" can be on the server level only`);
    const regex = modifier === '~' || modifier === '~*' ? compile(path, modifier === '~*' ? 'i' : '', reader) : undefined;
    if (outer && !regex && modifier !== '@' && !outer.regex && !path.startsWith(outer.path)) reader.fail(`location "${path}" is outside location "${outer.path}"`);
    const loc: Location = { parent, own: {}, modifier, path, regex, locations: [], where: reader.where() };
    const siblings = outer ? outer.locations : (parent as Server).locations;
    const inclusive = (l: Location) => l.modifier === '' || l.modifier === '^~';
    const dup = siblings.some((l) => l.path === path && ((l.modifier === '=' && modifier === '=') || (inclusive(l) && inclusive(loc)) || (l.modifier === '@' && modifier === '@')));
    siblings.push(loc);
    await loader.parseBlock(reader, sub(loc, 'l'));
    // nginx finds duplicates when it sorts the locations, after the http block.
    if (dup) lateErrors.push(`duplicate location "${path}" ${loc.where}`);
  }

  await loader.parseBlock(reader, sub(http, 'h'));
  if (lateErrors.length > 0) throw new ConfError(lateErrors[0]!, '');
  const defaults = new Set<string>();
  for (const s of http.servers) {
    for (const l of s.listens.filter((x) => x.defaultServer)) {
      const key = `${l.address}:${l.port}`;
      if (defaults.has(key)) throw new ConfError(`a duplicate default server for ${key} ${l.where}`, '');
      defaults.add(key);
    }
  }
  return http;
}
