// Expectations follow distribution/reference (normalize_test.go, reference_test.go)
// and go-digest v1.0.0, the versions moby vendors; the notes say which Go rule
// each surprising case comes from.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import {
  familiarName,
  familiarString,
  formatReference,
  parseNormalizedNamed,
  parseReference,
  validateTag,
  type Reference,
} from './reference.ts';

const D = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
const HEX = D.slice('sha256:'.length);
const D384 = 'sha384:' + 'a'.repeat(96);
const D512 = 'sha512:' + 'f'.repeat(128);

interface Valid {
  input: string;
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
  /** familiarString, when it is not simply the input. */
  familiar?: string;
}

// parseReference: domain, path, tag (with the default), digest.
const valid: Valid[] = [
  // Docker Hub and its normalizations.
  { input: 'alpine', domain: 'docker.io', path: 'library/alpine', tag: 'latest', familiar: 'alpine:latest' },
  { input: 'alpine:3.20', domain: 'docker.io', path: 'library/alpine', tag: '3.20' },
  { input: `alpine@${D}`, domain: 'docker.io', path: 'library/alpine', digest: D },
  { input: `alpine:3.20@${D}`, domain: 'docker.io', path: 'library/alpine', tag: '3.20', digest: D },
  { input: 'ubuntu', domain: 'docker.io', path: 'library/ubuntu', tag: 'latest', familiar: 'ubuntu:latest' },
  { input: 'library/ubuntu', domain: 'docker.io', path: 'library/ubuntu', tag: 'latest', familiar: 'ubuntu:latest' },
  { input: 'docker.io/ubuntu', domain: 'docker.io', path: 'library/ubuntu', tag: 'latest', familiar: 'ubuntu:latest' },
  { input: 'docker.io/library/ubuntu:22.04', domain: 'docker.io', path: 'library/ubuntu', tag: '22.04', familiar: 'ubuntu:22.04' },
  { input: 'index.docker.io/ubuntu', domain: 'docker.io', path: 'library/ubuntu', tag: 'latest', familiar: 'ubuntu:latest' },
  { input: 'index.docker.io/library/ubuntu', domain: 'docker.io', path: 'library/ubuntu', tag: 'latest', familiar: 'ubuntu:latest' },
  { input: 'index.docker.io/learner/app', domain: 'docker.io', path: 'learner/app', tag: 'latest', familiar: 'learner/app:latest' },
  { input: 'foo/bar', domain: 'docker.io', path: 'foo/bar', tag: 'latest', familiar: 'foo/bar:latest' },
  { input: 'learner/app:v1', domain: 'docker.io', path: 'learner/app', tag: 'v1' },
  { input: 'docker.io/learner/app:v1', domain: 'docker.io', path: 'learner/app', tag: 'v1', familiar: 'learner/app:v1' },
  // Only single-component names are official: the "library/" prefix stays here.
  { input: 'library/foo/bar', domain: 'docker.io', path: 'library/foo/bar', tag: 'latest', familiar: 'library/foo/bar:latest' },
  { input: 'docker.io/store/foo/bar', domain: 'docker.io', path: 'store/foo/bar', tag: 'latest', familiar: 'store/foo/bar:latest' },
  { input: 'other/library', domain: 'docker.io', path: 'other/library', tag: 'latest', familiar: 'other/library:latest' },
  { input: 'test_com/foo', domain: 'docker.io', path: 'test_com/foo', tag: 'latest', familiar: 'test_com/foo:latest' },

  // Other registries: no "library/" prefix, the domain stays in familiar forms.
  { input: 'myregistry.local/foo', domain: 'myregistry.local', path: 'foo', tag: 'latest', familiar: 'myregistry.local/foo:latest' },
  { input: 'myregistry.local:5000/foo/bar/baz', domain: 'myregistry.local:5000', path: 'foo/bar/baz', tag: 'latest', familiar: 'myregistry.local:5000/foo/bar/baz:latest' },
  { input: 'ghcr.io/owner/repo/sub:1.0', domain: 'ghcr.io', path: 'owner/repo/sub', tag: '1.0' },
  { input: 'localhost/x', domain: 'localhost', path: 'x', tag: 'latest', familiar: 'localhost/x:latest' },
  { input: 'localhost:5000/x', domain: 'localhost:5000', path: 'x', tag: 'latest', familiar: 'localhost:5000/x:latest' },
  { input: 'localhost:5000/x:dev', domain: 'localhost:5000', path: 'x', tag: 'dev' },
  { input: 'test:5000/repo', domain: 'test:5000', path: 'repo', tag: 'latest', familiar: 'test:5000/repo:latest' },
  { input: 'test-com:8080/foo', domain: 'test-com:8080', path: 'foo', tag: 'latest', familiar: 'test-com:8080/foo:latest' },
  { input: `test:5000/repo:tag@${D}`, domain: 'test:5000', path: 'repo', tag: 'tag', digest: D },
  { input: '127.0.0.1:5000/library/debian', domain: '127.0.0.1:5000', path: 'library/debian', tag: 'latest', familiar: '127.0.0.1:5000/library/debian:latest' },
  { input: '192.168.1.1/repo', domain: '192.168.1.1', path: 'repo', tag: 'latest', familiar: '192.168.1.1/repo:latest' },
  { input: '192.168.1.1:5000/repo:5050', domain: '192.168.1.1:5000', path: 'repo', tag: '5050' },
  { input: 'sub-dom1.foo.com/bar/baz/quux:some-long-tag', domain: 'sub-dom1.foo.com', path: 'bar/baz/quux', tag: 'some-long-tag' },
  { input: 'b.gcr.io/test.example.com/my-app:test.example.com', domain: 'b.gcr.io', path: 'test.example.com/my-app', tag: 'test.example.com' },
  { input: 'xn--n3h.com/myimage:xn--n3h.com', domain: 'xn--n3h.com', path: 'myimage', tag: 'xn--n3h.com' },
  { input: `xn--7o8h.com/myimage:xn--7o8h.com@${D512}`, domain: 'xn--7o8h.com', path: 'myimage', tag: 'xn--7o8h.com', digest: D512 },

  // IPv6 hosts, in brackets.
  { input: '[::1]:5000/x', domain: '[::1]:5000', path: 'x', tag: 'latest', familiar: '[::1]:5000/x:latest' },
  { input: '[::1]/x', domain: '[::1]', path: 'x', tag: 'latest', familiar: '[::1]/x:latest' },
  { input: '[2001:db8::]:5000/repo', domain: '[2001:db8::]:5000', path: 'repo', tag: 'latest', familiar: '[2001:db8::]:5000/repo:latest' },
  { input: '[2001:db8:1:2:3:4:5:6]/repo:tag', domain: '[2001:db8:1:2:3:4:5:6]', path: 'repo', tag: 'tag' },
  { input: `[2001:db8::1]:5000/repo:tag@${D}`, domain: '[2001:db8::1]:5000', path: 'repo', tag: 'tag', digest: D },
  { input: '[fc00:1:2:3:4:5:6:7]:5000/library/debian', domain: '[fc00:1:2:3:4:5:6:7]:5000', path: 'library/debian', tag: 'latest', familiar: '[fc00:1:2:3:4:5:6:7]:5000/library/debian:latest' },

  // Separators: ".", "_", "__" and any run of "-".
  { input: 'learner/a.b_c__d-e---f', domain: 'docker.io', path: 'learner/a.b_c__d-e---f', tag: 'latest', familiar: 'learner/a.b_c__d-e---f:latest' },
  { input: 'docker---rules/docker', domain: 'docker.io', path: 'docker---rules/docker', tag: 'latest', familiar: 'docker---rules/docker:latest' },
  { input: 'dock__er/docker', domain: 'docker.io', path: 'dock__er/docker', tag: 'latest', familiar: 'dock__er/docker:latest' },
  { input: 'd/docker', domain: 'docker.io', path: 'd/docker', tag: 'latest', familiar: 'd/docker:latest' },
  { input: 'ubuntu-12.04-base', domain: 'docker.io', path: 'library/ubuntu-12.04-base', tag: 'latest', familiar: 'ubuntu-12.04-base:latest' },

  // Tags: word characters, "." and "-", not first; up to 128; any case.
  { input: 'lowercase:Uppercase', domain: 'docker.io', path: 'library/lowercase', tag: 'Uppercase' },
  { input: 'alpine:_under', domain: 'docker.io', path: 'library/alpine', tag: '_under' },
  { input: `alpine:v${'x'.repeat(127)}`, domain: 'docker.io', path: 'library/alpine', tag: `v${'x'.repeat(127)}` },

  // Digests go-digest can verify.
  { input: `alpine@${D384}`, domain: 'docker.io', path: 'library/alpine', digest: D384 },
  { input: `learner/app@${D512}`, domain: 'docker.io', path: 'learner/app', digest: D512 },
  { input: `localhost:5000/x@${D}`, domain: 'localhost:5000', path: 'x', digest: D },

  // Surprises, all as Docker does them.
  // An uppercase first component can only be a host (paths are lowercase).
  { input: 'Foo/bar', domain: 'Foo', path: 'bar', tag: 'latest', familiar: 'Foo/bar:latest' },
  { input: 'FOO/bar:v1', domain: 'FOO', path: 'bar', tag: 'v1' },
  // One component is never a host: this is library/localhost with tag 5000.
  { input: 'localhost:5000', domain: 'docker.io', path: 'library/localhost', tag: '5000', familiar: 'localhost:5000' },
  { input: 'localhost', domain: 'docker.io', path: 'library/localhost', tag: 'latest', familiar: 'localhost:latest' },
  { input: `sha256:${HEX}`, domain: 'docker.io', path: 'library/sha256', tag: HEX },
  // 64 hex digits are refused only on their own.
  { input: `docker.io/${HEX}`, domain: 'docker.io', path: `library/${HEX}`, tag: 'latest', familiar: `${HEX}:latest` },
  { input: `${HEX}:latest`, domain: 'docker.io', path: `library/${HEX}`, tag: 'latest' },
  { input: HEX.slice(1), domain: 'docker.io', path: `library/${HEX.slice(1)}`, tag: 'latest', familiar: `${HEX.slice(1)}:latest` },
  // "foo_bar.com" looks like a host to normalization ("."), but fails the host
  // grammar ("_"), so the grammar reads it as a path: the domain is empty.
  { input: 'foo_bar.com/x', domain: '', path: 'foo_bar.com/x', tag: 'latest', familiar: 'foo_bar.com/x:latest' },
  // The length limit counts the path, "library/" included, but not the domain.
  { input: 'a'.repeat(247), domain: 'docker.io', path: `library/${'a'.repeat(247)}`, tag: 'latest', familiar: `${'a'.repeat(247)}:latest` },
  { input: `myregistry.local/${'a'.repeat(255)}`, domain: 'myregistry.local', path: 'a'.repeat(255), tag: 'latest', familiar: `myregistry.local/${'a'.repeat(255)}:latest` },
];

