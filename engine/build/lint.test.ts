/**
 * The build checks, against BuildKit's own expectations: most Dockerfiles and
 * expected messages here are taken from frontend/dockerfile/dockerfile_check_test.go
 * (formerly dockerfile_lint_test.go). BuildKit's tests compare warnings sorted
 * by line then detail; these compare the order BuildKit emits them in, which
 * for these cases is the same unless noted.
 */
import { describe, expect, it } from 'vitest';
import {
  LINT_RULES,
  lintDockerfile,
  lintViolationError,
  parseCheckOptions,
  shortWarning,
  sortWarnings,
  type LintOptions,
} from './lint.ts';
import { RULES } from './parse-errors.ts';

/** A base image whose config is known: just PATH, as alpine's. */
const alpine: LintOptions['baseImage'] = () => ({ env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] });

const short = (text: string, opts?: LintOptions) => lintDockerfile(text, opts).warnings.map(shortWarning);

describe('rules', () => {
  it('has the texts of ruleset.go, shared with the parser', () => {
    for (const [name, r] of Object.entries(RULES)) {
      const mine = LINT_RULES[name as keyof typeof LINT_RULES];
      expect(mine.description).toBe(r.description);
      expect(mine.url).toBe(r.url);
    }
    expect(LINT_RULES.InvalidBaseImagePlatform.url).toBe('');
    expect(LINT_RULES.InvalidDefinitionDescription.experimental).toBe(true);
    expect(Object.keys(LINT_RULES)).toHaveLength(22);
  });

  it('formats the short line as LintFormatShort', () => {
    expect(shortWarning({ rule: 'A', detail: 'b c', line: 3 })).toBe('A: b c (line 3)');
    expect(shortWarning({ rule: 'A', detail: 'b c', line: 0 })).toBe('A: b c');
  });
});

describe('StageNameCasing and FromAsCasing (testStageName)', () => {
  it('warns on an uppercase stage name and a lowercase as', () => {
    const r = lintDockerfile(`
# warning: stage name should be lowercase
#
FROM scratch AS BadStageName

# warning: 'as' should match 'FROM' cmd casing.
#
FROM scratch as base2

FROM scratch AS base3
`);
    expect(r.warnings).toEqual([
      {
        rule: 'StageNameCasing',
        description: 'Stage names should be lowercase',
        url: 'https://docs.docker.com/go/dockerfile/rule/stage-name-casing/',
        detail: "Stage name 'BadStageName' should be lowercase",
        line: 4,
        endLine: 4,
      },
      {
        rule: 'FromAsCasing',
        description: "The 'as' keyword should match the case of the 'from' keyword",
        url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/',
        detail: "'as' and 'FROM' keywords' casing do not match",
        line: 8,
        endLine: 8,
      },
    ]);
  });

  it('compares AS with a lowercase from', () => {
    expect(short(`
# warning: 'AS' should match 'from' cmd casing.
#
from scratch AS base

from scratch as base2
`)).toEqual(["FromAsCasing: 'AS' and 'from' keywords' casing do not match (line 4)"]);
  });

  it('is quiet for matching casing', () => {
    expect(short('FROM scratch AS base\nFROM scratch AS b2\n')).toEqual([]);
    expect(short('from scratch as base\n')).toEqual([]);
  });
});

describe('NoEmptyContinuation (testNoEmptyContinuation)', () => {
  it('warns at the last line of the instruction', () => {
    const r = lintDockerfile(`
FROM scratch
# warning: empty continuation line
COPY Dockerfile \\

.
COPY Dockerfile \\
.
`);
    expect(r.warnings.map((w) => [w.rule, w.detail, w.line, w.description])).toEqual([
      ['NoEmptyContinuation', 'Empty continuation line', 6, 'Empty continuation lines will become errors in a future release'],
    ]);
  });

  it('is quiet for plain continuations and comments in them', () => {
    expect(short('FROM scratch\nCOPY Dockerfile \\\n# comment\n.\n')).toEqual([]);
  });
});

