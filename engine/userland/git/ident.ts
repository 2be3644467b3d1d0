/**
 * Who made a commit, by git's rules (ident.c):
 *
 * - the name: GIT_AUTHOR_NAME (or _COMMITTER_), else author.name (or
 *   committer.name), else user.name, else the account's full name from
 *   /etc/passwd;
 * - the email: GIT_AUTHOR_EMAIL, else author.email, else user.email, else
 *   $EMAIL, else made up as user@host — and when the host has no domain
 *   ("berth" rather than "berth.example.org") git calls that address bogus
 *   and refuses to commit with "Author identity unknown".
 *
 * The email counts as "explicitly given" (so no "Committer:" notice after
 * the commit) when it came from configuration or the environment.
 */
import { fromUtf8 } from '../../common/bytes.ts';
import { readFile } from '../lib/io.ts';
import { passwd } from '../lib/users.ts';
import { rethrowControl, type Git } from './context.ts';
import { formatOffset, parseDate, type GitDate } from './date.ts';

export interface Ident {
  name: string;
  email: string;
  date: GitDate;
}

export type Role = 'author' | 'committer';

const ENV_HINT = `
*** Please tell me who you are.

Run

  git config --global user.email "you@example.com"
  git config --global user.name "Your Name"

to set your account's default identity.
Omit --global to set the identity only in this repository.

`;

const crud = (c: string) => c <= ' ' || ',:;<>"\\\''.includes(c);

/** strbuf_addstr_without_crud: trims "crud" at both ends and drops <, > and newlines. */
export function withoutCrud(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && crud(s[a]!)) a++;
  while (b > a && crud(s[b - 1]!)) b--;
  return s.slice(a, b).replace(/[<>\n]/g, '');
}

/** "Name <email> 1700000000 +0000", as in a commit header. */
export function formatIdent(ident: Ident): string {
  return `${ident.name} <${ident.email}> ${ident.date.seconds} ${formatOffset(ident.date.offset)}`;
}

/** Parses "Name <email> 1700000000 +0000". */
export function parseIdent(line: string): Ident {
  const m = /^(.*?) ?<([^>]*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!m) return { name: line, email: '', date: { seconds: 0, offset: 0 } };
  const tz = Number(m[4]!.slice(1));
  const off = Math.floor(tz / 100) * 60 + (tz % 100);
  return { name: m[1]!, email: m[2]!, date: { seconds: Number(m[3]), offset: m[4]![0] === '-' ? -off : off } };
}

interface Defaults {
  name: string;
  nameBogus: boolean;
  email: string;
  emailBogus: boolean;
  emailFromEnv: boolean;
}

/** The account's name and made-up address, as ident_default_name/email find them. */
async function defaults(g: Git): Promise<Defaults> {
  const uid = g.sys.geteuid();
  const me = (await passwd(g.sys)).find((p) => p.uid === uid);
  let name = 'unknown';
  let nameBogus = true;
  if (me) {
    nameBogus = false;
    name = '';
    for (const ch of me.gecos.split(',')[0] ?? '') name += ch === '&' ? me.name.charAt(0).toUpperCase() + me.name.slice(1) : ch;
    name = name.trim();
  }
  const env = g.getenv('EMAIL');
  if (env) return { name, nameBogus, email: env.trim(), emailBogus: false, emailFromEnv: true };
  const user = me?.name ?? 'unknown';
  let host: string;
  let emailBogus = false;
  const mailname = await readText(g, '/etc/mailname');
  if (mailname !== null && mailname.split('\n')[0]!.trim() !== '') host = mailname.split('\n')[0]!.trim();
  else {
    const node = g.sys.uname().nodename;
    if (node.includes('.')) host = node;
    else {
      const canonical = await canonicalName(g, node);
      if (canonical !== null) host = canonical;
      else {
        host = `${node}.(none)`;
        emailBogus = true;
      }
    }
  }
  return { name, nameBogus, email: `${user}@${host}`, emailBogus, emailFromEnv: false };
}

async function readText(g: Git, path: string): Promise<string | null> {
  try {
    return fromUtf8(await readFile(g.sys, path));
  } catch (err) {
    rethrowControl(err);
    return null;
  }
}

