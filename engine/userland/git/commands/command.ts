/**
 * What a git command is, and the option handling every command shares.
 */
import { Exit, type Git } from '../context.ts';
import { parseOptions, type OptionSpec, type ParsedOptions } from '../options.ts';
import type { Repo } from '../repo.ts';

export interface Command {
  /**
   * What the command needs before it runs: nothing ('none'), a repository if
   * there is one ('gently'), a repository ('repo'), or one with a work tree
   * ('worktree'). Without one git stops with "not a git repository".
   */
  setup: 'none' | 'gently' | 'repo' | 'worktree';
  /** `git <command> -h` (see ../usage.ts). */
  usage?: string;
  run(g: Git, args: string[], repo: Repo | null): Promise<number>;
}

/**
 * Parses a command's options; on a mistake prints git's error (and, for an
 * unknown option, the usage) and exits 129.
 */
export async function parse(g: Git, args: string[], specs: OptionSpec[], usage: string | undefined, settings: { numeric?: boolean; stopAtNonOption?: boolean } = {}): Promise<ParsedOptions> {
  if (args.includes('-h') && usage && !args.slice(0, args.indexOf('-h')).includes('--')) {
    await g.out.write(usage);
    throw new Exit(129);
  }
  const r = parseOptions(args, specs, settings);
  if ('error' in r) {
    await g.error(r.error);
    if (r.usage && usage) await g.err.write(usage);
    throw new Exit(129);
  }
  return r;
}

/** The abbreviated object name git shows (7 hex digits unless core.abbrev says otherwise). */
export function abbrev(g: Git, oid: string): string {
  const v = g.config.get('core.abbrev');
  const n = v !== undefined && /^\d+$/.test(v) ? Math.max(4, Math.min(40, Number(v))) : v === 'no' ? 40 : 7;
  return oid.slice(0, n);
}
