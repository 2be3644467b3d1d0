/**
 * Word expansion (POSIX 2.6, as busybox ash does it): tildes, parameters,
 * command substitution and arithmetic first; then the results of unquoted
 * expansions are split into fields on $IFS; then unquoted glob characters
 * match file names; quotes are gone at the end.
 *
 * Text is carried as segments that remember whether they may still be split
 * or globbed, because `"$x"*` and `$x"*"` differ exactly there.
 */
import { FsError } from '../../fs/errno.ts';
import type { Word, WordPart, ParameterPart } from './ast.ts';
import { ArithmeticError, evaluateArithmetic } from './arith.ts';
import { expandPathname, hasGlobMeta, matchPattern, removePrefix, removeSuffix, replacePattern } from './pattern.ts';
import { ShellError } from './vars.ts';
import type { Shell } from './shell.ts';

/** A piece of a field: text, and whether its glob characters are active. */
interface Segment {
  text: string;
  glob: boolean;
}

type Field = Segment[];

const DEFAULT_IFS = ' \t\n';

// ---- patterns ---------------------------------------------------------------

/** A pattern as text where a backslash makes the next character literal (pattern.ts's plain-string form). */
export type Pattern = string;

export { matchPattern };

const escapeGlob = (s: string) => s.replace(/[\\*?[\]]/g, '\\$&');

// ---- expansion ------------------------------------------------------------------

export class Expander {
  constructor(private readonly sh: Shell) {}

  private get ifs(): string {
    const v = this.sh.vars.get('IFS');
    return v === undefined ? DEFAULT_IFS : v;
  }

  /** Expands words into fields: the arguments of a command. */
  async fields(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      // The common case, a plain word (`[`, `-lt`, `done`): nothing to expand, split or match.
      const only = w.parts.length === 1 ? w.parts[0]! : undefined;
      if (only?.type === 'single' || (only?.type === 'literal' && (only.quoted || !/[*?[\\]/.test(only.text)) && only.text !== '')) {
        out.push(only.text);
        continue;
      }
      for (const field of await this.expandWord(w, true)) {
        const pattern = field.map((s) => (s.glob ? s.text : escapeGlob(s.text))).join('');
        if (!this.sh.options.noglob && field.some((s) => s.glob) && hasGlobMeta(pattern)) {
          const matches = this.glob(pattern);
          if (matches.length > 0) {
            out.push(...matches);
            continue;
          }
        }
        out.push(field.map((s) => s.text).join(''));
      }
    }
    return out;
  }

  /** Expands a word into one string: no splitting, no globbing (assignments, redirection targets, case words). */
  async text(word: Word): Promise<string> {
    const only = word.parts.length === 1 ? word.parts[0]! : undefined;
    if (only?.type === 'literal' || only?.type === 'single') return only.text;
    const fields = await this.expandWord(word, false);
    return fields.map((f) => f.map((s) => s.text).join('')).join(' ');
  }

  /** Expands a word as a pattern (case patterns, ${x#pattern}): quoted characters become literal. */
  async pattern(word: Word): Promise<Pattern> {
    const fields = await this.expandWord(word, false);
    return fields.map((f) => f.map((s) => (s.glob ? s.text : escapeGlob(s.text))).join('')).join(' ');
  }

