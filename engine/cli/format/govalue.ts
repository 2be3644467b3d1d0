/**
 * Go values as seen from JavaScript.
 *
 * Docker's `--format` templates run over Go values; ours run over plain JS data.
 * This file decides what Go type a JS value stands for, because that type shows
 * in output (`map[a:b]`, `[a b]`, `{1 2}`) and in error messages
 * (`can't evaluate field Foo in type *formatter.ContainerContext`):
 *
 * | JS value                         | Go kind   | Go type name                       |
 * |----------------------------------|-----------|------------------------------------|
 * | `undefined`                      | invalid   | (prints `<no value>` in templates) |
 * | `null`                           | nil       | a nil interface{}: `<no value>`    |
 * | `GoNil`                          | nil       | its type: `[]`, `map[]`, `<nil>`   |
 * | integral number, bigint          | int       | `int`                              |
 * | other number, `GoFloat`          | float     | `float64`                          |
 * | array (all strings)              | slice     | `[]string` (else `[]interface {}`) |
 * | `Uint8Array`                     | slice     | `[]uint8`                          |
 * | object marked with `goStruct`    | struct    | the name given                     |
 * | other object, `Map`              | map       | `map[string]string` or `map[string]interface {}` |
 *
 * Objects are maps unless marked: a missing key of a map prints `<no value>`,
 * a missing field of a struct is an execution error, exactly as in Go.
 * `json` keeps a plain object's key order (Go's JSON already sorted its maps, and
 * wrote its structs in field order); a `goMap` or JS `Map` is sorted again.
 *
 * @example
 *   typeName(['a'])                                  // "[]string"
 *   typeName(goStruct('*container.State', { … }))    // "*container.State"
 */

const GO_TYPE = Symbol.for('berth.goType');

interface GoTypeTag {
  kind: 'struct' | 'map';
  name: string;
}

/**
 * Mark `obj` as a Go struct (or pointer to struct) named `name`, e.g.
 * `'*formatter.ContainerContext'`. Its keys are fields; functions and getters
 * are methods. Returns `obj` itself.
 */
export function goStruct<T extends object>(name: string, obj: T): T {
  Object.defineProperty(obj, GO_TYPE, { value: { kind: 'struct', name }, enumerable: false });
  return obj;
}

/** Mark `obj` as a Go map with a named type, e.g. `'formatter.SubHeaderContext'`. */
export function goMap<T extends object>(name: string, obj: T): T {
  Object.defineProperty(obj, GO_TYPE, { value: { kind: 'map', name }, enumerable: false });
  return obj;
}

/**
 * A typed Go nil, for data whose Go type says more than JS `null` can: a nil
 * slice prints `[]`, a nil map `map[]`, a nil pointer `<nil>`, and a field of a
 * nil pointer fails with `nil pointer evaluating *container.Health.Status`.
 * (A plain `null` is a nil interface{}: it prints `<no value>` in templates.)
 *
 * @example
 *   goStruct('*container.State', { Health: new GoNil('*container.Health') })
 *   goStruct('*container.Config', { Entrypoint: new GoNil('strslice.StrSlice', 'slice') })
 */
export class GoNil {
  /** `kind` defaults from the type's spelling: `[]…` slice, `map[…` map, else pointer. */
  constructor(
    readonly type: string,
    readonly kind: 'slice' | 'map' | 'pointer' = type.startsWith('[]') ? 'slice' : type.startsWith('map[') ? 'map' : 'pointer',
  ) {}
}

/** A float64 that happens to be integral (template literal `1.0`); JS numbers cannot tell. */
export class GoFloat {
  constructor(readonly value: number) {}
}

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'func';

function tagOf(v: object): GoTypeTag | undefined {
  return (v as { [GO_TYPE]?: GoTypeTag })[GO_TYPE];
}

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    default:
      if (v === null || v instanceof GoNil) return 'nil';
      if (v instanceof GoFloat) return 'float';
      if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
      if (v instanceof Map) return 'map';
      return tagOf(v as object)?.kind ?? 'map';
  }
}

/** The Go type name a value stands for, as Go prints it in errors and %T. */
export function typeName(v: unknown): string {
  if (v instanceof GoNil) return v.type;
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    case 'func':
      return 'func()';
    case 'slice':
      if (v instanceof Uint8Array) return '[]uint8';
      return (v as unknown[]).every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
    default: {
      const tag = tagOf(v as object);
      if (tag !== undefined) return tag.name;
      return mapValues(v as object).every((e) => typeof e === 'string')
        ? 'map[string]string'
        : 'map[string]interface {}';
    }
  }
}

/** The name goStruct or goMap gave an object, or ''. */
export function tagName(v: unknown): string {
  return typeof v === 'object' && v !== null ? (tagOf(v)?.name ?? '') : '';
}

/** True for objects given a Go type name with goStruct or goMap. */
export function isNamed(v: unknown): boolean {
  return typeof v === 'object' && v !== null && tagOf(v) !== undefined;
}

/** A number as a JS number, whatever wrapper it came in. */
export function toNumber(v: unknown): number {
  if (v instanceof GoFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return v as number;
}

function mapValues(m: object): unknown[] {
  return m instanceof Map ? [...m.values()] : Object.values(m);
}

/** Map entries in fmtsort order: numbers numerically, strings by code point. */
export function sortedEntries(m: object): [unknown, unknown][] {
  const entries: [unknown, unknown][] = m instanceof Map ? [...m.entries()] : Object.entries(m);
  return entries.sort(([a], [b]) => compareKeys(a, b));
}

export function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = [...a].map((c) => c.codePointAt(0) as number);
    const y = [...b].map((c) => c.codePointAt(0) as number);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    }
    return x.length - y.length;
  }
  const na = toNumber(a);
  const nb = toNumber(b);
  if (typeof na === 'number' && typeof nb === 'number') return na - nb;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
