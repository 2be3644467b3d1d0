/** The commands `git` knows, by name. */
import { add } from './add.ts';
import { branch } from './branch.ts';
import { checkout } from './checkout.ts';
import type { Command } from './command.ts';
import { commit } from './commit.ts';
import { config } from './config.ts';
import { diff } from './diff.ts';
import { help } from './help.ts';
import { init } from './init.ts';
import { log } from './log.ts';
import { merge } from './merge.ts';
import { mv } from './mv.ts';
import { reflog } from './reflog.ts';
import { reset } from './reset.ts';
import { revParse } from './rev-parse.ts';
import { restore } from './restore.ts';
import { rm } from './rm.ts';
import { show } from './show.ts';
import { status } from './status.ts';
import { switchCommand } from './switch.ts';
import { tag } from './tag.ts';
import { version } from './version.ts';

export type { Command };

export const COMMANDS: Record<string, Command> = {
  add,
  branch,
  checkout,
  commit,
  config,
  diff,
  help,
  init,
  'init-db': init,
  log,
  merge,
  mv,
  reflog,
  reset,
  restore,
  'rev-parse': revParse,
  rm,
  show,
  stage: add,
  status,
  switch: switchCommand,
  tag,
  version,
};
