/**
 * The servers' pure parts, checked against their references: Redis's
 * CRC-64 test vector (crc64.c), RDB round trips, RESP framing and
 * sdssplitargs, stringmatchlen globbing; nginx's URI normalization,
 * location choice and configuration tokenizer.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../common/bytes.ts';
import { ConfReader, parse, type Directive } from './nginx/conf-parse.ts';
import { findLocation, normalizeUri } from './nginx/http.ts';
import type { Location } from './nginx/model.ts';
import { specialPage, statusLine } from './nginx/pages.ts';
import { formatRaw, formatTty, repr } from './redis/cli.ts';
import { crc64, decodeRdb, encodeRdb } from './redis/rdb.ts';
import { bin, parseReply, parseRequests, splitArgs } from './redis/resp.ts';
import { globMatch, Keyspace } from './redis/store.ts';

describe('redis pieces', () => {
  it('computes crc64 as crc64.c does', () => {
    expect(crc64(utf8('123456789'))).toBe(0xe9c6d914c4b8d9can);
  });

  it('writes RDB files it reads back, checksum and all', () => {
    const ks = new Keyspace(() => 1_700_000_000_000);
    ks.set(0, 'n', { type: 'string', value: '12345' });
    ks.set(0, 'big', { type: 'string', value: 'x'.repeat(20000) });
    ks.set(0, 'bin', { type: 'string', value: bin(new Uint8Array([0, 255, 10])) });
    ks.set(0, 'l', { type: 'list', value: ['a', 'b'] });
    ks.set(3, 'h', { type: 'hash', value: new Map([['f', 'v']]) });
    ks.set(3, 's', { type: 'set', value: new Set(['1', 'x']) });
    ks.expireAt(0, 'n', 1_700_000_100_000);
    ks.set(0, 'gone', { type: 'string', value: 'old' });
    ks.expireAt(0, 'gone', 1_600_000_000_000);
    const data = encodeRdb(ks, { ctimeSec: 1_700_000_000, usedMem: 900_000 });
    expect(bin(data.subarray(0, 9))).toBe('REDIS0012');
    const back = new Keyspace(() => 1_700_000_000_000);
    const aux: string[] = [];
    const r = decodeRdb(data, back, (k, v) => aux.push(`${k}=${v}`));
    expect(aux).toEqual(['redis-ver=7.4.1', 'redis-bits=64', 'ctime=1700000000', 'used-mem=900000', 'aof-base=0']);
    expect(r).toMatchObject({ loaded: 6, expired: 1 });
    expect(back.dbs[0]!.keys.get('big')).toEqual({ type: 'string', value: 'x'.repeat(20000) });
    expect(back.dbs[0]!.keys.get('bin')).toEqual({ type: 'string', value: '\x00\xff\n' });
    expect(back.dbs[0]!.expires.get('n')).toBe(1_700_000_100_000);
    expect(back.dbs[3]!.keys.get('s')).toEqual({ type: 'set', value: new Set(['1', 'x']) });
    data[20] = data[20]! ^ 1;
    expect(() => decodeRdb(data, new Keyspace(() => 0))).toThrow(/CRC error|Unknown|Unexpected/);
  });

  it('frames requests and replies as RESP2', () => {
    expect(parseRequests('*2\r\n$3\r\nGET\r\n$1\r\na\r\n*1\r\n$4\r\nPI')).toEqual({ requests: [['GET', 'a']], rest: '*1\r\n$4\r\nPI' });
    expect(parseRequests('set "a b" \'c\\\'d\'\r\nPING\n')).toEqual({ requests: [['set', 'a b', "c'd"], ['PING']], rest: '' });
    expect(splitArgs('"\\x41\\n" x')).toEqual(['A\n', 'x']);
    expect(splitArgs('"unbalanced')).toBeNull();
    const reply = parseReply('*3\r\n$1\r\na\r\n:5\r\n*1\r\n$-1\r\n')!.reply;
    expect(formatTty(reply)).toBe('1) "a"\n2) (integer) 5\n3) 1) (nil)\n');
    expect(formatRaw(reply)).toBe('a\n5\n');
    expect(repr('\xe9\t"')).toBe('"\\xe9\\t\\""');
    const eleven = { type: 'array' as const, value: Array.from({ length: 11 }, (_, i) => ({ type: 'integer' as const, value: i })) };
    expect(formatTty(eleven).split('\n').slice(8, 11)).toEqual([' 9) (integer) 8', '10) (integer) 9', '11) (integer) 10']);
  });

  it('matches keys as stringmatchlen does', () => {
    expect(globMatch('user:*', 'user:1')).toBe(true);
    expect(globMatch('h?llo', 'hallo')).toBe(true);
    expect(globMatch('h[^e]llo', 'hello')).toBe(false);
    expect(globMatch('h[a-b]llo', 'hbllo')).toBe(true);
    expect(globMatch('a\\*', 'a*')).toBe(true);
    expect(globMatch('*', '')).toBe(true);
  });
});

describe('nginx pieces', () => {
  it('normalizes URIs as ngx_http_parse_complex_uri does', () => {
    expect(normalizeUri('/a//b/./c/../d%20e')).toBe('/a/b/d e');
    expect(normalizeUri('/a/..')).toBe('/');
    expect(normalizeUri('/../etc/passwd')).toBeUndefined();
  });

  it('picks locations: exact, longest prefix, ^~, then regex in order', () => {
    const loc = (modifier: Location['modifier'], path: string): Location => ({ own: {}, modifier, path, regex: modifier.startsWith('~') ? new RegExp(path, modifier === '~*' ? 'i' : '') : undefined, locations: [], where: '' });
    const list = [loc('', '/'), loc('=', '/exact'), loc('^~', '/static/'), loc('~*', '\\.PNG$'), loc('', '/images/')];
    expect(findLocation(list, '/exact')!.modifier).toBe('=');
    expect(findLocation(list, '/images/a.png')!.modifier).toBe('~*');
    expect(findLocation(list, '/static/a.png')!.path).toBe('/static/');
    expect(findLocation(list, '/images/a.gif')!.path).toBe('/images/');
  });

  it('tokenizes the configuration grammar', async () => {
    const seen: Directive[] = [];
    const text = 'a "x y" \'z\';\nb\\;c ${var}{ }\n# comment\nd e;';
    await parse(new ConfReader(text, '/f.conf'), 'file', async (d, r) => {
      seen.push(d);
      if (d.block) await parse(r, 'block', async () => undefined);
    });
    expect(seen.map((d) => [d.name, d.args, d.block, d.line])).toEqual([
      ['a', ['x y', 'z'], false, 1],
      ['b\\;c', ['${var}'], true, 2], // nginx keeps a backslash it has no escape for
      ['d', ['e'], false, 4],
    ]);
    await expect(parse(new ConfReader('a "x"y;', '/f.conf'), 'file', async () => undefined)).rejects.toThrow('unexpected "y"');
  });

  it('words status lines and built-in pages as nginx does', () => {
    expect(statusLine(302)).toBe('HTTP/1.1 302 Moved Temporarily');
    expect(statusLine(299)).toBe('HTTP/1.1 299 ');
    expect(specialPage(302, 'on', false)).toContain('<title>302 Found</title>');
    expect(specialPage(404, 'off', false)).toContain('<hr><center>nginx</center>');
    expect(specialPage(404, 'on', true)!.length).toBe(153 + 6 * 67);
    expect(specialPage(200, 'on', false)).toBeUndefined();
  });
});
