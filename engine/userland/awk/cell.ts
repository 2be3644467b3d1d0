/**
 * awk's values, as busybox keeps them. A *cell* is one variable, array
 * element, field, constant or temporary: a string and a number, with flags
 * saying which is real.
 *
 * - A cell assigned a number is a number; converted to a string (for
 *   concatenation, or as an array index) it is formatted with CONVFMT,
 *   except integers, which print as integers ("%.6g" never shows 1e+06).
 * - A string that came from input — a field, getline, split(), ARGV,
 *   ENVIRON, -v — is a *strnum*: it compares as a number if it looks like
 *   one (" 12 ", "1e3", "0x1A": C's strtod decides), else as a string.
 * - A cell never assigned is both 0 and "", and compares as a number.
 * - Anything else (a constant string, a concatenation, substr()…) is a
 *   string, even "10": `"10" < "9"` is true.
 */
import type { AwkArray } from './array.ts';
import { strtod } from './numbers.ts';

export const NUMBER = 0x0001;
export const ARRAY = 0x0002;
/** The other representation has been computed too. */
export const CACHED = 0x0100;
/** From input: a strnum candidate. */
export const USER = 0x0200;
/** Assigning it has side effects (NF, $0, $n, FS, RS, IGNORECASE). */
export const SPECIAL = 0x0400;
/** A function parameter, standing for the caller's variable when used as an array. */
export const CHILD = 0x2000;
/** Assigned at least once. */
export const DIRTY = 0x4000;
const DONTTOUCH = ARRAY | SPECIAL | CHILD | DIRTY;

export class Cell {
  flags = 0;
  /** null is busybox's NULL: the empty string. */
  str: string | null = null;
  num = 0;
  array: AwkArray | undefined = undefined;
  /** For a function parameter: the argument it was passed. */
  parent: Cell | undefined = undefined;
  /** Side effects of assigning a SPECIAL cell. */
  special: ((cell: Cell) => void) | undefined = undefined;
  /** An intermediate result, not a variable: assigning its string may take it over. */
  temp = false;
}

/**
 * The operations on cells. They need CONVFMT, so an interpreter owns one
 * set; `format` turns a number into a string with a printf format.
 */
/** Strings longer than this are charged to the process's memory while a cell holds them. */
const BIG = 65536;

export class Values {
  /** What each cell holding a big string was charged. */
  private readonly charged = new WeakMap<Cell, number>();

  constructor(
    private readonly convfmt: () => string,
    private readonly format: (fmt: string, n: number) => string,
    /** Memory accounting (bytes more, or fewer). */
    private readonly charge: (bytes: number) => void = () => undefined,
  ) {}

  /** Empties a cell (clrvar): it keeps only its static flags. */
  clear(v: Cell): Cell {
    v.flags = (v.flags & DONTTOUCH) | DIRTY;
    if (v.str !== null && v.str.length > BIG) this.account(v, 0);
    v.str = null;
    return v;
  }

  private account(v: Cell, bytes: number): void {
    const before = this.charged.get(v) ?? 0;
    if (bytes === before) return;
    this.charge(bytes - before);
    if (bytes > 0) this.charged.set(v, bytes);
    else this.charged.delete(v);
  }

  setStr(v: Cell, s: string | null): Cell {
    this.clear(v);
    v.str = s === '' ? null : s;
    if (s !== null && s.length > BIG && !v.temp) this.account(v, s.length);
    if (v.flags & SPECIAL) v.special?.(v);
    return v;
  }

  /** A string from input: a strnum. */
  setUser(v: Cell, s: string): Cell {
    this.setStr(v, s);
    v.flags |= USER;
    return v;
  }

  setNum(v: Cell, n: number): Cell {
    this.clear(v);
    v.flags |= NUMBER;
    v.num = n;
    if (v.flags & SPECIAL) v.special?.(v);
    return v;
  }

  str(v: Cell): string {
    if ((v.flags & (NUMBER | CACHED)) === NUMBER) {
      v.str = this.format(this.convfmt(), v.num);
      v.flags |= CACHED;
    }
    return v.str ?? '';
  }

  num(v: Cell): number {
    if ((v.flags & (NUMBER | CACHED)) === 0) {
      v.num = 0;
      const s = v.str;
      if (s) {
        const n = strtod(s);
        v.num = n.value;
        if (v.flags & USER) {
          // A strnum stays numeric only if nothing but blanks follows.
          let end = n.end;
          while (s[end] === ' ' || s[end] === '\t') end++;
          if (end < s.length) v.flags &= ~USER;
        }
      } else v.flags &= ~USER;
      v.flags |= CACHED;
    }
    return v.num;
  }

  /** Compares as a number: a number, a numeric strnum, or never assigned. */
  isNumeric(v: Cell): boolean {
    this.num(v);
    return ((v.flags ^ DIRTY) & (NUMBER | USER | DIRTY)) !== 0;
  }

  isTrue(v: Cell): boolean {
    if (this.isNumeric(v)) return v.num !== 0;
    return v.str !== null && v.str !== '';
  }

  /** Assignment (copyvar): the value and its kind, not the array. */
  copy(dest: Cell, src: Cell): Cell {
    if (dest !== src) {
      this.clear(dest);
      dest.flags |= src.flags & ~DONTTOUCH;
      dest.num = src.num;
      dest.str = src.str;
      if (dest.str !== null && dest.str.length > BIG && !dest.temp) this.account(dest, dest.str.length);
    }
    if (dest.flags & SPECIAL) dest.special?.(dest);
    return dest;
  }
}

/** A temporary result holding a number. */
export const tempNumber = (n: number): Cell => numberCell(n, true);
/** A temporary result holding a string. */
export const tempString = (s: string): Cell => stringCell(s, true);

/** A fresh cell holding a number. */
export function numberCell(n: number, temp = false): Cell {
  const c = new Cell();
  c.flags = NUMBER | DIRTY;
  c.num = n;
  c.temp = temp;
  return c;
}

/** A fresh cell holding a string. */
export function stringCell(s: string, temp = false): Cell {
  const c = new Cell();
  c.flags = DIRTY;
  c.str = s === '' ? null : s;
  c.temp = temp;
  return c;
}
