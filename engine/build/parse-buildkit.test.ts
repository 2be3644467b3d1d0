/**
 * Answers recorded from BuildKit itself: testdata/buildkit-recorded.json holds
 * Dockerfiles and words together with what BuildKit's parser, instructions and
 * shell packages returned for them (see testdata/README.md). Each case here
 * runs ours and compares field by field, in BuildKit's field names.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from './parse-commands.ts';
import { processWord } from './parse-lex.ts';
import type { Mount } from './parse-mount.ts';
import { DockerfileError, parseDockerfile, parseInstructions, type Instruction } from './parser.ts';

interface Recorded {
  env: Record<string, string>;
  lex: { word: string; escape: string; rawQuotes: boolean; rawEscapes: boolean; skipUnsetEnv: boolean; skipProcessQuotes: boolean; words: boolean; want: { result?: string; words?: string[]; error?: string } }[];
  /** An empty text is left out, like every empty value. */
  parse: ({ text?: string } & Record<string, unknown>)[];
}

const recorded = JSON.parse(fs.readFileSync(new URL('./testdata/buildkit-recorded.json', import.meta.url), 'utf8')) as Recorded;

/** Drops empty values, as the recording does (Go's nil, false, "" and 0 all look alike there). */
function compact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(compact);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined || x === false || x === '' || x === 0 || (Array.isArray(x) && x.length === 0)) continue;
      out[k] = compact(x);
    }
    return out;
  }
  return v;
}

function node(i: Instruction, trigger = false): unknown {
  return {
    value: i.command, flags: i.flags, args: i.args, json: i.json,
    heredocs: trigger ? [] : i.heredocs.map((h) => ({ Name: h.name, FileDescriptor: h.fileDescriptor, Expand: h.expand, Chomp: h.chomp, Content: h.content })),
    original: i.original, start: trigger ? 0 : i.startLine, end: trigger ? 0 : i.endLine, comments: trigger ? [] : i.comments,
    ...(i.trigger ? { sub: node(i.trigger, true) } : {}),
  };
}

const mount = (m: Mount) => ({
  Type: m.type, From: m.from, Source: m.source, Target: m.target, ReadOnly: m.readOnly, SizeLimit: m.sizeLimit, CacheID: m.cacheId,
  CacheSharing: m.cacheSharing, Required: m.required, Env: m.env, Mode: m.mode, UID: m.uid, GID: m.gid,
});

function command(c: Command): unknown {
  const kv = (l: { key: string; value: string; noDelim: boolean }[]) => l.map((p) => ({ Key: p.key, Value: p.value, NoDelim: p.noDelim }));
  const files = (f: { name: string; data: string; chomp: boolean }[]) => f.map((x) => ({ Name: x.name, Data: x.data, Chomp: x.chomp }));
  const contents = (l: { path: string; data: string; expand: boolean }[]) => l.map((x) => ({ Path: x.path, Data: x.data, Expand: x.expand }));
  switch (c.name) {
    case 'env': return { Env: kv(c.env) };
    case 'label': return { Labels: kv(c.labels) };
    case 'maintainer': return { Maintainer: c.maintainer };
    case 'add': return { DestPath: c.dest, SourcePaths: c.sources, SourceContents: contents(c.heredocs), Chown: c.chown, Chmod: c.chmod, Link: c.link, ExcludePatterns: c.exclude, KeepGitDir: c.keepGitDir, Checksum: c.checksum, Unpack: c.unpack };
    case 'copy': return { DestPath: c.dest, SourcePaths: c.sources, SourceContents: contents(c.heredocs), From: c.from, Chown: c.chown, Chmod: c.chmod, Link: c.link, ExcludePatterns: c.exclude, Parents: c.parents };
    case 'onbuild': return { Expression: c.expression };
    case 'workdir': return { Path: c.path };
    case 'run': return { CmdLine: c.cmdLine, Files: files(c.files), PrependShell: c.prependShell, FlagsUsed: [...c.flagsUsed].sort() };
    case 'cmd': case 'entrypoint': return { CmdLine: c.cmdLine, Files: files(c.files), PrependShell: c.prependShell };
    case 'healthcheck': return { Health: { Test: c.health.test, Interval: c.health.interval, Timeout: c.health.timeout, StartPeriod: c.health.startPeriod, StartInterval: c.health.startInterval, Retries: c.health.retries } };
    case 'expose': return { Ports: c.ports };
    case 'user': return { User: c.user };
    case 'volume': return { Volumes: c.volumes };
    case 'stopsignal': return { Signal: c.signal };
    case 'arg': return { Args: c.args.map((a) => ({ Key: a.key, Value: a.value, DocComment: a.docComment })) };
    case 'shell': return { Shell: c.shell };
  }
}

/** Our result in the recording's shape. */
function ours(text: string): Record<string, unknown> {
  let parsed;
  try {
    parsed = parseDockerfile(text);
  } catch (err) {
    const e = err as DockerfileError;
    return { error: e.message, errorLines: [e.startLine, e.endLine] };
  }
  const res: Record<string, unknown> = {
    nodes: parsed.instructions.map((i) => node(i)),
    escape: parsed.escapeToken,
    warnings: parsed.warnings.map((w) => `Empty continuation line found in: @${w.startLine}`),
  };
  try {
    const st = parseInstructions(parsed);
    res.stages = st.stages.map((s) => ({
      stage: { Name: s.name, BaseName: s.baseName, Platform: s.platform, OrigCmd: s.origCmd, DocComment: s.docComment, SourceCode: s.code, Comments: s.comments },
      commands: s.commands.map((c) => ({
        name: c.command, code: c.code, cmd: command(c),
        ...(c.name === 'run' ? { mounts: c.mounts.map(mount), network: c.network, security: c.security } : {}),
      })),
    }));
    res.meta = st.metaArgs.map((a) => command(a));
  } catch (err) {
    res.instError = (err as Error).message;
  }
  return res;
}

/** BuildKit picks among equally close suggestions at random (Go map order); compare without them. */
const withoutSuggestion = (s: unknown) => (typeof s === 'string' ? s.replace(/ \(did you mean [^)]*\?\)$/, '') : s);

describe('BuildKit parser and instructions, recorded', () => {
  recorded.parse.forEach(({ text = '', ...want }, n) => {
    it(`${n}: ${JSON.stringify(text).slice(0, 60)}`, () => {
      const got = compact(ours(text)) as Record<string, unknown>;
      if (want.instError && got.instError) {
        want.instError = withoutSuggestion(want.instError);
        got.instError = withoutSuggestion(got.instError);
      }
      expect(got).toEqual(want);
    });
  });
});

describe('BuildKit shell lexer, recorded', () => {
  recorded.lex.forEach(({ want, words, escape, ...options }, n) => {
    it(`${n}: ${JSON.stringify(options.word)}`, () => {
      let got: typeof want;
      try {
        const r = processWord(options.word, recorded.env, { ...options, escapeToken: escape });
        got = words ? { words: r.words } : { result: r.result };
      } catch (err) {
        got = words ? { words: [], error: (err as Error).message } : { result: '', error: (err as Error).message };
      }
      expect(got).toEqual(want);
    });
  });
});