  /**
   * Expands a word's parts. With `split`, the results of unquoted expansions
   * are divided on IFS; otherwise the word is one field.
   */
  async expandWord(word: Word, split: boolean): Promise<Field[]> {
    const fields: Field[] = [[]];
    /** Whether the current field exists even if empty ("" or a quoted part). */
    const present: boolean[] = [false];
    const cur = () => fields[fields.length - 1]!;
    const add = (text: string, glob: boolean, quoted: boolean) => {
      if (text !== '' || quoted) present[present.length - 1] = true;
      if (text !== '') cur().push({ text, glob });
    };
    const newField = () => {
      fields.push([]);
      present.push(false);
    };
    /**
     * Adds the result of an unquoted expansion, splitting it on IFS: runs of
     * IFS white space separate fields (and are dropped at either end); each
     * other IFS character separates fields too, so "a,,b" is three.
     */
    const addSplittable = (text: string) => {
      const ifs = this.ifs;
      if (!split || ifs === '') {
        add(text, true, false);
        return;
      }
      const isWhite = (c: string) => (c === ' ' || c === '\t' || c === '\n') && ifs.includes(c);
      let i = 0;
      let piece = '';
      while (i < text.length) {
        const c = text[i]!;
        if (!ifs.includes(c)) {
          piece += c;
          i++;
          continue;
        }
        // One delimiter: white space, at most one other IFS character, white space.
        let hard = false;
        while (i < text.length && isWhite(text[i]!)) i++;
        if (i < text.length && ifs.includes(text[i]!) && !isWhite(text[i]!)) {
          hard = true;
          i++;
          while (i < text.length && isWhite(text[i]!)) i++;
        }
        add(piece, true, false);
        piece = '';
        if (hard) present[present.length - 1] = true;
        if (present[present.length - 1] || cur().length > 0) newField();
      }
      add(piece, true, false);
    };

    const expandParts = async (parts: readonly WordPart[], quoted: boolean): Promise<void> => {
      for (const part of parts) {
        switch (part.type) {
          case 'literal':
            add(part.text, !quoted && !part.quoted, quoted || part.quoted);
            break;
          case 'single':
            add(part.text, false, true);
            break;
          case 'double':
            present[present.length - 1] = true;
            await expandParts(part.parts, true);
            break;
          case 'tilde': {
            const home = part.user === '' ? (this.sh.vars.get('HOME') ?? '') : await this.sh.homeOf(part.user);
            add(home ?? `~${part.user}`, false, true);
            break;
          }
          case 'param': {
            if ((part.name === '@' || part.name === '*') && part.op === 'get') {
              const args = this.sh.positional;
              if (part.name === '@' && quoted) {
                // "$@": one field per argument; nothing at all if there are none.
                args.forEach((a, i) => {
                  if (i > 0) newField();
                  add(a, false, true);
                });
                if (args.length === 0) present[present.length - 1] = present[present.length - 1]! && fields.length > 0 && cur().length > 0;
                break;
              }
              if (!quoted && split) {
                args.forEach((a, i) => {
                  if (i > 0 && present[present.length - 1]) newField();
                  addSplittable(a);
                });
                break;
              }
              const sep = (this.ifs[0] ?? '') as string;
              const joined = args.join(this.sh.vars.get('IFS') === undefined ? ' ' : sep);
              if (quoted) add(joined, false, true);
              else addSplittable(joined);
              break;
            }
            const value = await this.parameter(part, quoted);
            if (value === undefined) break;
            if (quoted) add(value, false, true);
            else addSplittable(value);
            break;
          }
          case 'command': {
            const out = await this.sh.commandSubstitution(part.body);
            if (quoted) add(out, false, true);
            else addSplittable(out);
            break;
          }
          case 'arith': {
            const expr = await this.text({ parts: [{ type: 'double', parts: part.expression.parts }] });
            const value = this.arithmetic(expr);
            if (quoted) add(value, false, true);
            else addSplittable(value);
            break;
          }
          case 'process': {
            const path = await this.sh.processSubstitution(part.direction, part.body);
            add(path, false, true);
            break;
          }
        }
      }
    };

    await expandParts(word.parts, false);
    const result: Field[] = [];
    fields.forEach((f, i) => {
      if (f.length > 0 || present[i]) result.push(f);
    });
    if (!split) return result.length > 0 ? [result.flat()] : [[]];
    return result;
  }

  arithmetic(expr: string): string {
    try {
      return String(
        evaluateArithmetic(expr, {
          get: (n) => {
            const v = this.sh.vars.get(n);
            if (v === undefined && this.sh.options.nounset) throw new ShellError(`${n}: parameter not set`);
            return v;
          },
          set: (n, v) => this.sh.vars.set(n, v),
        }),
      );
    } catch (err) {
      if (err instanceof ArithmeticError) throw new ShellError(err.message);
      throw err;
    }
  }