describe('ConsistentInstructionCasing (testConsistentInstructionCasing)', () => {
  const cases: [string, string[]][] = [
    ['\n# warning\n#\nFrom scratch as base\nFROM scratch AS base2\n', ["ConsistentInstructionCasing: Command 'From' should match the case of the command majority (uppercase) (line 4)"]],
    ['\nFROM scratch\n# warning\ncopy Dockerfile /foo\nCOPY Dockerfile /bar\n', ["ConsistentInstructionCasing: Command 'copy' should match the case of the command majority (uppercase) (line 4)"]],
    ['\n# warning\n#\nfrOM scratch as base\nfrom scratch as base2\n', ["ConsistentInstructionCasing: Command 'frOM' should match the case of the command majority (lowercase) (line 4)"]],
    ['\nfrom scratch\n# warning\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n', ["ConsistentInstructionCasing: Command 'COPY' should match the case of the command majority (lowercase) (line 4)"]],
    ['\n# w\n#\nfrom scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\nCOPY Dockerfile /baz\n', ["ConsistentInstructionCasing: Command 'from' should match the case of the command majority (uppercase) (line 4)"]],
    ['\n# w\n#\nFROM scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\ncopy Dockerfile /baz\n', ["ConsistentInstructionCasing: Command 'FROM' should match the case of the command majority (lowercase) (line 4)"]],
    ['\nfrom scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n', []],
    ['\nFROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar\n', []],
    ['\nFROM alpine\nRUN <<\'EOT\'\nenv\nEOT\n', []],
  ];
  it.each(cases)('%j', (text, want) => {
    expect(short(text)).toEqual(want);
  });

  it('neither counts nor checks the ARGs before the first FROM', () => {
    expect(short('arg A=1\narg B=2\nFROM scratch\n')).toEqual([]);
  });
});

describe('DuplicateStageName and ReservedStageName', () => {
  it('warns on a repeated name (testDuplicateStageName)', () => {
    expect(short('\nFROM scratch AS b\nFROM scratch AS b\n')).toEqual([
      'DuplicateStageName: Duplicate stage name "b", stage names should be unique (line 3)',
    ]);
    expect(short('\nFROM scratch AS b1\nFROM scratch AS b2\n')).toEqual([]);
  });

  it('compares names lowercased', () => {
    expect(short('FROM scratch AS b\nFROM scratch AS B\n')).toEqual([
      "StageNameCasing: Stage name 'B' should be lowercase (line 2)",
      'DuplicateStageName: Duplicate stage name "b", stage names should be unique (line 2)',
    ]);
  });

  it('warns on scratch and context (testReservedStageName)', () => {
    expect(short('\nFROM scratch AS scratch\nFROM scratch AS context\n')).toEqual([
      'ReservedStageName: Stage name should not use the same name as reserved stage "scratch" (line 2)',
      'ReservedStageName: Stage name should not use the same name as reserved stage "context" (line 3)',
    ]);
    expect(short('\nFROM scratch\nFROM scratch AS a\n')).toEqual([]);
  });
});

describe('JSONArgsRecommended (testJSONArgsRecommended)', () => {
  it('warns on shell-form CMD and ENTRYPOINT', () => {
    const r = lintDockerfile('\nFROM scratch\nCMD mycommand\n');
    expect(r.warnings).toEqual([{
      rule: 'JSONArgsRecommended',
      description: 'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
      url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
      detail: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
      line: 3,
      endLine: 3,
    }]);
    expect(short('\nFROM scratch\nENTRYPOINT mycommand\n')).toEqual([
      'JSONArgsRecommended: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals (line 3)',
    ]);
  });

  it('names the instruction as written', () => {
    expect(short('from scratch\ncmd mycommand\n')).toEqual([
      'JSONArgsRecommended: JSON arguments recommended for cmd to prevent unintended behavior related to OS signals (line 2)',
    ]);
  });

  it('is quiet with a SHELL, in the stage or its base, and for exec form', () => {
    expect(short('\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nCMD mycommand\n')).toEqual([]);
    expect(short('\nFROM scratch\nSHELL ["/usr/bin/customshell"]\nENTRYPOINT mycommand\n')).toEqual([]);
    expect(short('\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand\n')).toEqual([]);
    expect(short('\nFROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nENTRYPOINT mycommand\n')).toEqual([]);
    expect(short('FROM scratch\nCMD ["mycommand"]\n')).toEqual([]);
  });

  it("takes a base image's SHELL when it is known", () => {
    expect(short('FROM mcr.microsoft.com/windows\nCMD dir\n', { baseImage: () => ({ shell: ['cmd', '/S', '/C'] }) })).toEqual([]);
  });
});

