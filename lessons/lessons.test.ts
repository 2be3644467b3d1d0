/**
 * Every lesson, as CI checks it (`berth lessons check`): it loads (schema,
 * both languages' prose and markers) and, on a fresh engine, each step's
 * check is false before its solution and true after. And the validator
 * itself refuses what it must.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../engine/platform/node/index.ts';
import { loadLesson, loadLessons, LessonError } from './load.ts';
import { validateLesson } from './validate.ts';
import { parseProse, ProseError } from './prose.ts';

const lessons = await loadLessons();

describe('the lessons', () => {
  it('are at least fifteen, in order, with unique ids', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(15);
    expect(lessons.map((l) => l.lesson.order)).toEqual(lessons.map((_, i) => i + 1));
  });

  for (const { lesson, files } of lessons) {
    it(`${lesson.id}: each step's check is false before its solution and true after`, async () => {
      const r = await validateLesson(nodePlatform(), lesson, files);
      expect(r.error).toBeUndefined();
      expect(r.steps.map((s) => [s.id, s.before, s.after])).toEqual(lesson.steps.map((s) => [s.id, false, true]));
    }, 120_000);
  }
});

function lessonDir(yaml: string, ko: string, en: string): string {
  const root = mkdtempSync(join(tmpdir(), 'berth-lesson-'));
  const dir = join(root, '99-test');
  mkdirSync(dir);
  writeFileSync(join(dir, 'lesson.yaml'), yaml);
  writeFileSync(join(dir, 'ko.md'), ko);
  writeFileSync(join(dir, 'en.md'), en);
  return dir;
}

const YAML = `id: 99-test
order: 99
chapter: basics
concepts: [test]
steps:
  - id: make
    check: { volumeExists: { name: data } }
    solution: [docker volume create data]
`;
const PROSE = `---
title: Test
---
Intro.

<!-- step: make -->
### Make a volume
\`\`\`sh
docker volume create data
\`\`\`
<!-- hint -->
A hint.
`;

describe('the validator', () => {
  it('passes a good lesson', async () => {
    const l = await loadLesson(lessonDir(YAML, PROSE, PROSE));
    expect((await validateLesson(nodePlatform(), l.lesson)).ok).toBe(true);
  });

  it('fails a step whose check already holds before its solution', async () => {
    const l = await loadLesson(lessonDir(YAML.replace('volumeExists: { name: data }', 'not: { volumeExists: { name: nothing } }'), PROSE, PROSE));
    const r = await validateLesson(nodePlatform(), l.lesson);
    expect(r.ok).toBe(false);
    expect(r.steps[0]).toMatchObject({ id: 'make', before: true });
  });

  it('fails a step whose check does not hold after its solution', async () => {
    const l = await loadLesson(lessonDir(YAML.replace('solution: [docker volume create data]', 'solution: [docker volume create other]'), PROSE, PROSE));
    const r = await validateLesson(nodePlatform(), l.lesson);
    expect(r.ok).toBe(false);
    expect(r.steps[0]).toMatchObject({ id: 'make', before: false, after: false });
  });

  it('refuses an unknown check, a missing hint, and markers that are not the steps', async () => {
    await expect(loadLesson(lessonDir(YAML.replace('volumeExists', 'volumeExistz'), PROSE, PROSE))).rejects.toThrow(LessonError);
    await expect(loadLesson(lessonDir(YAML, PROSE, PROSE.replace(/<!-- hint -->\nA hint\.\n/, '')))).rejects.toThrow(/en\.md: step make has no hint/);
    await expect(loadLesson(lessonDir(YAML, PROSE.replace('step: make', 'step: made'), PROSE))).rejects.toThrow(/ko\.md: the step markers \(made\)/);
  });

  it('reads clickable commands from shell blocks only', () => {
    const p = parseProse(PROSE.replace('<!-- hint -->', '```\nnot a command\n```\n<!-- hint -->'));
    expect(p.steps[0]!.commands).toEqual(['docker volume create data']);
    expect(() => parseProse('no front matter')).toThrow(ProseError);
  });
});
