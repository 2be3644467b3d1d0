/**
 * Reading lessons from a directory (Node): each subdirectory with a
 * lesson.yaml is a lesson; its ko.md and en.md are the prose. Used by the
 * validator, the tests and the site's build.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LANGUAGES, LessonSchema, type Language, type Lesson } from './schema.ts';
import { parseProse, type Prose } from './prose.ts';

export interface LoadedLesson {
  dir: string;
  lesson: Lesson;
  prose: Record<Language, Prose>;
  /** files/: the learner's starting files, by path under their home. */
  files: Record<string, string>;
}

async function readTree(root: string, rel = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let names: string[];
  try {
    names = (await readdir(join(root, rel))).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    const r = rel ? `${rel}/${n}` : n;
    if ((await stat(join(root, r))).isDirectory()) Object.assign(out, await readTree(root, r));
    else out[r] = await readFile(join(root, r), 'utf8');
  }
  return out;
}

export class LessonError extends Error {
  constructor(
    readonly lessonDir: string,
    message: string,
  ) {
    super(message);
  }
}

export const LESSONS_DIR = new URL('.', import.meta.url).pathname;

/** Every lesson under `root`, in order; throws LessonError for the first one that does not load. */
export async function loadLessons(root: string = LESSONS_DIR): Promise<LoadedLesson[]> {
  const out: LoadedLesson[] = [];
  for (const name of (await readdir(root)).sort()) {
    const dir = join(root, name);
    if (!(await stat(dir)).isDirectory()) continue;
    try {
      await stat(join(dir, 'lesson.yaml'));
    } catch {
      continue;
    }
    out.push(await loadLesson(dir));
  }
  return out.sort((a, b) => a.lesson.order - b.lesson.order);
}

export async function loadLesson(dir: string): Promise<LoadedLesson> {
  const name = dir.split('/').filter(Boolean).pop()!;
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(join(dir, 'lesson.yaml'), 'utf8'));
  } catch (err) {
    throw new LessonError(dir, `lesson.yaml: ${(err as Error).message}`);
  }
  const parsed = LessonSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
    throw new LessonError(dir, `lesson.yaml does not match the schema:\n${issues}`);
  }
  const lesson = parsed.data;
  if (lesson.id !== name) throw new LessonError(dir, `lesson.yaml: id ${lesson.id} is not the directory's name (${name})`);
  const ids = lesson.steps.map((s) => s.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new LessonError(dir, `lesson.yaml: step ${dup} appears twice`);
  const prose = {} as Record<Language, Prose>;
  for (const lang of LANGUAGES) {
    let text: string;
    try {
      text = await readFile(join(dir, `${lang}.md`), 'utf8');
    } catch {
      throw new LessonError(dir, `${lang}.md is missing`);
    }
    let p: Prose;
    try {
      p = parseProse(text, `${lang}.md`);
    } catch (err) {
      throw new LessonError(dir, (err as Error).message);
    }
    const marked = p.steps.map((s) => s.id);
    if (marked.join(' ') !== ids.join(' ')) {
      throw new LessonError(dir, `${lang}.md: the step markers (${marked.join(', ') || 'none'}) are not the steps of lesson.yaml in order (${ids.join(', ')})`);
    }
    for (const s of p.steps) {
      if (!s.body) throw new LessonError(dir, `${lang}.md: step ${s.id} has no text`);
      if (!s.hint) throw new LessonError(dir, `${lang}.md: step ${s.id} has no hint`);
    }
    prose[lang] = p;
  }
  return { dir, lesson, prose, files: await readTree(join(dir, 'files')) };
}
