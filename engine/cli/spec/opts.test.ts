import { describe, expect, it } from 'vitest';
import { parseCPUs, parseDuration, parseInt, parseUint, ramInBytes, csvRecord } from './gostrconv.ts';
import { COMMANDS, findCommand } from './index.ts';
import { parseIP, parseMount, parseNetwork, parseUlimit, validateReference } from './opts.ts';

describe('Go number parsing', () => {
  it('ParseInt with base 0', () => {
    expect([parseInt('10'), parseInt('-0x10'), parseInt('0o17'), parseInt('017'), parseInt('0b101'), parseInt('1000')]).toEqual([10, -16, 15, 15, 5, 1000]);
    expect(parseInt('0x_1f')).toBe(31);
    expect(() => parseInt('1_000')).toThrow('strconv.ParseInt: parsing "1_000": invalid syntax');
    expect(() => parseInt('9223372036854775808')).toThrow('value out of range');
    expect(parseInt('-9223372036854775808')).toBe(-9223372036854775808);
    expect(() => parseUint('65536', 16)).toThrow('strconv.ParseUint: parsing "65536": value out of range');
    expect(() => parseUint('+1', 64)).toThrow('invalid syntax');
  });

  it('RAMInBytes', () => {
    expect([ramInBytes('32m'), ramInBytes('1.5g'), ramInBytes('10 KiB'), ramInBytes('512'), ramInBytes('2b'), ramInBytes('1e3')]).toEqual([33554432, 1610612736, 10240, 512, 2, 1000]);
    expect(() => ramInBytes('x')).toThrow("invalid size: 'x'");
    expect(() => ramInBytes('-1')).toThrow("invalid size: '-1'");
    expect(() => ramInBytes('32q')).toThrow("invalid suffix: 'q'");
    expect(() => ramInBytes('3mbb')).toThrow("invalid suffix: 'mbb'");
    expect(() => ramInBytes('1..5g')).toThrow('strconv.ParseFloat: parsing "1..5": invalid syntax');
  });

  it('NanoCPUs', () => {
    expect([parseCPUs('1.5'), parseCPUs('3/2'), parseCPUs('1e-3'), parseCPUs('-1'), parseCPUs('.5')]).toEqual([1.5e9, 1.5e9, 1e6, -1e9, 5e8]);
    expect(() => parseCPUs('0.0000000001')).toThrow('value is too precise');
    expect(() => parseCPUs('x')).toThrow('failed to parse x as a rational number');
  });

  it('durations', () => {
    expect([parseDuration('0'), parseDuration('1h2m3s'), parseDuration('1.5s'), parseDuration('-300ms'), parseDuration('2us')]).toEqual([0, 3723e9, 1.5e9, -3e8, 2000]);
    expect(() => parseDuration('5')).toThrow('time: missing unit in duration "5"');
    expect(() => parseDuration('5x')).toThrow('time: unknown unit "x" in duration "5x"');
    expect(() => parseDuration('')).toThrow('time: invalid duration ""');
  });

  it('CSV records', () => {
    expect(csvRecord('a,"b,c",d')).toEqual(['a', 'b,c', 'd']);
    expect(csvRecord('a,')).toEqual(['a', '']);
    expect(csvRecord('"x""y"')).toEqual(['x"y']);
    expect(() => csvRecord('a"b')).toThrow('bare " in non-quoted-field');
  });
});

describe('docker/cli option values', () => {
  it('mounts', () => {
    expect(parseMount('type=bind,src=./data,dst=/data,ro', '/home/me')).toEqual({ Type: 'bind', Source: '/home/me/data', Target: '/data', ReadOnly: true });
    expect(parseMount('target=/x,volume-opt=o=size=1m')).toMatchObject({ Type: 'volume', VolumeOptions: { DriverConfig: { Options: { o: 'size=1m' } } } });
    expect(parseMount('type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1770')).toMatchObject({ TmpfsOptions: { SizeBytes: 64 * 1024 * 1024, Mode: 0o1770 } });
    expect(() => parseMount('type=bind')).toThrow('target is required');
    expect(() => parseMount('type=bind,target=/x,volume-nocopy')).toThrow("cannot mix 'volume-*' options with mount type 'bind'");
  });

  it('networks and ulimits', () => {
    expect(parseNetwork('mynet')).toEqual({ Target: 'mynet' });
    expect(parseNetwork('name=n,alias=a,alias=b,ip=10.0.0.5')).toEqual({ Target: 'n', Aliases: ['a', 'b'], IPv4Address: '10.0.0.5' });
    expect(() => parseNetwork('alias=a')).toThrow('network name/id is not specified');
    expect(parseUlimit('nofile=1024:2048')).toEqual({ Name: 'nofile', Soft: 1024, Hard: 2048 });
    expect(parseUlimit('nproc=-1')).toEqual({ Name: 'nproc', Soft: -1, Hard: -1 });
    expect(() => parseUlimit('nofile=3:2')).toThrow('ulimit soft limit must be less than or equal to hard limit: 3 > 2');
  });

  it('IP addresses and references', () => {
    expect([parseIP('10.0.0.1'), parseIP('::1'), parseIP('fe80::1:2'), parseIP('::ffff:1.2.3.4')]).toEqual(['10.0.0.1', '::1', 'fe80::1:2', '::ffff:1.2.3.4']);
    expect([parseIP('1.2.3'), parseIP('256.1.1.1'), parseIP('x'), parseIP('1:2:3')]).toEqual([undefined, undefined, undefined, undefined]);
    for (const ok of ['alpine', 'alpine:3.20', 'localhost:5000/app:1', 'ghcr.io/a/b', 'UP/low']) expect(() => validateReference(ok)).not.toThrow();
    expect(() => validateReference('App')).toThrow('invalid reference format: repository name (library/App) must be lowercase');
    expect(() => validateReference('a:')).toThrow('invalid reference format');
  });
});

describe('the command table', () => {
  it('every command has unique flag names and shorthands, and runnable ones say how many arguments they take', () => {
    for (const spec of COMMANDS) {
      const names = spec.flags.map((f) => f.name);
      expect(new Set(names).size, spec.path.join(' ')).toBe(names.length);
      const shorts = spec.flags.filter((f) => f.short).map((f) => f.short);
      expect(new Set(shorts).size, spec.path.join(' ')).toBe(shorts.length);
      for (const f of spec.flags) if (f.target) expect(names, f.name).toContain(f.target);
      if (!spec.stub && !spec.hidden) expect(spec.args, spec.path.join(' ')).toBeDefined();
    }
  });

  it('finds commands by any name', () => {
    expect(findCommand(['rmi', 'x'])).toMatchObject({ path: ['rmi'], rest: ['x'], spec: { path: ['image', 'rm'] } });
    expect(findCommand(['image', 'remove'])).toMatchObject({ path: ['image', 'rm'] });
    expect(findCommand(['builder', 'build', '.'])).toMatchObject({ path: ['builder', 'build'], spec: { path: ['image', 'build'] } });
    expect(findCommand(['info'])).toMatchObject({ spec: { path: ['system', 'info'] } });
    expect(findCommand(['container'])).toMatchObject({ path: ['container'], rest: [] });
  });
});
