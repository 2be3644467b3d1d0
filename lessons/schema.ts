/**
 * What a lesson is, as data: lesson.yaml, written once for every language.
 *
 *   id: 05-lifecycle            # the directory's name
 *   order: 5
 *   chapter: containers         # one of CHAPTERS
 *   concepts: [container, lifecycle]
 *   setup:                      # the lesson's starting state, on a fresh engine
 *     pull: [alpine]            #   images already there
 *     commands: [docker create --name old alpine]   # run before the learner arrives
 *   steps:
 *     - id: create
 *       check: { containerExists: { name: web, state: created } }
 *       solution: [docker create --name web nginx]
 *
 * The prose lives in ko.md and en.md (see prose.ts): a title, an
 * introduction, and for each step its text and a hint.
 *
 * A check is state, not output: it asks the Engine API (and the host's
 * files) whether something is so. See checks.ts for what each one means.
 */
import { z } from 'zod';

export const CHAPTERS = ['basics', 'images', 'containers', 'build', 'data-and-network', 'isolation', 'delivery'] as const;

const ref = z.string().min(1);
const name = z.string().min(1);
const containerState = z.enum(['created', 'running', 'paused', 'restarting', 'exited', 'dead']);

/** The checks, one key each. */
export const CheckSchema: z.ZodType<Check> = z.lazy(() =>
  z.union([
    z.strictObject({ imageExists: z.strictObject({ ref }) }),
    z.strictObject({ imageAbsent: z.strictObject({ ref }) }),
    z.strictObject({ imageHasLayers: z.strictObject({ ref, atLeast: z.number().int().min(0).optional(), atMost: z.number().int().min(0).optional() }) }),
    z.strictObject({ imageHistoryContains: z.strictObject({ ref, text: z.string().min(1) }) }),
    z.strictObject({ imageConfig: z.strictObject({ ref, cmd: z.array(z.string()).optional(), entrypoint: z.array(z.string()).optional(), env: z.string().optional(), workdir: z.string().optional(), exposed: z.string().optional(), user: z.string().optional() }) }),
    z.strictObject({ imagesShareLayers: z.strictObject({ refs: z.array(ref).min(2), atLeast: z.number().int().min(1).optional() }) }),
    z.strictObject({
      containerExists: z.strictObject({
        name: name.optional(),
        image: ref.optional(),
        state: containerState.optional(),
        count: z.number().int().min(0).optional(),
        atLeast: z.number().int().min(0).optional(),
      }),
    }),
    z.strictObject({ containerRunning: z.strictObject({ name }) }),
    z.strictObject({ containerAbsent: z.strictObject({ name: name.optional(), image: ref.optional() }) }),
    z.strictObject({ containerExited: z.strictObject({ name, code: z.number().int().optional(), oomKilled: z.boolean().optional() }) }),
    z.strictObject({ containerEnv: z.strictObject({ name, env: z.string().regex(/^[^=]+=/) }) }),
    z.strictObject({ containerPort: z.strictObject({ name, port: z.string().regex(/^\d+(\/(tcp|udp))?$/), hostPort: z.number().int().optional() }) }),
    z.strictObject({ containerMount: z.strictObject({ name, destination: z.string().startsWith('/'), type: z.enum(['volume', 'bind', 'tmpfs']).optional(), source: z.string().optional() }) }),
    z.strictObject({ containerNetwork: z.strictObject({ name, network: z.string() }) }),
    z.strictObject({ containerLimits: z.strictObject({ name, memory: z.number().int().optional(), nanoCpus: z.number().int().optional(), pidsLimit: z.number().int().optional() }) }),
    z.strictObject({ containerRestartPolicy: z.strictObject({ name, policy: z.enum(['no', 'always', 'unless-stopped', 'on-failure']) }) }),
    z.strictObject({ containerHasFile: z.strictObject({ name, path: z.string().startsWith('/'), contains: z.string().optional() }) }),
    z.strictObject({ containerLogs: z.strictObject({ name, contains: z.string().min(1) }) }),
    z.strictObject({ volumeExists: z.strictObject({ name }) }),
    z.strictObject({ volumeAbsent: z.strictObject({ name }) }),
    z.strictObject({ volumeHasFile: z.strictObject({ volume: name, path: z.string().min(1), contains: z.string().optional() }) }),
    z.strictObject({ networkExists: z.strictObject({ name }) }),
    z.strictObject({ portAnswers: z.strictObject({ port: z.number().int().min(1).max(65535), path: z.string().startsWith('/').optional(), contains: z.string().optional() }) }),
    z.strictObject({ fileExists: z.strictObject({ path: z.string().min(1), contains: z.string().optional() }) }),
    z.strictObject({ eventSeen: z.strictObject({ type: z.enum(['container', 'image', 'volume', 'network']), action: z.string().min(1), name: z.string().optional() }) }),
    z.strictObject({ commandSucceeds: z.strictObject({ run: z.string().min(1), stdoutContains: z.string().optional() }) }),
    z.strictObject({ all: z.array(CheckSchema).min(1) }),
    z.strictObject({ any: z.array(CheckSchema).min(1) }),
    z.strictObject({ not: CheckSchema }),
  ]),
);

