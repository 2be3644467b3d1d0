/** Times as Docker writes them in JSON: Go's RFC 3339 with nanoseconds, trailing zeros trimmed. */

/** Go's zero time, which Docker shows for "never" (a container not yet started). */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** `2024-10-16T12:00:00.123456789Z` from milliseconds (with optional extra nanoseconds). */
export function rfc3339Nano(ms: number, extraNanos = 0): string {
  const whole = Math.floor(ms);
  const nanos = Math.round((ms - whole) * 1e6) + (whole % 1000) * 1e6 + extraNanos;
  const base = new Date(whole - (whole % 1000)).toISOString().slice(0, 19);
  if (nanos === 0) return `${base}Z`;
  return `${base}.${String(nanos).padStart(9, '0').replace(/0+$/, '')}Z`;
}

/** Parses what rfc3339Nano writes (and any RFC 3339 date) back to milliseconds; NaN if it is not one. */
export function parseRfc3339(text: string): number {
  if (text === ZERO_TIME) return 0;
  return Date.parse(text);
}
