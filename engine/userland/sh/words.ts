/**
 * Small facts about parsed words that both the parser and the executor need:
 * is it plain unquoted text, is it an assignment, where are its tilde prefixes.
 */
import type { Word, WordPart, LiteralPart } from './ast.ts';

/** A shell variable name: a letter or `_`, then letters, digits, `_`. */
export function isName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

/**
 * The text of a word typed without any quoting or expansion (`echo`, `if`,
 * `a=b`), else undefined. Only such words can be reserved words, aliases,
 * function names or `for` variables.
 */
export function plainText(word: Word): string | undefined {
  let text = '';
  for (const part of word.parts) {
    if (part.type !== 'literal' || part.quoted) return undefined;
    text += part.text;
  }
  return text;
}

/**
 * The length of `NAME=` at the start of the word when it is an assignment
 * (unquoted name, unquoted `=`), else 0.
 */
export function assignmentPrefix(word: Word): number {
  const first = word.parts[0];
  if (first === undefined || first.type !== 'literal' || first.quoted) return 0;
  const m = /^[A-Za-z_][A-Za-z0-9_]*=/.exec(first.text);
  return m ? m[0].length : 0;
}

/** Split an assignment word into its name and value (the caller checked assignmentPrefix). */
export function splitAssignment(word: Word): { name: string; value: Word } {
  const n = assignmentPrefix(word);
  const first = word.parts[0] as LiteralPart;
  const rest: WordPart[] = first.text.length > n ? [{ type: 'literal', text: first.text.slice(n), quoted: false }] : [];
  const value = markTildes([...rest, ...word.parts.slice(1)], 'assignment');
  return { name: first.text.slice(0, n - 1), value: { parts: value } };
}

/**
 * The word as an assignment builtin (`export`, `local`, `readonly`) expands an
 * argument of the form NAME=value: ash gives such arguments the expansion of
 * an assignment, so tildes after `=` and `:` expand and the value is not
 * field-split or globbed. Returns undefined when the word is not of that form.
 */
export function assignmentWord(word: Word): { name: string; value: Word } | undefined {
  // The parser marked a tilde at the start of the word only; a word starting
  // with a name has none, so the literal text is intact.
  return assignmentPrefix(word) > 0 ? splitAssignment(word) : undefined;
}

/**
 * Replace tilde prefixes in unquoted literal text by tilde parts. In a
 * `word`, only at the start; in an `assignment` value, at its start and
 * after every unquoted `:`, the prefix then also ending at `:`.
 * A prefix must be all unquoted literal text up to its end (`/`, `:` or the
 * end of the word), as in ash's exptilde.
 */
export function markTildes(parts: WordPart[], mode: 'word' | 'assignment'): WordPart[] {
  const out: WordPart[] = [];
  let atStart = true;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (part.type !== 'literal' || part.quoted) {
      out.push(part);
      atStart = false;
      continue;
    }
    const isLast = k === parts.length - 1;
    const text = part.text;
    let literal = '';
    let i = 0;
    while (i < text.length) {
      const tildeHere = text[i] === '~' && (i === 0 ? atStart : mode === 'assignment' && text[i - 1] === ':');
      if (tildeHere) {
        let j = i + 1;
        while (j < text.length && text[j] !== '/' && !(mode === 'assignment' && text[j] === ':')) j++;
        if (j < text.length || isLast) {
          if (literal) out.push({ type: 'literal', text: literal, quoted: false });
          literal = '';
          out.push({ type: 'tilde', user: text.slice(i + 1, j) });
          i = j;
          continue;
        }
      }
      literal += text[i];
      i++;
    }
    if (literal) out.push({ type: 'literal', text: literal, quoted: false });
    atStart = false;
    if (mode === 'word') {
      out.push(...parts.slice(k + 1));
      break;
    }
  }
  return out;
}
