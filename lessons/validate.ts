/**
 * `berth lessons check`: every lesson, on a fresh engine, proves that each
 * step's check is false before its solution and true after it (and that the
 * solution's commands succeed). Together with the schema and prose checks of
 * load.ts this is what CI runs on every lesson.
 */
import { bootLearnerMachine, LEARNER, type LearnerMachineOptions, type Platform } from '../engine/index.ts';
import { evaluate } from './checks.ts';
import type { Lesson } from './schema.ts';

export interface StepReport {
  id: string;
  before: boolean;
  after: boolean;
  failed?: { command: string; code: number; output: string };
}

export interface LessonReport {
  id: string;
  ok: boolean;
  steps: StepReport[];
  error?: string;
  ms: number;
}

/** The machine a lesson starts on: a fresh engine, its images pulled and its setup commands run. */
export async function prepareMachine(platform: Platform, lesson: Lesson, files: Record<string, string> = {}, options: LearnerMachineOptions = {}) {
  const m = bootLearnerMachine(platform, options);
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = `${LEARNER.home}/${parts.slice(0, i).join('/')}`;
      await m.host.exec(['mkdir', '-p', dir]);
    }
    m.host.writeFile(`${LEARNER.home}/${path}`, text, 0o644, { uid: LEARNER.uid, gid: LEARNER.gid });
  }
  for (const ref of lesson.setup?.pull ?? []) {
    const r = await m.host.exec(['sh', '-c', `docker pull -q ${ref}`]);
    if (r.code !== 0) throw new Error(`setup: docker pull ${ref}: ${r.stderr.trim()}`);
  }
  for (const cmd of lesson.setup?.commands ?? []) {
    const r = await m.host.exec(['sh', '-c', `cd ${lesson.setup?.cwd ?? LEARNER.home} && ${cmd}`]);
    if (r.code !== 0) throw new Error(`setup: ${cmd}: exit ${r.code}: ${(r.stderr || r.stdout).trim()}`);
  }
  return m;
}

/** Runs one lesson's solutions on a fresh machine. */
export async function validateLesson(platform: Platform, lesson: Lesson, files: Record<string, string> = {}): Promise<LessonReport> {
  const started = performance.now();
  const report: LessonReport = { id: lesson.id, ok: true, steps: [], ms: 0 };
  try {
    const m = await prepareMachine(platform, lesson, files);
    const ctx = { api: m.api, host: m.host, home: LEARNER.home };
    // One shell session for the whole lesson, as the learner types: `cd` and variables carry over.
    let cwd = lesson.setup?.cwd ?? LEARNER.home;
    for (const step of lesson.steps) {
      const s: StepReport = { id: step.id, before: await evaluate(step.check, ctx), after: false };
      for (const command of step.solution) {
        // A command may fail on purpose (a lesson can show an error); the check decides.
        const script = `cd '${cwd}' || exit 1\n${command}\n__rc=$?\necho "__CWD=$PWD" >&2\nexit $__rc`;
        const r = await m.host.exec(['sh', '-c', script]);
        const mark = /__CWD=(.*)\n?$/.exec(r.stderr);
        if (mark) cwd = mark[1]!;
        const output = (r.stdout + r.stderr.replace(/__CWD=.*\n?$/, '')).trim();
        if (r.code !== 0) s.failed = { command, code: r.code, output: output.split('\n').slice(-5).join('\n') };
      }
      s.after = await evaluate(step.check, ctx);
      report.steps.push(s);
      if (s.before || !s.after) report.ok = false;
      if (!s.after) break;
    }
  } catch (err) {
    report.ok = false;
    report.error = (err as Error).message;
  }
  report.ms = performance.now() - started;
  return report;
}
