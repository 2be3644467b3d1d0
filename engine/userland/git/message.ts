/**
 * Commit messages: the clean-up git applies before storing one, and the
 * parts `log` shows (%s is the subject, %b the body).
 */

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

/** strbuf_stripspace: trailing blanks off each line, runs of blank lines squeezed, none at either end; optionally drop "#" lines. */
export function stripspace(text: string, comments: boolean): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  let blank = false;
  for (const raw of lines) {
    if (comments && raw.startsWith('#')) continue;
    let end = raw.length;
    while (end > 0 && isSpace(raw[end - 1]!)) end--;
    const line = raw.slice(0, end);
    if (line === '') {
      blank = true;
      continue;
    }
    if (blank && out.length > 0) out.push('');
    blank = false;
    out.push(line);
  }
  return out.map((l) => l + '\n').join('');
}

/** The subject: the first paragraph's lines joined by spaces (git's %s); each loses its trailing blanks only. */
export function subjectOf(message: string): string {
  const para: string[] = [];
  for (const line of message.split('\n')) {
    let end = line.length;
    while (end > 0 && isSpace(line[end - 1]!)) end--;
    if (end === 0) {
      if (para.length > 0) break;
      continue;
    }
    para.push(line.slice(0, end));
  }
  return para.join(' ');
}

/** The message body: everything after the subject paragraph (git's %b). */
export function bodyOf(message: string): string {
  const lines = message.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const rest = lines.slice(i).join('\n');
  return rest;
}