export type Check =
  | { imageExists: { ref: string } }
  | { imageAbsent: { ref: string } }
  | { imageHasLayers: { ref: string; atLeast?: number; atMost?: number } }
  | { imageHistoryContains: { ref: string; text: string } }
  | { imageConfig: { ref: string; cmd?: string[]; entrypoint?: string[]; env?: string; workdir?: string; exposed?: string; user?: string } }
  | { imagesShareLayers: { refs: string[]; atLeast?: number } }
  | { containerExists: { name?: string; image?: string; state?: z.infer<typeof containerState>; count?: number; atLeast?: number } }
  | { containerRunning: { name: string } }
  | { containerAbsent: { name?: string; image?: string } }
  | { containerExited: { name: string; code?: number; oomKilled?: boolean } }
  | { containerEnv: { name: string; env: string } }
  | { containerPort: { name: string; port: string; hostPort?: number } }
  | { containerMount: { name: string; destination: string; type?: 'volume' | 'bind' | 'tmpfs'; source?: string } }
  | { containerNetwork: { name: string; network: string } }
  | { containerLimits: { name: string; memory?: number; nanoCpus?: number; pidsLimit?: number } }
  | { containerRestartPolicy: { name: string; policy: 'no' | 'always' | 'unless-stopped' | 'on-failure' } }
  | { containerHasFile: { name: string; path: string; contains?: string } }
  | { containerLogs: { name: string; contains: string } }
  | { volumeExists: { name: string } }
  | { volumeAbsent: { name: string } }
  | { volumeHasFile: { volume: string; path: string; contains?: string } }
  | { networkExists: { name: string } }
  | { portAnswers: { port: number; path?: string; contains?: string } }
  | { fileExists: { path: string; contains?: string } }
  | { eventSeen: { type: 'container' | 'image' | 'volume' | 'network'; action: string; name?: string } }
  | { commandSucceeds: { run: string; stdoutContains?: string } }
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check };

export const StepSchema = z.strictObject({
  /** Lowercase words with dashes; the prose marks the step with `<!-- step: id -->`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  check: CheckSchema,
  /** Commands that do the step, typed into the learner's shell in order. */
  solution: z.array(z.string().min(1)).min(1),
});

export const LessonSchema = z.strictObject({
  id: z.string().regex(/^\d\d-[a-z0-9-]+$/),
  order: z.number().int().min(1),
  chapter: z.enum(CHAPTERS),
  concepts: z.array(z.string().min(1)).min(1),
  /** Minutes a learner needs, roughly. */
  minutes: z.number().int().min(1).max(120).optional(),
  setup: z
    .strictObject({
      /** Images present when the lesson starts (pulled from the simulated hub). */
      pull: z.array(ref).optional(),
      /** Shell commands run on the host before the lesson starts (their output is not shown). */
      commands: z.array(z.string().min(1)).optional(),
      /** Where the shell starts (default the learner's home). */
      cwd: z.string().startsWith('/').optional(),
    })
    .optional(),
  steps: z.array(StepSchema).min(1),
});

export type Step = z.infer<typeof StepSchema>;
export type Lesson = z.infer<typeof LessonSchema>;

/** The languages every lesson is written in; the first is the site's default. */
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
