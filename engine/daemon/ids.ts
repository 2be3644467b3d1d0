import type { Platform } from '../platform/types.ts';

/** 64 hex digits from the platform's random source: container, exec, network and volume ids. */
export function randomHex(platform: Platform): string {
  return Array.from(platform.randomBytes(32), (b) => b.toString(16).padStart(2, '0')).join('');
}
