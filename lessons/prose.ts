/**
 * A lesson's prose in one language (ko.md, en.md): front matter with the
 * title and a one-line summary, an introduction, then one section per step,
 * each opened by a marker, with its hint after a second marker:
 *
 *   ---
 *   title: The container lifecycle
 *   summary: create, start, stop, rm — and what each does to a container
 *   ---
 *   Some introduction.
 *
 *   <!-- step: create -->
 *   ### Create a container
 *   Text, with commands to click:
 *
 *   ```sh
 *   docker create --name web nginx
 *   ```
 *
 *   <!-- hint -->
 *   `docker create` takes the same options as `docker run`.
 *
 * Everything is Markdown; the site renders it, and shell code blocks become
 * commands a click types into the terminal.
 */
export interface StepProse {
  id: string;
  body: string;
  hint: string;
  /** The commands in its ```sh blocks, one per line. */
  commands: string[];
}

export interface Prose {
  title: string;
  summary: string;
  intro: string;
  steps: StepProse[];
}

export class ProseError extends Error {}

const STEP = /^<!--\s*step:\s*([a-z0-9-]+)\s*-->\s*$/;
const HINT = /^<!--\s*hint\s*-->\s*$/;

/** Shell commands in ```sh / ```console blocks (a leading `$ ` is dropped). */
export function commandsIn(markdown: string): string[] {
  const out: string[] = [];
  const re = /^```(?:sh|shell|bash|console)\s*\n([\s\S]*?)^```\s*$/gm;
  for (const m of markdown.matchAll(re)) {
    for (const line of m[1]!.split('\n')) {
      const t = line.replace(/^\$ /, '').trim();
      if (t && !t.startsWith('#')) out.push(t);
    }
  }
  return out;
}

export function parseProse(text: string, file = 'prose'): Prose {
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!fm) throw new ProseError(`${file}: no front matter (--- title: … ---)`);
  const meta: Record<string, string> = {};
  for (const line of fm[1]!.split('\n')) {
    const m = /^([a-z]+):\s*(.*)$/.exec(line);
    if (m) meta[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/, '$2');
  }
  if (!meta.title) throw new ProseError(`${file}: the front matter has no title`);
  const lines = text.slice(fm[0].length).split('\n');
  const steps: StepProse[] = [];
  let intro: string[] = [];
  let cur: { id: string; body: string[]; hint: string[] | undefined } | undefined;
  const finish = () => {
    if (!cur) return;
    const body = cur.body.join('\n').trim();
    const hint = (cur.hint ?? []).join('\n').trim();
    steps.push({ id: cur.id, body, hint, commands: commandsIn(body) });
  };
  for (const [i, line] of lines.entries()) {
    const s = STEP.exec(line);
    if (s) {
      finish();
      if (steps.some((x) => x.id === s[1]) || cur?.id === s[1]) throw new ProseError(`${file}:${i + 1}: step ${s[1]} is marked twice`);
      cur = { id: s[1]!, body: [], hint: undefined };
      continue;
    }
    if (HINT.test(line)) {
      if (!cur) throw new ProseError(`${file}:${i + 1}: a hint before any step`);
      if (cur.hint) throw new ProseError(`${file}:${i + 1}: step ${cur.id} has two hints`);
      cur.hint = [];
      continue;
    }
    if (line.includes('<!--') && /<!--\s*(step|hint)/.test(line)) throw new ProseError(`${file}:${i + 1}: a malformed marker: ${line.trim()}`);
    if (!cur) intro.push(line);
    else (cur.hint ?? cur.body).push(line);
  }
  finish();
  return { title: meta.title, summary: meta.summary ?? '', intro: intro.join('\n').trim(), steps };
}
