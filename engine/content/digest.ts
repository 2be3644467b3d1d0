/**
 * Content digests: "sha256:" followed by the lowercase hex of the SHA-256 of
 * the bytes. Everything in an image is named this way, so two equal blobs are
 * one blob, and a blob cannot be changed without changing its name.
 * Validation follows opencontainers/go-digest, which Docker uses.
 */
import { EngineError } from '../errors.ts';
import type { Platform } from '../platform/types.ts';

const HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

export interface ParsedDigest {
  algorithm: string;
  hex: string;
}

/** Splits and checks a digest, throwing go-digest's messages. */
export function parseDigest(digest: string): ParsedDigest {
  const colon = digest.indexOf(':');
  if (colon < 0 || colon === digest.length - 1) throw new EngineError('InvalidArgument', 'invalid checksum digest format');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/.test(algorithm)) throw new EngineError('InvalidArgument', 'invalid checksum digest format');
  const length = HEX_LENGTH[algorithm];
  if (length === undefined) throw new EngineError('InvalidArgument', 'unsupported digest algorithm');
  if (hex.length !== length) throw new EngineError('InvalidArgument', 'invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(hex)) throw new EngineError('InvalidArgument', 'invalid checksum digest format');
  return { algorithm, hex };
}

export const isDigest = (s: string): boolean => {
  try {
    parseDigest(s);
    return true;
  } catch {
    return false;
  }
};

export async function sha256Digest(platform: Platform, data: Uint8Array): Promise<string> {
  return 'sha256:' + (await platform.sha256(data));
}

/** The 12-character short form Docker prints for image and container ids. */
export const shortId = (digest: string): string => digest.replace(/^sha256:/, '').slice(0, 12);