describe('MaintainerDeprecated (testMaintainerDeprecated)', () => {
  it('warns on MAINTAINER', () => {
    expect(lintDockerfile('\nFROM scratch\nMAINTAINER me@example.org\n').warnings).toEqual([{
      rule: 'MaintainerDeprecated',
      description: 'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
      url: 'https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/',
      detail: 'Maintainer instruction is deprecated in favor of using label',
      line: 3,
      endLine: 3,
    }]);
  });

  it('is quiet for a label and when a comment skips the rule', () => {
    expect(short('\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"\n')).toEqual([]);
    expect(short('\nFROM scratch\n# check=skip=JSONArgsRecommended\nCMD mycommand\n')).toEqual([]);
    expect(short('\nFROM scratch\n# check=skip=JSONArgsRecommended\nENTRYPOINT mycommand\n')).toEqual([]);
    expect(short('\nFROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n')).toEqual([]);
  });
});

describe('warnings before an error (testWarningsBeforeError)', () => {
  it('keeps the warnings emitted before the parse error', () => {
    const r = lintDockerfile('\nFROM scratch AS BadStageName\nMAINTAINER me@example.org\nBADCMD\n');
    expect(r.warnings.map(shortWarning)).toEqual([
      "StageNameCasing: Stage name 'BadStageName' should be lowercase (line 2)",
      'MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 3)',
    ]);
    expect(r.error).toEqual({ message: 'dockerfile parse error on line 4: unknown instruction: BADCMD', line: 4, endLine: 4 });
  });

  it('reports a Dockerfile the parser refuses as an error, with no warnings', () => {
    const r = lintDockerfile('FROM scratch\nRUN <<EOF\nunterminated\n');
    expect(r.warnings).toEqual([]);
    expect(r.error?.message).toBe('unterminated heredoc');
  });
});

describe('UndefinedArgInFrom (testUndeclaredArg)', () => {
  it.each([
    '\nARG base=scratch\nFROM $base\nCOPY Dockerfile .\n',
    '\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n',
    '\nFROM --platform=$BUILDPLATFORM scratch\nCOPY Dockerfile .\n',
    '\nARG DEBUG\nFROM scratch${DEBUG}\nCOPY Dockerfile .\n',
    '\nARG DEBUG\nFROM scra${DEBUG:-tch}\nCOPY Dockerfile .\n',
    '\nARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\nCOPY Dockerfile .\n',
  ])('is quiet for declared and predefined args: %j', (text) => {
    const r = lintDockerfile(text);
    expect(r.warnings).toEqual([]);
    expect(r.error).toBeUndefined();
  });

  it('suggests the predefined arg, then fails on the empty platform', () => {
    const r = lintDockerfile('\nFROM --platform=$BULIDPLATFORM scratch\nCOPY Dockerfile .\n');
    expect(r.warnings.map(shortWarning)).toEqual([
      "UndefinedArgInFrom: FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?) (line 2)",
    ]);
    expect(r.error).toEqual({ message: 'empty platform value from expression $BULIDPLATFORM (did you mean BUILDPLATFORM?)', line: 2, endLine: 2 });
  });

  it('suggests a meta ARG, then fails on the platform', () => {
    const r = lintDockerfile('\nARG MY_OS=linux\nARG MY_ARCH=amd64\nFROM --platform=linux/${MYARCH} busybox\nCOPY Dockerfile .\n\t');
    expect(r.warnings.map(shortWarning)).toEqual([
      "UndefinedArgInFrom: FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?) (line 4)",
    ]);
    expect(r.error?.message).toBe(
      'failed to parse platform linux/${MYARCH}: "" is an invalid component of "linux/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument (did you mean MY_ARCH?)',
    );
  });

  it('warns without a suggestion when nothing is close', () => {
    expect(short('\nARG tag=latest\nFROM busybox:${tag}${version} AS b\nCOPY Dockerfile .\n')).toEqual([
      "UndefinedArgInFrom: FROM argument 'version' is not declared (line 3)",
    ]);
  });
});

