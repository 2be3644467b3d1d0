/**
 * The shell's variables: values, export and readonly flags, function-local
 * scopes (ash's `local`), and the special parameters ($?, $$, $!, $#, $@…)
 * that are computed rather than stored.
 */
import { isName } from './words.ts';

export interface Variable {
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
}

/** Thrown for errors that abort the current command with a message (ash's ash_msg_and_raise_error). */
export class ShellError extends Error {
  constructor(
    message: string,
    /** Exit status of the failed command; scripts that are not interactive exit with it. */
    readonly status = 2,
    /** Whether a non-interactive shell must exit (special builtin errors, expansion errors). */
    readonly fatal = true,
  ) {
    super(message);
  }
}

export class Variables {
  private readonly global = new Map<string, Variable>();
  /**
   * Accounts memory for values as they grow and shrink (the shell sets it to
   * its process's sys.memory, so `x=$x$x` in a loop meets the cgroup limit).
   */
  charge: (delta: number) => void = () => undefined;
  private uncharged = 0;
  /** Scopes of `local` variables, innermost last: the saved outer values. */
  private readonly scopes: Map<string, Variable | undefined>[] = [];

  constructor(env: readonly string[]) {
    for (const e of env) {
      const eq = e.indexOf('=');
      if (eq <= 0) continue;
      const name = e.slice(0, eq);
      if (!isName(name)) continue;
      this.global.set(name, { value: e.slice(eq + 1), exported: true, readonly: false });
    }
  }

  get(name: string): string | undefined {
    return this.global.get(name)?.value;
  }

  entry(name: string): Variable | undefined {
    return this.global.get(name);
  }

  set(name: string, value: string, options: { export?: boolean } = {}): void {
    const v = this.global.get(name);
    if (v?.readonly) throw new ShellError(`${name}: is read only`);
    // Charged in page-sized steps, not for every small assignment.
    this.uncharged += value.length - (v?.value?.length ?? 0);
    if (this.uncharged > 4096 || this.uncharged < -4096) {
      const delta = this.uncharged;
      this.uncharged = 0;
      this.charge(delta);
    }
    if (v) {
      v.value = value;
      if (options.export) v.exported = true;
    } else this.global.set(name, { value, exported: options.export ?? false, readonly: false });
  }

  unset(name: string): void {
    const v = this.global.get(name);
    if (v?.readonly) throw new ShellError(`${name}: is read only`);
    if (!v) return;
    if (this.scopes.length > 0 && this.scopes[this.scopes.length - 1]!.has(name)) {
      v.value = undefined;
      return;
    }
    this.global.delete(name);
  }

  export(name: string, value?: string): void {
    const v = this.global.get(name);
    if (value !== undefined) this.set(name, value, { export: true });
    else if (v) v.exported = true;
    else this.global.set(name, { value: undefined, exported: true, readonly: false });
  }

  unexport(name: string): void {
    const v = this.global.get(name);
    if (v) v.exported = false;
  }

  readonly(name: string, value?: string): void {
    if (value !== undefined) this.set(name, value);
    const v = this.global.get(name);
    if (v) v.readonly = true;
    else this.global.set(name, { value: undefined, exported: false, readonly: true });
  }

  /** Enters a function: `local` names from now on are restored when it returns. */
  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    const scope = this.scopes.pop();
    if (!scope) return;
    for (const [name, saved] of scope) {
      if (saved) this.global.set(name, saved);
      else this.global.delete(name);
    }
  }

  get inFunction(): boolean {
    return this.scopes.length > 0;
  }

  /** `local name[=value]`: remembers the outer variable to restore it later. */
  local(name: string, value: string | undefined): void {
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) throw new ShellError('local: not in a function');
    if (!scope.has(name)) {
      const v = this.global.get(name);
      scope.set(name, v ? { ...v } : undefined);
    }
    if (value !== undefined) this.set(name, value);
    else if (!this.global.has(name)) this.global.set(name, { value: undefined, exported: false, readonly: false });
  }

  /** The environment for a child: exported variables that have a value, plus `extra`. */
  environment(extra: Map<string, string> = new Map()): string[] {
    const env = new Map<string, string>();
    for (const [name, v] of this.global) if (v.exported && v.value !== undefined) env.set(name, v.value);
    for (const [name, value] of extra) env.set(name, value);
    return [...env].map(([k, v]) => `${k}=${v}`);
  }

  names(): string[] {
    return [...this.global.keys()].sort();
  }

  /** A copy for a subshell, which starts with everything its parent had. */
  clone(): Variables {
    const copy = new Variables([]);
    for (const [name, v] of this.global) copy.global.set(name, { ...v });
    for (const s of this.scopes) copy.scopes.push(new Map([...s].map(([k, v]) => [k, v ? { ...v } : undefined])));
    return copy;
  }
}
