/**
 * Variable expansion where Docker applies it, one command at a time with the
 * variables in force at that step (BuildKit's Expand/ExpandRaw methods and
 * dispatchExpose):
 *
 *   ADD, COPY     sources, destination, --chown, --chmod (ADD: --checksum);
 *                 heredoc contents when the name was not quoted (quotes kept)
 *   ENV, LABEL    keys and values
 *   EXPOSE        each port, then split into words
 *   STOPSIGNAL, USER, WORKDIR, VOLUME   their values
 *   RUN           --mount options only
 *
 * Not expanded: RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK command lines (the shell
 * in the container expands those), ONBUILD (expanded when it triggers),
 * MAINTAINER, ARG (the builder expands a default only when no --build-arg
 * overrides it) and COPY --from (BuildKit refuses variables there). FROM's
 * image and --platform are expanded with the meta ARGs: `expand(stage.baseName, metaEnv)`.
 *
 *     const env = new Map([['APP', '/srv/app']]);
 *     expandCommand(workdir, env);  // { name: 'workdir', path: '/srv/app', … }
 */
import { EngineError } from '../errors.ts';
import type * as C from './parse-commands.ts';
import { expand, expandWords, type EnvLookup } from './parse-lex.ts';
import { parseMount } from './parse-mount.ts';

export interface ExpandOptions {
  /** The Dockerfile's escape token (`\` or `` ` ``), from ParsedDockerfile.escapeToken. */
  escapeToken?: string;
}

/** A copy of `cmd` with variables substituted as Docker does at that step; throws EngineError on a bad substitution. */
export function expandCommand<T extends C.Command>(cmd: T, env: EnvLookup, options: ExpandOptions = {}): T {
  const lex = { escapeToken: options.escapeToken ?? '\\' };
  const word = (w: string) => expand(w, env, lex);
  // Heredoc contents are expanded with `\` as escape and quotes left alone.
  const raw = (contents: C.SourceContent[]) =>
    contents.map((c) => (c.expand ? { ...c, data: expand(c.data, env, { skipProcessQuotes: true }) } : c));
  try {
    return expandIn(cmd, word, raw, env, lex) as T;
  } catch (err) {
    if (err instanceof EngineError) throw err;
    throw new EngineError('InvalidArgument', (err as Error).message);
  }
}

function expandIn(
  c: C.Command,
  word: (w: string) => string,
  raw: (contents: C.SourceContent[]) => C.SourceContent[],
  env: EnvLookup,
  lex: { escapeToken: string },
): C.Command {
  const pairs = (list: C.KeyValuePair[]) => list.map((p) => ({ ...p, key: word(p.key), value: word(p.value) }));
  switch (c.name) {
    case 'env':
      return { ...c, env: pairs(c.env) };
    case 'label':
      return { ...c, labels: pairs(c.labels) };
    case 'add':
      return {
        ...c, chown: word(c.chown), chmod: word(c.chmod), checksum: word(c.checksum),
        sources: c.sources.map(word), dest: word(c.dest), heredocs: raw(c.heredocs),
      };
    case 'copy':
      return { ...c, chown: word(c.chown), chmod: word(c.chmod), sources: c.sources.map(word), dest: word(c.dest), heredocs: raw(c.heredocs) };
    case 'workdir':
      return { ...c, path: word(c.path) };
    case 'user':
      return { ...c, user: word(c.user) };
    case 'volume':
      return { ...c, volumes: c.volumes.map(word) };
    case 'stopsignal':
      return { ...c, signal: word(c.signal) };
    case 'expose':
      return { ...c, ports: c.ports.flatMap((p) => expandWords(p, env, lex)) };
    case 'run':
      return { ...c, mounts: c.mountSpecs.map((spec) => parseMount(spec, word)) };
    default:
      return c;
  }
}