describe('WorkdirRelativePath (testWorkdirRelativePath)', () => {
  it('warns on the first relative WORKDIR', () => {
    expect(lintDockerfile('\nFROM scratch\nWORKDIR app/\n').warnings).toEqual([{
      rule: 'WorkdirRelativePath',
      description: 'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
      url: 'https://docs.docker.com/go/dockerfile/rule/workdir-relative-path/',
      detail: 'Relative workdir "app/" can have unexpected results if the base image changes',
      line: 3,
      endLine: 3,
    }]);
  });

  it('is quiet after an absolute WORKDIR, also in the base stage, and when skipped', () => {
    expect(short('\nFROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n')).toEqual([]);
    expect(short('\nFROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n')).toEqual([]);
    expect(short('FROM scratch\nWORKDIR a\nWORKDIR b\n')).toEqual([
      'WorkdirRelativePath: Relative workdir "a" can have unexpected results if the base image changes (line 2)',
    ]);
  });

  it('looks at the path after substitution', () => {
    expect(short('FROM scratch\nENV DIR=/srv\nWORKDIR $DIR/app\n')).toEqual([]);
  });
});

describe('UndefinedVar (testUnmatchedVars, testAllTargetUnmarshal)', () => {
  it('is quiet for ARGs with or without a value, from the stage or its base', () => {
    expect(short('\nFROM scratch\nARG foo\nCOPY Dockerfile${foo} .\n')).toEqual([]);
    expect(short('\nFROM alpine AS base\nARG foo=Dockerfile\n\nFROM base\nCOPY $foo .\n', { baseImage: alpine })).toEqual([]);
    expect(short('\nFROM alpine\nRUN echo $PATH\n', { baseImage: alpine })).toEqual([]);
  });

  it('warns on a variable used before its ARG; RUN lines are the shell\'s', () => {
    expect(lintDockerfile('\nFROM alpine\nCOPY $foo .\nARG foo=bar\nRUN echo $foo\n', { baseImage: alpine }).warnings).toEqual([{
      rule: 'UndefinedVar',
      description: 'Variables should be defined before their use',
      url: 'https://docs.docker.com/go/dockerfile/rule/undefined-var/',
      detail: "Usage of undefined variable '$foo'",
      line: 3,
      endLine: 3,
    }]);
  });

  it('suggests a close name', () => {
    expect(short('\nFROM alpine\nARG DIR_BINARIES=binaries/\nARG DIR_ASSETS=assets/\nARG DIR_CONFIG=config/\nCOPY $DIR_ASSET .\n\t', { baseImage: alpine })).toEqual([
      "UndefinedVar: Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?) (line 6)",
    ]);
    expect(short('\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n\t\t', { baseImage: alpine })).toEqual([
      "UndefinedVar: Usage of undefined variable '$PAHT' (did you mean $PATH?) (line 3)",
    ]);
  });

  it('knows scratch has PATH only', () => {
    expect(short('FROM scratch\nENV PATH=$PAHT:/x\n')).toEqual([
      "UndefinedVar: Usage of undefined variable '$PAHT' (did you mean $PATH?) (line 2)",
    ]);
  });

  it("does not guess an unknown base image's variables", () => {
    expect(short('\nFROM alpine\nENV PATH=$PAHT:/tmp/bin\n')).toEqual([]);
    expect(short('FROM golang\nFROM golang AS b\nCOPY $GOPATH/bin /x\n', { baseImage: (ref) => (ref === 'golang' ? undefined : {}) })).toEqual([]);
    expect(short('FROM golang\nCOPY $GOPATH/bin /x\n', { baseImage: () => ({ env: ['GOPATH=/go'] }) })).toEqual([]);
  });

  it('does not see the meta ARGs in a stage unless redeclared', () => {
    expect(short('ARG V=1\nFROM scratch\nCOPY a$V /\n')).toEqual(["UndefinedVar: Usage of undefined variable '$V' (line 3)"]);
    expect(short('ARG V=1\nFROM scratch\nARG V\nCOPY a$V /\n')).toEqual([]);
  });

  it('checks every stage in a check, the target\'s stages in a build', () => {
    const text = '\nFROM scratch AS first\nCOPY $foo .\n\nFROM scratch AS second\nCOPY $bar .\n';
    expect(short(text)).toEqual([
      "UndefinedVar: Usage of undefined variable '$foo' (line 3)",
      "UndefinedVar: Usage of undefined variable '$bar' (line 6)",
    ]);
    expect(short(text, { mode: 'build' })).toEqual(["UndefinedVar: Usage of undefined variable '$bar' (line 6)"]);
    expect(short(text, { mode: 'build', target: 'first' })).toEqual(["UndefinedVar: Usage of undefined variable '$foo' (line 3)"]);
    expect(short(text, { target: 'first' })).toEqual(["UndefinedVar: Usage of undefined variable '$foo' (line 3)"]);
  });

  it('reports each word that uses it, and heredoc contents that expand', () => {
    expect(short('FROM scratch\nCOPY --chown=$U $A $A/b /\nCOPY <<EOF /x\n$H\nEOF\nCOPY <<"EOF" /y\n$Q\nEOF\n')).toEqual([
      "UndefinedVar: Usage of undefined variable '$U' (line 2)",
      "UndefinedVar: Usage of undefined variable '$A' (line 2)",
      "UndefinedVar: Usage of undefined variable '$A' (line 2)",
      "UndefinedVar: Usage of undefined variable '$H' (line 3)",
    ]);
  });
});