/** getaddrinfo's canonical name from /etc/hosts, when it has a domain. */
async function canonicalName(g: Git, host: string): Promise<string | null> {
  const hosts = await readText(g, '/etc/hosts');
  if (hosts === null) return null;
  for (const line of hosts.split('\n')) {
    const names = line.replace(/#.*/, '').trim().split(/\s+/).slice(1);
    if (names.includes(host)) return names[0]!.includes('.') ? names[0]! : null;
  }
  return null;
}

export interface IdentResult {
  ident: Ident;
  /** Whether the email was given by configuration or the environment (ident_is_sufficient). */
  explicit: boolean;
}

/**
 * fmt_ident with IDENT_STRICT: the author or committer of a new commit, or
 * git's complaint and exit 128. `date` overrides the date (--date, --amend).
 */
export async function strictIdent(g: Git, role: Role, now: number, date?: GitDate): Promise<IdentResult> {
  const upper = role.toUpperCase();
  const envName = g.getenv(`GIT_${upper}_NAME`);
  const envEmail = g.getenv(`GIT_${upper}_EMAIL`);
  const envDate = g.getenv(`GIT_${upper}_DATE`);
  const hint = async () => {
    await g.out.flush();
    await g.err.write(`${role === 'author' ? 'Author' : 'Committer'} identity unknown\n${ENV_HINT}`);
  };
  const cfg = g.config;
  const useConfigOnly = cfg.bool('user.useConfigOnly') === true;
  let d: Defaults | undefined;
  const def = async () => (d ??= await defaults(g));

  let email = envEmail;
  let explicit = envEmail !== undefined;
  if (email === undefined) email = cfg.get(`${role}.email`);
  if (email === undefined) {
    const user = cfg.get('user.email');
    if (user !== undefined) email = user;
    else {
      if (useConfigOnly) {
        await hint();
        return g.die('no email was given and auto-detection is disabled');
      }
      const dd = await def();
      email = dd.email;
      if (dd.emailBogus) {
        await hint();
        return g.die(`unable to auto-detect email address (got '${email}')`);
      }
      explicit = dd.emailFromEnv;
    }
  }
  if (email !== envEmail) explicit ||= cfg.get(`${role}.email`) !== undefined || cfg.get('user.email') !== undefined;

  let name = envName ?? cfg.get(`${role}.name`);
  let usingDefault = false;
  if (name === undefined) {
    const user = cfg.get('user.name');
    if (user !== undefined) name = user;
    else {
      if (useConfigOnly) {
        await hint();
        return g.die('no name was given and auto-detection is disabled');
      }
      const dd = await def();
      name = dd.name;
      usingDefault = true;
      if (dd.nameBogus) {
        await hint();
        return g.die(`unable to auto-detect name (got '${name}')`);
      }
    }
  }
  if (name === '') {
    if (usingDefault) await hint();
    return g.die(`empty ident name (for <${email}>) not allowed`);
  }
  if ([...name].every(crud)) return g.die(`name consists only of disallowed characters: ${name}`);

  let when: GitDate;
  if (date) when = date;
  else if (envDate !== undefined && envDate !== '') {
    const parsed = parseDate(envDate);
    if (!parsed) return g.die(`invalid date format: ${envDate}`);
    when = parsed;
  } else when = { seconds: Math.floor(now / 1000), offset: 0 };
  return { ident: { name: withoutCrud(name), email: withoutCrud(email), date: when }, explicit };
}

/** Whether ~/.gitconfig or the XDG file exists (which advice text to give). */
export function userConfigExists(g: Git): boolean {
  const home = g.getenv('HOME');
  const xdg = g.getenv('XDG_CONFIG_HOME') ?? (home ? `${home}/.config` : undefined);
  for (const p of [home ? `${home}/.gitconfig` : undefined, xdg ? `${xdg}/git/config` : undefined]) {
    if (p === undefined) continue;
    try {
      g.sys.stat(p);
      return true;
    } catch (err) {
      rethrowControl(err);
    }
  }
  return false;
}


/** fmt_ident without IDENT_STRICT (reflogs): never fails, whatever it finds. */
export async function looseIdent(g: Git, role: Role, now: number): Promise<Ident> {
  const upper = role.toUpperCase();
  const cfg = g.config;
  let d: Defaults | undefined;
  const def = async () => (d ??= await defaults(g));
  const email = g.getenv(`GIT_${upper}_EMAIL`) ?? cfg.get(`${role}.email`) ?? cfg.get('user.email') ?? (await def()).email;
  let name = g.getenv(`GIT_${upper}_NAME`) ?? cfg.get(`${role}.name`) ?? cfg.get('user.name') ?? (await def()).name;
  if (name === '') {
    const uid = g.sys.geteuid();
    name = (await passwd(g.sys)).find((p) => p.uid === uid)?.name ?? 'unknown';
  }
  const envDate = g.getenv(`GIT_${upper}_DATE`);
  const parsed = envDate ? parseDate(envDate) : null;
  return { name: withoutCrud(name), email: withoutCrud(email), date: parsed ?? { seconds: Math.floor(now / 1000), offset: 0 } };
}
