/**
 * The lessons as pages need them, read at build time from lessons/: the data
 * (steps, checks, solutions, starting state) and each language's prose as
 * HTML. Shell code blocks keep the class the page's script looks for to make
 * them clickable.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { loadLessons, type LoadedLesson } from '../../lessons/load.ts';
import type { Lang } from './i18n.ts';

export interface StepView {
  id: string;
  /** The step's first heading, as plain text. */
  title: string;
  html: string;
  hintHtml: string;
  solution: string[];
}

export interface LessonView {
  id: string;
  order: number;
  chapter: string;
  minutes?: number;
  title: string;
  summary: string;
  introHtml: string;
  steps: StepView[];
  loaded: LoadedLesson;
}

let cache: Promise<LoadedLesson[]> | undefined;
const md = createMarkdownProcessor({ syntaxHighlight: false });

declare const __LESSONS_DIR__: string;

export const allLessons = () => (cache ??= loadLessons(__LESSONS_DIR__));

async function html(text: string): Promise<string> {
  return (await (await md).render(text)).code;
}

export async function lessonViews(lang: Lang): Promise<LessonView[]> {
  const out: LessonView[] = [];
  for (const l of await allLessons()) {
    const p = l.prose[lang];
    const steps: StepView[] = [];
    for (const s of l.lesson.steps) {
      const ps = p.steps.find((x) => x.id === s.id)!;
      const heading = /^#{1,6}\s+(.*)$/m.exec(ps.body)?.[1]?.replace(/[`*_]/g, '') ?? s.id;
      steps.push({ id: s.id, title: heading, html: await html(ps.body), hintHtml: await html(ps.hint), solution: s.solution });
    }
    out.push({ id: l.lesson.id, order: l.lesson.order, chapter: l.lesson.chapter, minutes: l.lesson.minutes, title: p.title, summary: p.summary, introHtml: await html(p.intro), steps, loaded: l });
  }
  return out;
}