describe('MultipleInstructionsDisallowed (testMultipleInstructionsDisallowed)', () => {
  const warning = (name: string, line: number) =>
    `MultipleInstructionsDisallowed: Multiple ${name} instructions should not be used in the same stage because only the last one will be used (line ${line})`;

  it('points at the instruction that is ignored', () => {
    expect(short('\nFROM scratch\nENTRYPOINT ["/myapp"]\nENTRYPOINT ["/myotherapp"]\nCMD ["/myapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n'))
      .toEqual([warning('ENTRYPOINT', 3), warning('CMD', 5), warning('HEALTHCHECK', 7)]);
    expect(short('\nFROM scratch\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello, World!\nEOF\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n'))
      .toEqual([warning('ENTRYPOINT', 3), warning('CMD', 4), warning('HEALTHCHECK', 5)]);
  });

  it('is quiet across stages', () => {
    expect(short('\nFROM scratch AS a\nENTRYPOINT ["/myapp"]\nCMD ["/myapp"]\nHEALTHCHECK CMD ["/myapp"]\n\nFROM a AS b\nENTRYPOINT ["/myotherapp"]\nCMD ["/myotherapp"]\nHEALTHCHECK CMD ["/myotherapp"]\n')).toEqual([]);
  });
});

describe('LegacyKeyValueFormat (testLegacyKeyValueFormat)', () => {
  it('warns on ENV and LABEL without =', () => {
    expect(short('\nFROM scratch\nENV testkey value\nLABEL key value\n')).toEqual([
      'LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 3)',
      'LegacyKeyValueFormat: "LABEL key=value" should be used instead of legacy "LABEL key value" format (line 4)',
    ]);
    expect(short('\nFROM scratch\nENV testkey=value\nLABEL key=value\n')).toEqual([]);
  });

  it('warns in an unreachable stage only in a check', () => {
    const text = '\nFROM scratch AS a\n\nFROM a AS b\nENV testkey value\nLABEL key value\n\nFROM a AS c\n';
    expect(short(text)).toHaveLength(2);
    expect(short(text, { mode: 'build' })).toEqual([]);
  });

  it('honours skip comments', () => {
    expect(short('\nFROM scratch\n# check=skip=LegacyKeyValueFormat\nENV testkey value\n# check=skip=LegacyKeyValueFormat\nLABEL key value\n')).toEqual([]);
  });
});

describe('RedundantTargetPlatform (testRedundantTargetPlatform)', () => {
  it('warns on $TARGETPLATFORM as written', () => {
    expect(short('\nFROM --platform=$TARGETPLATFORM scratch\n')).toEqual([
      'RedundantTargetPlatform: Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior (line 2)',
    ]);
    expect(short('\nFROM --platform=${TARGETPLATFORM} scratch\n')).toEqual([
      'RedundantTargetPlatform: Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior (line 2)',
    ]);
  });

  it('is quiet when skipped or for other platform args', () => {
    expect(short('\n# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM scratch\n')).toEqual([]);
    expect(short('FROM --platform=$BUILDPLATFORM scratch\n')).toEqual([]);
    expect(short('FROM --platform=$TARGETOS/$TARGETARCH scratch\n')).toEqual([]);
  });
});