  /** The value of $name / ${name OP word}; undefined when it expands to nothing. */
  private async parameter(part: ParameterPart, quoted: boolean): Promise<string | undefined> {
    const sh = this.sh;
    const name = part.name;
    if (part.op === 'bad') throw new ShellError('syntax error: bad substitution');
    const value = sh.parameterValue(name);
    const isSet = value !== undefined;
    const operand = async () => (part.word ? await this.text(part.word) : '');
    switch (part.op) {
      case 'get':
        if (!isSet && sh.options.nounset && name !== '@' && name !== '*') throw new ShellError(`${name}: parameter not set`);
        return value;
      case 'length':
        if (!isSet && sh.options.nounset) throw new ShellError(`${name}: parameter not set`);
        if (name === '@' || name === '*') {
          // the length of "$*": the arguments joined by the first character of IFS
          const ifs = sh.vars.get('IFS');
          return String([...sh.positional.join(ifs === undefined ? ' ' : ifs.slice(0, 1))].length);
        }
        return String([...(value ?? '')].length);
      case '-':
      case ':-':
        return (part.op === '-' ? isSet : isSet && value !== '') ? value : await operand();
      case '=':
      case ':=':
        if (part.op === '=' ? isSet : isSet && value !== '') return value;
        if (!/^[A-Za-z_]/.test(name)) throw new ShellError(`${name}: bad variable name`);
        {
          const v = await operand();
          sh.vars.set(name, v);
          return v;
        }
      case '?':
      case ':?':
        if (part.op === '?' ? isSet : isSet && value !== '') return value;
        {
          const msg = part.word && part.word.parts.length > 0 ? await operand() : part.op === '?' ? 'parameter not set' : 'parameter not set or null';
          throw new ShellError(`${name}: ${msg}`);
        }
      case '+':
      case ':+':
        return (part.op === '+' ? isSet : isSet && value !== '') ? await operand() : undefined;
      case '#':
      case '##':
      case '%':
      case '%%': {
        if (!isSet && sh.options.nounset) throw new ShellError(`${name}: parameter not set`);
        const p = part.word ? await this.pattern(part.word) : '';
        const v = value ?? '';
        return part.op.startsWith('#') ? removePrefix(p, v, part.op === '##') : removeSuffix(p, v, part.op === '%%');
      }
      case 'substring': {
        const spec = await operand();
        const colon = spec.indexOf(':');
        const chars = [...(value ?? '')];
        let offset = Number(this.arithmetic(colon >= 0 ? spec.slice(0, colon) : spec) || '0');
        let length = colon >= 0 ? Number(this.arithmetic(spec.slice(colon + 1)) || '0') : chars.length;
        if (offset < 0) offset = Math.max(0, chars.length + offset);
        if (length < 0) length = Math.max(0, chars.length - offset + length);
        return chars.slice(offset, offset + length).join('');
      }
      case '/':
      case '//': {
        const p = part.word ? await this.pattern(part.word) : '';
        const r = part.replacement ? await this.text(part.replacement) : '';
        return replacePattern(p, value ?? '', r, part.op === '//');
      }
    }
    void quoted;
    return value;
  }

  /** Pathname expansion of one pattern: sorted matches, or nothing. */
  glob(pattern: Pattern): string[] {
    const sys = this.sh.sys;
    return (
      expandPathname(pattern, {
        readdir: (dir) => {
          try {
            return sys.readdir(dir);
          } catch (err) {
            if (err instanceof FsError) return undefined;
            throw err;
          }
        },
        exists: (path) => {
          try {
            sys.lstat(path);
            return true;
          } catch (err) {
            if (err instanceof FsError) return false;
            throw err;
          }
        },
      }) ?? []
    );
  }
}
