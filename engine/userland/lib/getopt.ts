/**
 * Option parsing as busybox applets on alpine do it: POSIX getopt as musl
 * implements it. Options come first; parsing stops at the first operand or
 * at "--" (musl does not reorder argv, so `ls /tmp -l` treats -l as a file).
 * Clustered flags (`-la`), arguments attached or separate (`-n5`, `-n 5`).
 *
 *     const r = getopt(argv, 'alR1dhn:');
 *     if ('error' in r) …  // r.error is musl's message, e.g. "unrecognized option: z"
 *     r.has('l'); r.value('n'); r.count('v'); r.operands
 */
export interface Parsed {
  /** Every option in order, with its argument if it takes one. */
  seen: { option: string; value?: string }[];
  operands: string[];
  has(option: string): boolean;
  count(option: string): number;
  /** The last argument given to an option. */
  value(option: string): string | undefined;
  /** Every argument given to a repeatable option. */
  values(option: string): string[];
}

export function getopt(argv: readonly string[], spec: string, options: { long?: Record<string, string> } = {}): Parsed | { error: string } {
  const takesArg = new Set<string>();
  const known = new Set<string>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === ':') continue;
    known.add(c);
    if (spec[i + 1] === ':') takesArg.add(c);
  }
  const seen: Parsed['seen'] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (options.long && arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const short = options.long[name!];
      if (short === undefined) return { error: `unrecognized option: ${arg}` };
      if (takesArg.has(short)) {
        const value = inline ?? argv[++i];
        if (value === undefined) return { error: `option requires an argument: ${arg}` };
        seen.push({ option: short, value });
      } else seen.push({ option: short });
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (!known.has(c)) return { error: `unrecognized option: ${c}` };
      if (takesArg.has(c)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) return { error: `option requires an argument: ${c}` };
        seen.push({ option: c, value });
        break;
      }
      seen.push({ option: c });
    }
  }
  const operands = argv.slice(i);
  return {
    seen,
    operands,
    has: (o) => seen.some((s) => s.option === o),
    count: (o) => seen.filter((s) => s.option === o).length,
    value: (o) => seen.filter((s) => s.option === o).pop()?.value,
    values: (o) => seen.filter((s) => s.option === o).map((s) => s.value!),
  };
}