describe('InvalidDefaultArgInFrom (testInvalidDefaultArgInFrom)', () => {
  it('warns when the defaults make no valid image name, whatever the build args', () => {
    expect(short('\nARG VERSION\nFROM busybox:$VERSION\n', { buildArgs: { VERSION: 'latest' } })).toEqual([
      'InvalidDefaultArgInFrom: Default value for ARG busybox:$VERSION results in empty or invalid base image name (line 3)',
    ]);
    expect(short('\nARG IMAGE\nFROM $IMAGE\n', { buildArgs: { IMAGE: 'busybox:latest' } })).toEqual([
      'InvalidDefaultArgInFrom: Default value for ARG $IMAGE results in empty or invalid base image name (line 3)',
    ]);
    expect(short('\nARG SFX="box:"\nFROM busy${SFX}\n', { buildArgs: { SFX: 'box:latest' } })).toEqual([
      'InvalidDefaultArgInFrom: Default value for ARG busy${SFX} results in empty or invalid base image name (line 3)',
    ]);
  });

  it('is quiet for valid defaults', () => {
    expect(short('\nARG VERSION="latest"\nFROM busybox:${VERSION}\n', { buildArgs: { VERSION: 'latest' } })).toEqual([]);
    expect(short('\nARG BUSYBOX_VARIANT=""\nFROM busybox:stable${BUSYBOX_VARIANT}\n', { buildArgs: { BUSYBOX_VARIANT: '-musl' } })).toEqual([]);
    expect(short('\n\tARG BUSYBOX_VARIANT\n\tFROM busybox:stable${BUSYBOX_VARIANT}\n\t', { buildArgs: { BUSYBOX_VARIANT: '-musl' } })).toEqual([]);
  });
});

describe('FromPlatformFlagConstDisallowed (testFromPlatformFlagConstDisallowed)', () => {
  it('warns on a constant platform', () => {
    expect(lintDockerfile('\nFROM --platform=linux/amd64 scratch\n').warnings).toEqual([{
      rule: 'FromPlatformFlagConstDisallowed',
      description: 'FROM --platform flag should not use a constant value',
      url: 'https://docs.docker.com/go/dockerfile/rule/from-platform-flag-const-disallowed/',
      detail: 'FROM --platform flag should not use constant value "linux/amd64"',
      line: 2,
      endLine: 2,
    }]);
  });

  it('is quiet when the stage name mentions the os or architecture', () => {
    expect(short('\nFROM --platform=linux/amd64 scratch AS my_amd64_stage\n')).toEqual([]);
    expect(short('\nFROM --platform=linux/amd64 scratch AS linux\n')).toEqual([]);
    expect(short('FROM --platform=linux/x86_64 scratch AS build-amd64\n')).toEqual([]);
  });
});

describe('SecretsUsedInArgOrEnv (testSecretsUsedInArgOrEnv)', () => {
  it('warns on secret-looking names, allowing public/file/version ones and skip comments', () => {
    const text = `# check=skip=InvalidDefinitionDescription

FROM scratch
ARG SECRET_PASSPHRASE
ENV SUPER_Secret=foo
ENV password=bar secret=baz
ARG super_duper_secret_token=foo auth=bar
ENV apikey=bar sunflower=foo
ENV git_key=
ENV PUBLIC_KEY=
ARG public_token
ARG SECRET_PASSPHRASE_FILE
ENV password_file=bar secret_File=baz
ARG AUTH_MODULE_VERSION
# check=skip=SecretsUsedInArgOrEnv // allow secret in environment
ENV password=bar
# check=skip=SecretsUsedInArgOrEnv // allow secret in arg
ARG password
# check=skip=all // is local to only this instruction
ENV alternate_password=bar
# check=skip=all // is local to only this instruction
ARG alternate_password
`;
    const r = lintDockerfile(text);
    expect(r.warnings.map((w) => [w.line, w.detail])).toEqual([
      [4, 'Do not use ARG or ENV instructions for sensitive data (ARG "SECRET_PASSPHRASE")'],
      [5, 'Do not use ARG or ENV instructions for sensitive data (ENV "SUPER_Secret")'],
      [6, 'Do not use ARG or ENV instructions for sensitive data (ENV "password")'],
      [6, 'Do not use ARG or ENV instructions for sensitive data (ENV "secret")'],
      [7, 'Do not use ARG or ENV instructions for sensitive data (ARG "super_duper_secret_token")'],
      [7, 'Do not use ARG or ENV instructions for sensitive data (ARG "auth")'],
      [8, 'Do not use ARG or ENV instructions for sensitive data (ENV "apikey")'],
      [9, 'Do not use ARG or ENV instructions for sensitive data (ENV "git_key")'],
    ]);
    expect(new Set(r.warnings.map((w) => w.description))).toEqual(new Set(['Sensitive data should not be used in the ARG or ENV commands']));
    expect(r.warnings[0]!.url).toBe('https://docs.docker.com/go/dockerfile/rule/secrets-used-in-arg-or-env/');
  });
});