describe('parseReference: valid references', () => {
  it.each(valid)('$input', (c) => {
    const ref = parseReference(c.input);
    const expected: Reference = { domain: c.domain, path: c.path, tag: c.tag, digest: c.digest };
    expect(ref).toEqual(expected);
    expect(familiarString(ref)).toBe(c.familiar ?? c.input);
  });
});

// Full and familiar names, with and without the default tag.
const normalized: [input: string, full: string, familiar: string][] = [
  ['ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
  ['library/ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
  ['docker.io/ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
  ['index.docker.io/ubuntu', 'docker.io/library/ubuntu', 'ubuntu'],
  ['foo/bar', 'docker.io/foo/bar', 'foo/bar'],
  ['index.docker.io/fooo/bar', 'docker.io/fooo/bar', 'fooo/bar'],
  ['myregistry.local/foo', 'myregistry.local/foo', 'myregistry.local/foo'],
  ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase'],
  ['example.com:8000/privatebasee', 'example.com:8000/privatebasee', 'example.com:8000/privatebasee'],
  ['docker.io/library/foo/bar', 'docker.io/library/foo/bar', 'library/foo/bar'],
  ['ubuntu:22.04', 'docker.io/library/ubuntu:22.04', 'ubuntu'],
  [`busybox:latest@${D}`, `docker.io/library/busybox:latest@${D}`, 'busybox'],
  [`redis@${D}`, `docker.io/library/redis@${D}`, 'redis'],
];

describe('parseNormalizedNamed: normalization without a default tag', () => {
  it.each(normalized)('%s', (input, full, familiar) => {
    const ref = parseNormalizedNamed(input);
    expect(formatReference(ref)).toBe(full);
    expect(familiarName(ref)).toBe(familiar);
  });

  it('adds no tag where parseReference adds latest', () => {
    expect(parseNormalizedNamed('alpine').tag).toBeUndefined();
    expect(formatReference(parseReference('alpine'))).toBe('docker.io/library/alpine:latest');
  });

  it('keeps both tag and digest, familiar string included', () => {
    const ref = parseReference(`busybox:latest@${D}`);
    expect(familiarString(ref)).toBe(`busybox:latest@${D}`);
    expect(formatReference(ref)).toBe(`docker.io/library/busybox:latest@${D}`);
  });
});

const FORMAT = 'invalid reference format';
const lowercase = (name: string): string => `invalid reference format: repository name (${name}) must be lowercase`;
const TOO_LONG = 'repository name must not be more than 255 characters';

const invalid: [input: string, message: string][] = [
  // The grammar.
  ['', FORMAT],
  ['alpine:', FORMAT],
  [':tag', FORMAT],
  [':justtag', FORMAT],
  ['a b', FORMAT],
  ['alpine::1', FORMAT],
  ['-alpine', FORMAT],
  ['alpine-', FORMAT],
  ['-docker/docker', FORMAT],
  ['docker-/docker', FORMAT],
  ['_docker/_docker', FORMAT],
  ['____/____', FORMAT],
  ['-docker.io/docker/docker', FORMAT],
  ['dock..er/docker', FORMAT],
  ['dock_.er/docker', FORMAT],
  ['dock-.er/docker', FORMAT],
  ['docker///docker', FORMAT],
  ['docker.io/docker///docker', FORMAT],
  ['docker/', FORMAT],
  ['aa/asdf$$^/aa', FORMAT],
  ['https://github.com/docker/docker', FORMAT],
  ['alpine:-tag', FORMAT],
  ['alpine:.tag', FORMAT],
  ['alpine:a/b', FORMAT],
  [`alpine:v${'x'.repeat(128)}`, FORMAT],
  [`@${D}`, FORMAT],
  ['alpine@sha256:abc', FORMAT], // fewer than 32 hex digits fails the grammar itself
  [`alpine@sha256:${'g'.repeat(64)}`, FORMAT],
  [`alpine@${D}:tag`, FORMAT],
  ['[fc00::1]', FORMAT],
  ['[fc00::1]:5000', FORMAT],
  ['[2001:db8::1]:tag', FORMAT],
  ['fc00::1:5000/debian', FORMAT],
  ['[fe80::1%eth0]:5000/debian', FORMAT],
  ['[2001:db8:3:4::192.0.2.33]:5000/debian', FORMAT],
  ['example.com:abc/foo', FORMAT],

  // Uppercase in the repository: the message names the normalized remote,
  // which is everything up to the first ":".
  ['Alpine', lowercase('library/Alpine')],
  ['ALPINE', lowercase('library/ALPINE')],
  ['Uppercase:tag', lowercase('library/Uppercase')],
  ['docker/Docker', lowercase('docker/Docker')],
  ['docker.io/docker/Docker', lowercase('docker/Docker')],
  ['index.docker.io/Alpine', lowercase('library/Alpine')],
  ['ghcr.io/Owner/app:v1', lowercase('Owner/app')],
  ['test:5000/Uppercase/lowercase:tag', lowercase('Uppercase/lowercase')],
  [`alpine@SHA256:${HEX}`, lowercase('library/alpine@SHA256')],
  [HEX.toUpperCase(), lowercase(`library/${HEX.toUpperCase()}`)],
  // Normalization took "Foo_bar.com" for a host; the grammar finds no host but
  // would accept the whole thing as a lowercase path.
  ['Foo_bar.com/x', 'repository name must be lowercase'],

  // A bare image id.
  [HEX, `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`],

  // Too long: the path, "library/" included.
  ['a'.repeat(248), TOO_LONG],
  [`${'a/'.repeat(128)}a:tag`, TOO_LONG],
  [`myregistry.local/${'a'.repeat(256)}`, TOO_LONG],
  [`${Array(9).fill('this_is_not_a_valid_namespace').join('_')}/docker`, TOO_LONG],

  // Digests, checked as go-digest does.
  [`alpine@sha256:${'f'.repeat(32)}`, 'invalid checksum digest length'],
  [`repo@sha256:${'f'.repeat(34)}`, 'invalid checksum digest length'],
  [`alpine@sha256:${HEX}0`, 'invalid checksum digest length'],
  [`alpine@sha512:${HEX}`, 'invalid checksum digest length'],
  [`alpine@sha256:${HEX.toUpperCase()}`, 'invalid checksum digest format'],
  [`alpine:1@SHA256:${HEX}`, 'invalid checksum digest format'],
  [`alpine@md5:${'f'.repeat(32)}`, 'unsupported digest algorithm'],
  [`validname@invaliddigest:${'f'.repeat(64)}`, 'unsupported digest algorithm'],
  [`alpine@sha256+b64:${HEX}`, 'unsupported digest algorithm'],
];

describe('parseReference: errors with Docker’s messages', () => {
  it.each(invalid)('%s', (input, message) => {
    let thrown: unknown;
    try {
      parseReference(input);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(EngineError);
    expect((thrown as EngineError).code).toBe('InvalidArgument');
    expect((thrown as EngineError).message).toBe(message);
    // parseNormalizedNamed fails the same way.
    expect(() => parseNormalizedNamed(input)).toThrow(message);
  });
});

describe('validateTag', () => {
  it.each(['latest', 'v1.0', '3.20-alpine', '_x', 'UPPER', 'A'.repeat(128), '5000'])('accepts %s', (tag) => {
    expect(() => validateTag(tag)).not.toThrow();
  });

  it.each(['', '-x', '.x', 'a/b', 'a b', 'a:b', 'a@b', 'A'.repeat(129), 'é'])('refuses %j', (tag) => {
    expect(() => validateTag(tag)).toThrowError(new EngineError('InvalidArgument', 'invalid tag format'));
  });
});

describe('formatting', () => {
  it('writes the full name, tag, then digest', () => {
    expect(formatReference({ domain: 'ghcr.io', path: 'o/app', tag: 'v1', digest: D })).toBe(`ghcr.io/o/app:v1@${D}`);
    expect(formatReference({ domain: 'docker.io', path: 'library/alpine', tag: undefined, digest: D })).toBe(`docker.io/library/alpine@${D}`);
  });

  it('round-trips: parsing the full form gives the same reference', () => {
    for (const c of valid) {
      const ref = parseReference(c.input);
      if (ref.domain === '') continue; // "foo_bar.com/x" has no domain to write back
      expect(parseReference(formatReference(ref))).toEqual(ref);
      expect(parseReference(familiarString(ref))).toEqual(ref);
    }
  });
});
