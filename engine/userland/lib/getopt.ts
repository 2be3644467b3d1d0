/**
 * Option parsing as busybox applets on alpine really do it. Busybox is built
 * with long options there, so getopt32 calls musl's getopt_long, which:
 *
 * - permutes: options may follow operands (`ls /tmp -l`, `rm dir -rf`,
 *   `date +%s -u`), unless the option string starts with '+' (env, timeout,
 *   find, xargs stop at the first operand); "--" ends the options;
 * - takes clustered flags (`-la`) and arguments attached or separate
 *   (`-n5`, `-n 5`); "x::" is an optional argument, attached only
 *   (`date -Iseconds`, `sed -i.bak`);
 * - accepts long options abbreviated to a unique prefix (`--ut` for
 *   `--utc`), with `--name=value` or `--name value`.
 *
 *     const r = getopt(argv, 'alR1dhn:', { numeric: 'n', color: ['c', 2] });
 *     if ('error' in r) …  // musl's message, e.g. "unrecognized option: z"
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

/**
 * Long option name → the short option it stands for. As a plain string, it
 * takes an argument when the short option does; as a pair, 0 none, 1
 * required, 2 optional (`--color` or `--color=never`).
 */
export type LongOptions = Record<string, string | [string, 0 | 1 | 2]>;

export function parsed(seen: Parsed['seen'], operands: string[]): Parsed {
  return {
    seen,
    operands,
    has: (o) => seen.some((s) => s.option === o),
    count: (o) => seen.filter((s) => s.option === o).length,
    value: (o) => seen.filter((s) => s.option === o).pop()?.value,
    values: (o) => seen.filter((s) => s.option === o).map((s) => s.value!),
  };
}

export function getopt(argvIn: readonly string[], optstring: string, longIn: LongOptions = {}): Parsed | { error: string } {
  const argv = [...argvIn];
  const argc = argv.length;
  const permuting = optstring[0] !== '+' && optstring[0] !== '-';
  const spec = optstring[0] === '+' || optstring[0] === '-' ? optstring.slice(1) : optstring;
  const takesArg = (c: string): 0 | 1 | 2 => {
    const i = spec.indexOf(c);
    return i < 0 || spec[i + 1] !== ':' ? 0 : spec[i + 2] === ':' ? 2 : 1;
  };
  const longopts: Record<string, [string, 0 | 1 | 2]> = {};
  for (const [name, v] of Object.entries(longIn)) longopts[name] = typeof v === 'string' ? [v, takesArg(v)] : v;
  const seen: Parsed['seen'] = [];
  let optind = 1;
  let optpos = 0;

  /** One step of musl's getopt: an option character, -1 at the end, or an error. */
  const shortOption = (): { c: string; arg?: string } | -1 | { error: string } => {
    const a = argv[optind];
    if (a === undefined) return -1;
    if (a[0] !== '-' || a.length < 2) return -1;
    if (a === '--') {
      optind++;
      return -1;
    }
    if (!optpos) optpos++;
    const c = a[optpos]!;
    optpos++;
    if (optpos >= a.length) {
      optind++;
      optpos = 0;
    }
    const i = spec.indexOf(c);
    if (i < 0 || c === ':') return { error: `unrecognized option: ${c}` };
    if (spec[i + 1] === ':') {
      let arg: string | undefined;
      if (spec[i + 2] !== ':' || optpos) {
        arg = argv[optind] === undefined ? undefined : argv[optind]!.slice(optpos);
        optind++;
        optpos = 0;
        if (optind > argc) return { error: `option requires an argument: ${c}` };
      }
      return { c, arg };
    }
    return { c };
  };

  const longOption = (): { c: string; arg?: string } | { error: string } | undefined => {
    const a = argv[optind]!;
    if (!(a[0] === '-' && a[1] === '-' && a.length > 2)) return undefined;
    const body = a.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let match: string | undefined;
    let cnt = 0;
    for (const long of Object.keys(longopts)) {
      if (long === name) {
        match = long;
        cnt = 1;
        break;
      }
      if (long.startsWith(name)) {
        match = long;
        cnt++;
      }
    }
    if (cnt === 1 && match !== undefined) {
      const [c, hasArg] = longopts[match]!;
      optind++;
      let arg: string | undefined;
      if (eq >= 0) {
        if (!hasArg) return { error: `option does not take an argument: ${match}` };
        arg = body.slice(eq + 1);
      } else if (hasArg === 1) {
        arg = argv[optind];
        if (arg === undefined) return { error: `option requires an argument: ${match}` };
        optind++;
      }
      return { c, arg };
    }
    optind++;
    return { error: `${cnt ? 'option is ambiguous' : 'unrecognized option'}: ${body}` };
  };

  for (;;) {
    if (optind >= argc) break;
    const skipped = optind;
    if (permuting && optpos === 0) {
      let i = optind;
      while (i < argc && !(argv[i]![0] === '-' && argv[i]!.length > 1)) i++;
      if (i >= argc) break;
      optind = i;
    }
    const resumed = optind;
    const r = (optpos === 0 ? longOption() : undefined) ?? shortOption();
    if (resumed > skipped) {
      // Move the option (and its argument) in front of the operands skipped over.
      const moved = argv.splice(resumed, optind - resumed);
      argv.splice(skipped, 0, ...moved);
      optind = skipped + moved.length;
    }
    if (r === -1) break;
    if ('error' in r) return r;
    seen.push(r.arg === undefined ? { option: r.c } : { option: r.c, value: r.arg });
  }
  return parsed(seen, argv.slice(optind));
}