describe('ExposeProtoCasing and ExposeInvalidFormat', () => {
  it('warns on an uppercase protocol (testExposeProtoCasing)', () => {
    expect(short('\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp\n')).toEqual([
      "ExposeProtoCasing: Defined protocol '80/TcP' in EXPOSE instruction should be lowercase (line 3)",
      "ExposeProtoCasing: Defined protocol '8080/TCP' in EXPOSE instruction should be lowercase (line 3)",
    ]);
  });

  it('warns on addresses and host ports (testExposeInvalidFormat); ports come sorted', () => {
    const r = lintDockerfile('\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000\n');
    expect(r.warnings.map((w) => w.detail).sort()).toEqual([
      "EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'",
      "EXPOSE instruction should not define an IP address or host-port mapping, found '5000:5000'",
      "EXPOSE instruction should not define an IP address or host-port mapping, found '[::1]:8080:8080'",
    ]);
  });

  it('is quiet for plain ports; a bad protocol is an error', () => {
    expect(short('FROM scratch\nEXPOSE 80 443/tcp 53/udp\n')).toEqual([]);
    expect(lintDockerfile('FROM scratch\nEXPOSE 80/foo\n').error).toEqual({ message: 'invalid port: "80/foo": invalid proto: foo', line: 2, endLine: 2 });
  });
});

