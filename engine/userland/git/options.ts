/**
 * Option parsing as git's parse-options does it:
 * - options and arguments may be mixed (`git add a.txt -v`) until "--";
 * - short options cluster (`-am msg`) and take attached values (`-mmsg`);
 * - long options take `--name=value` or `--name value`, may be abbreviated
 *   to any unique prefix (`--am` is `--amend`), and `--no-name` negates;
 * - errors read "error: unknown option `x'" / "error: switch `m' requires a value",
 *   and the command exits 129 (with its usage for unknown options).
 *
 *     const r = parseOptions(args, [
 *       { id: 'message', short: 'm', long: 'message', arg: 'required', repeat: true },
 *       { id: 'all', short: 'a', long: 'all' },
 *     ]);
 */
export interface OptionSpec {
  /** The key the value is stored under. */
  id: string;
  short?: string;
  long?: string;
  /** Whether the option takes a value (default: none). */
  arg?: 'none' | 'required' | 'optional';
  /** Collect every value instead of keeping the last. */
  repeat?: boolean;
  /** `--no-<long>` is refused (git's PARSE_OPT_NONEG). */
  noNegate?: boolean;
  /** Counted flag (-v -v); the value is the count. */
  count?: boolean;
  /** The value must be an integer. */
  integer?: boolean;
}

export type OptionValue = boolean | string | number | string[] | null;

export interface ParsedOptions {
  /** id → value: true/false for flags, the string for values, a count, or a list. */
  values: Map<string, OptionValue>;
  /** Non-option arguments, in order. */
  args: string[];
  /** Whether "--" was seen, and how many arguments came before it. */
  dashdash: number | null;
  /** -NUM, when the command accepts it (git log -3). */
  number?: number;
  flag(id: string): boolean;
  str(id: string): string | undefined;
  list(id: string): string[];
  num(id: string): number | undefined;
  has(id: string): boolean;
}

export type ParseResult = ParsedOptions | { error: string; usage: boolean };

export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[], settings: { numeric?: boolean; stopAtNonOption?: boolean } = {}): ParseResult {
  const values = new Map<string, OptionValue>();
  const args: string[] = [];
  let dashdash: number | null = null;
  let number: number | undefined;

  const store = (spec: OptionSpec, value: string | true | false, name: string): string | null => {
    if (spec.count) {
      values.set(spec.id, value === false ? 0 : (Number(values.get(spec.id) ?? 0) || 0) + 1);
      return null;
    }
    if (value === false) {
      values.set(spec.id, spec.repeat ? [] : false);
      return null;
    }
    if (spec.integer && typeof value === 'string') {
      if (!/^-?\d+$/.test(value)) return `${name} expects a numerical value`;
      values.set(spec.id, Number(value));
      return null;
    }
    if (spec.repeat && typeof value === 'string') {
      const prev = values.get(spec.id);
      values.set(spec.id, [...(Array.isArray(prev) ? prev : []), value]);
      return null;
    }
    values.set(spec.id, value);
    return null;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      dashdash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (settings.stopAtNonOption) {
        args.push(...argv.slice(i));
        break;
      }
      args.push(arg);
      continue;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const inline = eq < 0 ? undefined : body.slice(eq + 1);
      const found = findLong(specs, name);
      if ('error' in found) return { error: found.error, usage: found.usage };
      const { spec, negated } = found;
      const label = negated ? `option \`no-${spec.long}'` : `option \`${spec.long}'`;
      const kind = spec.arg ?? 'none';
      if (negated || kind === 'none') {
        if (inline !== undefined) return { error: `${label} takes no value`, usage: false };
        const e = store(spec, !negated, label);
        if (e) return { error: e, usage: false };
        continue;
      }
      let value = inline;
      if (value === undefined && kind === 'required') {
        if (i + 1 >= argv.length) return { error: `${label} requires a value`, usage: false };
        value = argv[++i]!;
      }
      const e = store(spec, value ?? true, label);
      if (e) return { error: e, usage: false };
      continue;
    }
    // Short options, possibly clustered.
    if (settings.numeric && /^-\d+$/.test(arg)) {
      number = Number(arg.slice(1));
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      const spec = specs.find((s) => s.short === c);
      if (!spec) return { error: `unknown switch \`${c}'`, usage: true };
      const label = `switch \`${c}'`;
      const kind = spec.arg ?? 'none';
      if (kind === 'none') {
        const e = store(spec, true, label);
        if (e) return { error: e, usage: false };
        continue;
      }
      let value: string | undefined = arg.slice(j + 1);
      if (value === '') value = undefined;
      if (value === undefined && kind === 'required') {
        if (i + 1 >= argv.length) return { error: `${label} requires a value`, usage: false };
        value = argv[++i]!;
      }
      const e = store(spec, value ?? true, label);
      if (e) return { error: e, usage: false };
      break;
    }
  }

  const get = (id: string) => values.get(id);
  return {
    values,
    args,
    dashdash,
    number,
    flag: (id) => {
      const v = get(id);
      return v === true || (typeof v === 'number' && v > 0) || typeof v === 'string';
    },
    str: (id) => {
      const v = get(id);
      return typeof v === 'string' ? v : undefined;
    },
    list: (id) => {
      const v = get(id);
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    },
    num: (id) => {
      const v = get(id);
      return typeof v === 'number' ? v : undefined;
    },
    has: (id) => values.has(id),
  };
}

function findLong(specs: readonly OptionSpec[], name: string): { spec: OptionSpec; negated: boolean } | { error: string; usage: boolean } {
  const exact = specs.find((s) => s.long === name);
  if (exact) return { spec: exact, negated: false };
  if (name.startsWith('no-')) {
    const pos = specs.find((s) => s.long === name.slice(3) && !s.noNegate);
    if (pos) return { spec: pos, negated: true };
  }
  // A negative long option ("no-verify") can itself be given as its positive form.
  const negativeOf = specs.find((s) => s.long === `no-${name}`);
  if (negativeOf && !negativeOf.noNegate) return { spec: negativeOf, negated: true };
  // Unique abbreviations.
  const candidates: { spec: OptionSpec; negated: boolean }[] = [];
  for (const s of specs) {
    if (!s.long) continue;
    if (s.long.startsWith(name)) candidates.push({ spec: s, negated: false });
    else if (name.startsWith('no-') && !s.noNegate && s.long.startsWith(name.slice(3)) && name.length > 3) candidates.push({ spec: s, negated: true });
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    const [a, b] = candidates as [{ spec: OptionSpec; negated: boolean }, { spec: OptionSpec; negated: boolean }];
    const show = (c: typeof a) => `${c.negated ? 'no-' : ''}${c.spec.long}`;
    return { error: `ambiguous option: ${name} (could be --${show(a)} or --${show(b)})`, usage: true };
  }
  return { error: `unknown option \`${name}'`, usage: true };
}
