/**
 * Image references — the `alpine:3.20` or `ghcr.io/owner/app@sha256:…` a user
 * types — parsed and normalized exactly as Docker does
 * (github.com/distribution/reference, with digests checked like
 * opencontainers/go-digest).
 *
 * The grammar:
 *
 *     reference  := name [ ":" tag ] [ "@" digest ]
 *     name       := [ domain "/" ] path
 *     domain     := host [ ":" port ]           host: a DNS-like name, IPv4, or [IPv6]
 *     path       := component [ "/" component ]*
 *     component  := [a-z0-9]+ ( separator [a-z0-9]+ )*   separator: "." "_" "__" or any run of "-"
 *     tag        := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
 *     digest     := algorithm ":" hex            e.g. sha256 and 64 lowercase hex digits
 *
 * *Normalizing* turns the short, "familiar" form people type into the full one:
 * `alpine` → `docker.io/library/alpine:latest`, `learner/app` →
 * `docker.io/learner/app:latest`. The first path component counts as a domain
 * only when it is `localhost` or contains "." or ":" (or an uppercase letter);
 * otherwise the image is on Docker Hub.
 *
 *     const ref = parseReference('alpine');
 *     formatReference(ref); // 'docker.io/library/alpine:latest'
 *     familiarString(ref);  // 'alpine:latest'
 */
import { EngineError } from '../errors.ts';

export interface Reference {
  /** Registry host, with port if any: 'docker.io', 'localhost:5000', '[::1]:5000'. */
  domain: string;
  /** Repository inside the registry: 'library/alpine', 'learner/app'. */
  path: string;
  tag: string | undefined;
  /** 'sha256:<64 hex>'. */
  digest: string | undefined;
}

const DEFAULT_DOMAIN = 'docker.io';
/** What Docker Hub was called when it was "the Docker Index"; still accepted. */
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
/** Official images live in this namespace on Docker Hub. */
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
const NAME_TOTAL_LENGTH_MAX = 255;

// The grammar above, piece by piece, so each rule can be read on its own.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|-+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const pathPattern = `${pathComponent}(?:/${pathComponent})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
// Brackets around hex and colons only: no zone ids (%eth0), no embedded IPv4.
const ipv6Address = '\\[[a-fA-F0-9:]+\\]';
const domainPattern = `(?:${domainName}|${ipv6Address})(?::[0-9]+)?`;
const tagPattern = '\\w[\\w.-]{0,127}';
// The reference grammar accepts any algorithm and any case; go-digest then
// decides whether the digest is one it can verify (see checkDigest).
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/** Captures domain, path, tag and digest. A domain is taken whenever one fits. */
const referenceRegExp = new RegExp(`^(?:(${domainPattern})/)?(${pathPattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const tagRegExp = new RegExp(`^${tagPattern}$`);
/** A bare image id: too easily mistaken for a repository name, so refused as one. */
const identifierRegExp = /^[a-f0-9]{64}$/;

/**
 * go-digest's own check, which a digest must pass after the grammar above:
 * the algorithms it can verify and their lengths in (lowercase) hex digits.
 */
const digestHexLength: ReadonlyMap<string, number> = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);
const anyDigestRegExp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

const invalid = (message: string): EngineError => new EngineError('InvalidArgument', message);

/**
 * Parses and normalizes a reference as `docker pull`, `docker run` and
 * `docker tag` do, adding the tag `latest` when neither a tag nor a digest
 * is given.
 *
 *     parseReference('alpine')           // docker.io, library/alpine, tag 'latest'
 *     parseReference('alpine@sha256:…')  // tag undefined
 *     parseReference('localhost:5000/x') // localhost:5000, x, tag 'latest'
 */
export function parseReference(text: string): Reference {
  const ref = parseNormalizedNamed(text);
  if (ref.tag === undefined && ref.digest === undefined) ref.tag = DEFAULT_TAG;
  return ref;
}

/**
 * Parses and normalizes a reference without adding a default tag
 * (distribution's ParseNormalizedNamed).
 *
 *     parseNormalizedNamed('alpine') // docker.io, library/alpine, tag undefined
 */
export function parseNormalizedNamed(text: string): Reference {
  if (identifierRegExp.test(text)) {
    throw invalid(`invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`);
  }
  const [domain, remainder] = splitDockerDomain(text);
  // Docker checks case on everything before the first ":", which for
  // 'alpine@SHA256:…' includes the "@SHA256" of the digest.
  const colon = remainder.indexOf(':');
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    throw invalid(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  return parse(`${domain}/${remainder}`);
}

/**
 * Splits a familiar name into the domain and the rest, choosing Docker Hub
 * when the first component does not look like a host.
 */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  // A single component ('ubuntu', 'ubuntu:22.04', even 'localhost:5000') is
  // always an official image, never a host with a port.
  if (slash === -1) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];

  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (first === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, rest];
  } else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
    // Uppercase is never allowed in a path, so an uppercase first component
    // can only have been meant as a host.
    [domain, remainder] = [first, rest];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) {
    remainder = OFFICIAL_REPO_PREFIX + remainder; // 'docker.io/ubuntu' → 'docker.io/library/ubuntu'
  }
  return [domain, remainder];
}

/** Matches the grammar without normalizing (distribution's Parse). */
function parse(text: string): Reference {
  const match = referenceRegExp.exec(text);
  if (match === null) {
    if (referenceRegExp.test(text.toLowerCase())) throw invalid('repository name must be lowercase');
    throw invalid('invalid reference format');
  }
  // A first component that failed as a host ('foo_bar.com') falls back to
  // being part of the path, leaving the domain empty.
  const [, domain = '', path = '', tag, digest] = match;
  if (path.length > NAME_TOTAL_LENGTH_MAX) {
    throw invalid(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  if (digest !== undefined) checkDigest(digest);
  return { domain, path, tag, digest };
}

/** Rejects digests go-digest cannot verify, with its messages. */
function checkDigest(digest: string): void {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const length = digestHexLength.get(algorithm);
  if (length === undefined) {
    throw invalid(anyDigestRegExp.test(digest) ? 'unsupported digest algorithm' : 'invalid checksum digest format');
  }
  if (encoded.length !== length) throw invalid('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(encoded)) throw invalid('invalid checksum digest format');
}

/** The full, normalized form: 'docker.io/library/alpine:latest'. */
export function formatReference(ref: Reference): string {
  return withTagAndDigest(nameOf(ref.domain, ref.path), ref);
}

/** The short name Docker shows: 'alpine', 'learner/app', 'localhost:5000/x'. */
export function familiarName(ref: Reference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return nameOf(ref.domain, ref.path);
  const official = ref.path.startsWith(OFFICIAL_REPO_PREFIX) ? ref.path.slice(OFFICIAL_REPO_PREFIX.length) : undefined;
  // 'library/foo/bar' keeps its prefix: only single-component names are official.
  return official !== undefined && !official.includes('/') ? official : ref.path;
}

/** The short form with tag and digest: 'alpine:latest', 'alpine@sha256:…'. */
export function familiarString(ref: Reference): string {
  return withTagAndDigest(familiarName(ref), ref);
}

/** Checks a tag on its own, as the Engine API does for `docker tag`'s target tag. */
export function validateTag(text: string): void {
  if (!tagRegExp.test(text)) throw invalid('invalid tag format');
}

function nameOf(domain: string, path: string): string {
  return domain === '' ? path : `${domain}/${path}`;
}

function withTagAndDigest(name: string, ref: Reference): string {
  return name + (ref.tag === undefined ? '' : `:${ref.tag}`) + (ref.digest === undefined ? '' : `@${ref.digest}`);
}