describe('the check configuration (testRuleCheckOption)', () => {
  const text = (directive: string) => `${directive}\nFROM scratch as base\ncopy Dockerfile .\n`;

  it('skips everything with skip=all', () => {
    const r = lintDockerfile(text('#check=skip=all'));
    expect(r).toEqual({ warnings: [], skipAll: true, errorOnWarnings: false });
    expect(lintDockerfile(text('#check=skip=all;error=true'))).toEqual({ warnings: [], skipAll: true, errorOnWarnings: true });
    expect(lintViolationError(lintDockerfile(text('#check=skip=all;error=true')))).toBeUndefined();
  });

  it('skips the rules listed', () => {
    expect(short(text('#check=skip=ConsistentInstructionCasing,FromAsCasing'))).toEqual([]);
    expect(short(text('#check=skip=ConsistentInstructionCasing'))).toEqual([
      "FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 2)",
    ]);
  });

  it('fails the build on warnings with error=true', () => {
    const r = lintDockerfile(text('#check=skip=ConsistentInstructionCasing;error=true'));
    expect(r.errorOnWarnings).toBe(true);
    expect(r.warnings.map((w) => w.rule)).toEqual(['FromAsCasing']);
    expect(lintViolationError(r)).toBe('lint violation found for rules: FromAsCasing');
  });

  it('lets BUILDKIT_DOCKERFILE_CHECK replace the directive', () => {
    const r = lintDockerfile(text('#check=skip=all'), { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=ConsistentInstructionCasing;error=true' } });
    expect(r.warnings.map(shortWarning)).toEqual(["FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 2)"]);
    expect(r.errorOnWarnings).toBe(true);
    const quiet = lintDockerfile(text('#check=error=true'), { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' } });
    expect(quiet).toEqual({ warnings: [], skipAll: true, errorOnWarnings: false });
    expect(lintDockerfile(text('#check=skip=all'), { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: null } }).warnings).toEqual([]);
  });

  it('reports a bad configuration as an error', () => {
    expect(lintDockerfile(text('#check=bogus')).error?.message).toBe('failed to parse check options: invalid check option "bogus"');
    expect(lintDockerfile(text('# check=skip=A; error=true')).error?.message).toBe('failed to parse check options: invalid check option ""');
    expect(lintDockerfile(text(''), { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=yes' } }).error?.message).toBe(
      'failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: failed to parse check option "error=yes": strconv.ParseBool: parsing "yes": invalid syntax',
    );
  });

  it('takes a check comment on an instruction for that instruction only (not for the casing check)', () => {
    // Below the first instruction it is no directive, just the comment of `cmd x`.
    expect(short('FROM scratch\n# check=skip=all\ncmd x\n')).toEqual([
      "ConsistentInstructionCasing: Command 'cmd' should match the case of the command majority (uppercase) (line 3)",
    ]);
    // An empty line does not detach a comment; the warning for the first CMD is made by the second.
    expect(short('FROM scratch\n# check=skip=all\n\ncmd x\nCMD y\n')).toEqual([
      "ConsistentInstructionCasing: Command 'cmd' should match the case of the command majority (uppercase) (line 4)",
      'MultipleInstructionsDisallowed: Multiple CMD instructions should not be used in the same stage because only the last one will be used (line 4)',
      'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 5)',
    ]);
  });

  it("applies a FROM's check comment to the FROM's checks only, not to the stage's commands", () => {
    const text = 'ARG A=1\n# check=skip=FromPlatformFlagConstDisallowed,JSONArgsRecommended\nFROM --platform=linux/arm64 scratch\nCMD x\n';
    expect(short(text)).toEqual([
      'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)',
    ]);
    expect(short(text.replace('# check', '# nocheck'))).toEqual([
      'FromPlatformFlagConstDisallowed: FROM --platform flag should not use constant value "linux/arm64" (line 3)',
      'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)',
    ]);
  });

  it('parses the options as ParseLintOptions does', () => {
    expect(parseCheckOptions(' skip = A , B ;error=TRUE;experimental=all')).toEqual({
      skipAll: false, skipRules: ['A', 'B'], experimentalAll: true, experimentalRules: [], errorOnWarnings: true,
    });
    expect(parseCheckOptions('')).toEqual({ skipAll: false, skipRules: [], experimentalAll: false, experimentalRules: [], errorOnWarnings: false });
    expect(() => parseCheckOptions('skip')).toThrow('invalid check option "skip"');
  });
});

describe('the walk', () => {
  it('runs ONBUILD triggers of a base stage at the FROM line', () => {
    expect(short('FROM scratch AS base\nONBUILD CMD echo hi\n\nFROM base\n')).toEqual([
      'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)',
    ]);
    expect(short('FROM alpine\nCOPY a /\n', { baseImage: () => ({ onBuild: ['WORKDIR app'] }) })).toEqual([
      'WorkdirRelativePath: Relative workdir "app" can have unexpected results if the base image changes (line 1)',
    ]);
  });

  it('stops at COPY --from a later stage', () => {
    const r = lintDockerfile('FROM scratch AS a\nCOPY --from=b /x /x\nFROM scratch AS b\nWORKDIR rel\n');
    expect(r.error).toEqual({ message: 'cannot copy from stage "b", it needs to be defined before current stage "a"', line: 2, endLine: 2 });
    expect(r.warnings).toEqual([]);
  });

  it('reports an unknown target', () => {
    expect(lintDockerfile('FROM scratch AS build\n', { target: 'biuld' }).error?.message).toBe('target stage "biuld" could not be found (did you mean build?)');
  });

  it('keeps BuildKit\'s emission order; sortWarnings gives the printed one', () => {
    const r = lintDockerfile('FROM scratch\nCMD a\nFROM scratch AS X\n');
    expect(r.warnings.map((w) => [w.rule, w.line])).toEqual([
      ['StageNameCasing', 3],
      ['JSONArgsRecommended', 2],
    ]);
    expect(sortWarnings(r.warnings).map((w) => w.line)).toEqual([2, 3]);
  });
});
