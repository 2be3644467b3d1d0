import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { nodePlatform } from '../platform/node/index.ts';
import { utf8 } from '../common/bytes.ts';
import { ContentStore } from './store.ts';
import { parseDigest } from './digest.ts';

const sha = (s: string) => 'sha256:' + createHash('sha256').update(s).digest('hex');

describe('content store', () => {
  it('stores blobs under the sha256 of their bytes', async () => {
    const store = new ContentStore(nodePlatform());
    const d = await store.put(utf8('hello'));
    expect(d).toBe(sha('hello'));
    expect(new TextDecoder().decode(store.read(d))).toBe('hello');
    expect(store.info(d).size).toBe(5);
  });

  it('refuses a blob whose bytes do not match the expected digest, and keeps nothing', async () => {
    const store = new ContentStore(nodePlatform());
    await expect(store.put(utf8('evil'), { expected: sha('good') })).rejects.toThrow(
      `unexpected commit digest ${sha('evil')}, expected ${sha('good')}: failed precondition`,
    );
    expect(store.walk()).toEqual([]);
    expect(store.has(sha('evil'))).toBe(false);
  });

  it('refuses a truncated blob by its size', async () => {
    const store = new ContentStore(nodePlatform());
    const w = store.ingest({ expected: sha('complete'), size: 8 });
    w.write(utf8('compl'));
    await expect(w.commit()).rejects.toThrow('unexpected commit size 5, expected 8: failed precondition');
    expect(store.walk()).toEqual([]);
  });

  it('checks the expected digest before ingesting anything', () => {
    const store = new ContentStore(nodePlatform());
    expect(() => store.ingest({ expected: 'sha256:abc' })).toThrow('invalid checksum digest length');
    expect(() => store.ingest({ expected: 'md5:abc' })).toThrow('unsupported digest algorithm');
  });

  it('counts references and collects what nothing refers to, cascading', async () => {
    const store = new ContentStore(nodePlatform());
    const layer = await store.put(utf8('shared layer'));
    const own1 = await store.put(utf8('layer of one'));
    const cfg1 = await store.put(utf8('{"config":1}'));
    const cfg2 = await store.put(utf8('{"config":2}'));
    const m1 = await store.put(utf8('manifest 1'), { children: [cfg1, layer, own1] });
    const m2 = await store.put(utf8('manifest 2'), { children: [cfg2, layer] });
    store.pin(m1, 'image:one');
    store.pin(m2, 'image:two');
    expect(store.refCount(layer)).toBe(2);
    expect(store.gc().removed).toEqual([]);

    store.unpin(m1, 'image:one');
    const first = store.gc();
    expect(first.removed.sort()).toEqual([m1, cfg1, own1].sort());
    expect(store.has(layer)).toBe(true);
    expect(store.refCount(layer)).toBe(1);

    store.unpin(m2, 'image:two');
    expect(store.gc().removed.sort()).toEqual([m2, cfg2, layer].sort());
    expect(store.walk()).toEqual([]);
  });
});

describe('digests', () => {
  it('validates like go-digest', () => {
    expect(parseDigest(sha('x')).algorithm).toBe('sha256');
    expect(() => parseDigest('sha256')).toThrow('invalid checksum digest format');
    expect(() => parseDigest('sha256:' + 'A'.repeat(64))).toThrow('invalid checksum digest format');
    expect(() => parseDigest('sha512:' + 'a'.repeat(64))).toThrow('invalid checksum digest length');
  });
});
