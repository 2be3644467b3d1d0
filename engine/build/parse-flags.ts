/**
 * The `--name=value` flags of one instruction, checked against the flags that
 * instruction accepts (BuildKit's instructions/bflag.go):
 *
 *     const flags = new Flags(['--from=build', '--link']);
 *     const from = flags.string('from');
 *     const link = flags.bool('link');
 *     flags.parse();            // throws "unknown flag: --bogus" for anything else
 *     from.value;               // 'build'
 *     link.value;               // 'true'
 *
 * A bool flag takes `--link`, `--link=true` or `--link=false`; string flags
 * need a value; a list flag (`--mount`, `--exclude`) may repeat. A lone `--`
 * ends the flags.
 */
import { withSuggestion } from './parse-go.ts';

type FlagType = 'bool' | 'string' | 'strings';

export class Flag {
  /** The value as text ('true'/'false' for a bool); the default until parsed. */
  value = '';
  /** Every value of a list flag, in order. */
  values: string[] = [];
  constructor(readonly name: string, readonly type: FlagType) {}
}

export class Flags {
  private readonly defined = new Map<string, Flag>();
  private readonly usedFlags = new Map<string, Flag>();
  private setupError: string | undefined;

  constructor(readonly args: readonly string[]) {}

  bool(name: string, def = false): Flag {
    const f = this.add(name, 'bool');
    f.value = def ? 'true' : 'false';
    return f;
  }

  string(name: string, def = ''): Flag {
    const f = this.add(name, 'string');
    f.value = def;
    return f;
  }

  strings(name: string): Flag {
    return this.add(name, 'strings');
  }

  /** True when the flag was given. */
  isUsed(name: string): boolean {
    return this.usedFlags.has(name);
  }

  /** Names of the flags given, in the order first given. */
  used(): string[] {
    return [...this.usedFlags.keys()];
  }

  /** Checks the flags as written against those defined; throws BuildKit's message. */
  parse(): void {
    if (this.setupError) throw new Error(`error setting up flags: ${this.setupError}`);
    for (const a of this.args) {
      if (a === '--') return;
      if (!a.startsWith('--')) throw new Error(`arg should start with -- : ${a}`);
      const eq = a.indexOf('=');
      const flagName = eq < 0 ? a : a.slice(0, eq);
      const value = eq < 0 ? '' : a.slice(eq + 1);
      const hasValue = eq >= 0;
      const name = flagName.slice(2);
      const flag = this.defined.get(name);
      if (!flag) throw new Error(withSuggestion(`unknown flag: ${flagName}`, name, [...this.defined.keys()].sort(), true));
      if (this.usedFlags.has(name) && flag.type !== 'strings') throw new Error(`duplicate flag specified: ${flagName}`);
      this.usedFlags.set(name, flag);
      switch (flag.type) {
        case 'bool':
          if (hasValue && value === '') throw new Error(`missing a value on flag: ${flagName}`);
          switch (value.toLowerCase()) {
            case 'true':
            case '':
              flag.value = 'true';
              break;
            case 'false':
              flag.value = 'false';
              break;
            default:
              throw new Error(`expecting boolean value for flag ${flagName}, not: ${value}`);
          }
          break;
        case 'string':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.value = value;
          break;
        case 'strings':
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          flag.values.push(value);
          break;
      }
    }
  }

  private add(name: string, type: FlagType): Flag {
    const flag = new Flag(name, type);
    if (this.defined.has(name)) this.setupError = `Duplicate flag defined: ${name}`;
    else this.defined.set(name, flag);
    return flag;
  }
}
