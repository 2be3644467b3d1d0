/**
 * Text files shared by the Debian-family images (debian:bookworm-slim and
 * ubuntu:24.04). Account databases and short configuration files carry the
 * distributions' real contents; the long shell start-up files (.bashrc,
 * bash.bashrc) are Berth's own, abridged, doing the same job.
 */
import { lines, text } from './fs.ts';

/** base-passwd's /etc/passwd (Debian 12 and Ubuntu 24.04 differ only in the extra users). */
export const BASE_PASSWD = text`
  root:x:0:0:root:/root:/bin/bash
  daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
  bin:x:2:2:bin:/bin:/usr/sbin/nologin
  sys:x:3:3:sys:/dev:/usr/sbin/nologin
  sync:x:4:65534:sync:/bin:/bin/sync
  games:x:5:60:games:/usr/games:/usr/sbin/nologin
  man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
  lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
  mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
  news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
  uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
  proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
  www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
  backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
  list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
  irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
  _apt:x:42:65534::/nonexistent:/usr/sbin/nologin
  nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

export const BASE_GROUP = text`
  root:x:0:
  daemon:x:1:
  bin:x:2:
  sys:x:3:
  adm:x:4:
  tty:x:5:
  disk:x:6:
  lp:x:7:
  mail:x:8:
  news:x:9:
  uucp:x:10:
  man:x:12:
  proxy:x:13:
  kmem:x:15:
  dialout:x:20:
  fax:x:21:
  voice:x:22:
  cdrom:x:24:
  floppy:x:25:
  tape:x:26:
  sudo:x:27:
  audio:x:29:
  dip:x:30:
  www-data:x:33:
  backup:x:34:
  operator:x:37:
  list:x:38:
  irc:x:39:
  src:x:40:
  shadow:x:42:
  utmp:x:43:
  video:x:44:
  sasl:x:45:
  plugdev:x:46:
  staff:x:50:
  games:x:60:
  users:x:100:
  nogroup:x:65534:
`;

/** /etc/shadow for the users of a passwd file: every account locked ("*"), changed on `day`. */
export function shadowFor(passwd: string, day: number, locked: Record<string, string> = {}): string {
  return passwd.trimEnd().split('\n').map((entry) => {
    const name = entry.split(':')[0]!;
    return `${name}:${locked[name] ?? '*'}:${day}:0:99999:7:::`;
  }).join('\n') + '\n';
}

/** /etc/gshadow for the groups of a group file. */
export function gshadowFor(group: string): string {
  return group.trimEnd().split('\n').map((entry) => {
    const [name, , , members] = entry.split(':');
    return `${name}:*::${members ?? ''}`;
  }).join('\n') + '\n';
}

export const PROFILE = text`
  # /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
  # and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

  if [ "$(id -u)" -eq 0 ]; then
    PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  else
    PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
  fi
  export PATH

  if [ "\${PS1-}" ]; then
    if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
      # The file bash.bashrc already sets the default PS1.
      # PS1='\h:\w\$ '
      if [ -f /etc/bash.bashrc ]; then
        . /etc/bash.bashrc
      fi
    else
      if [ "$(id -u)" -eq 0 ]; then
        PS1='# '
      else
        PS1='$ '
      fi
    fi
  fi

  if [ -d /etc/profile.d ]; then
    for i in /etc/profile.d/*.sh; do
      if [ -r $i ]; then
        . $i
      fi
    done
    unset i
  fi
`;

/** Berth's system-wide bashrc, doing what Debian's does for interactive shells. */
export const BASH_BASHRC = text`
  # System-wide .bashrc file for interactive bash(1) shells.
  # (Berth's abridged version of the Debian file.)

  # If not running interactively, don't do anything
  [ -z "$PS1" ] && return

  # Update LINES and COLUMNS after each command if the window size changed.
  shopt -s checkwinsize

  # Remember the chroot we work in, to show it in the prompt.
  if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
      debian_chroot=$(cat /etc/debian_chroot)
  fi

  # The prompt: user@host:dir$ (or # for root).
  PS1='\${debian_chroot:+($debian_chroot)}\u@\h:\w\$ '
`;

/** Berth's ~/.bashrc for root and /etc/skel, abridged from Debian's. */
export const BASHRC = text`
  # ~/.bashrc: executed by bash(1) for non-login shells.
  # (Berth's abridged version of the Debian file.)

  # If not running interactively, stop here.
  case $- in
      *i*) ;;
        *) return;;
  esac

  # Keep a longer history, without duplicates or lines starting with a space.
  HISTCONTROL=ignoreboth
  shopt -s histappend
  HISTSIZE=1000
  HISTFILESIZE=2000
  shopt -s checkwinsize

  # A coloured prompt when the terminal supports it.
  case "$TERM" in
      xterm-color|*-256color) color_prompt=yes;;
  esac
  if [ "$color_prompt" = yes ]; then
      PS1='\${debian_chroot:+($debian_chroot)}\[\033[01;32m\]\u@\h\[\033[00m\]:\[\033[01;34m\]\w\[\033[00m\]\$ '
  else
      PS1='\${debian_chroot:+($debian_chroot)}\u@\h:\w\$ '
  fi
  unset color_prompt

  # Colourful ls and grep when dircolors is available.
  if [ -x /usr/bin/dircolors ]; then
      eval "$(dircolors -b)"
      alias ls='ls --color=auto'
      alias grep='grep --color=auto'
  fi

  # Aliases kept in their own file, if there is one.
  if [ -f ~/.bash_aliases ]; then
      . ~/.bash_aliases
  fi
`;

export const DOT_PROFILE_ROOT = text`
  # ~/.profile: executed by Bourne-compatible login shells.

  if [ "$BASH" ]; then
    if [ -f ~/.bashrc ]; then
      . ~/.bashrc
    fi
  fi

  mesg n 2> /dev/null || true
`;

export const DOT_PROFILE_SKEL = text`
  # ~/.profile: executed by the command interpreter for login shells.
  # This file is not read by bash(1), if ~/.bash_profile or ~/.bash_login
  # exists.

  # if running bash
  if [ -n "$BASH_VERSION" ]; then
      # include .bashrc if it exists
      if [ -f "$HOME/.bashrc" ]; then
  	. "$HOME/.bashrc"
      fi
  fi

  # set PATH so it includes user's private bin if it exists
  if [ -d "$HOME/bin" ] ; then
      PATH="$HOME/bin:$PATH"
  fi

  # set PATH so it includes user's private bin if it exists
  if [ -d "$HOME/.local/bin" ] ; then
      PATH="$HOME/.local/bin:$PATH"
  fi
`;

export const BASH_LOGOUT = text`
  # ~/.bash_logout: executed by bash(1) when login shell exits.

  # when leaving the console clear the screen to increase privacy

  if [ "$SHLVL" = 1 ]; then
      [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q
  fi
`;

/** glibc's /etc/nsswitch.conf as Debian ships it. */
export { DEBIAN_NSSWITCH as NSSWITCH } from './busybox.ts';

export const HOST_CONF = 'multi on\n';
export const LD_SO_CONF = 'include /etc/ld.so.conf.d/*.conf\n\n';
export const LD_SO_CONF_LIBC = '# libc default configuration\n/usr/local/lib\n';
export const LD_SO_CONF_MULTIARCH = '# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n';
export const FSTAB = '# UNCONFIGURED FSTAB FOR BASE SYSTEM\n';
export const SHELLS = lines('# /etc/shells: valid login shells', '/bin/sh', '/usr/bin/sh', '/bin/bash', '/usr/bin/bash', '/bin/rbash', '/usr/bin/rbash', '/usr/bin/dash');

/** The apt.conf.d snippets the Docker images add to keep layers small. */
export const APT_DOCKER_CONF: Record<string, string> = {
  'docker-autoremove-suggests': text`
    # Since Docker users are looking for the smallest possible final images, the
    # following emerges as a very common pattern:
    #
    #   RUN apt-get update \
    #       && apt-get install -y <packages> \
    #       && <do some compilation work> \
    #       && apt-get purge -y --auto-remove <packages>
    #
    # By default, APT will actually _keep_ packages installed via Recommends or
    # Depends if another package Suggests them, even and including if the package
    # that originally caused them to be installed is removed.  Setting this to
    # "false" ensures that APT is appropriately aggressive about removing the
    # packages it added.

    # https://aptitude.alioth.debian.org/doc/en/ch02s05s05.html#configApt-AutoRemove-SuggestsImportant
    Apt::AutoRemove::SuggestsImportant "false";
  `,
  'docker-clean': text`
    # Since for most Docker users, package installs happen in "docker build" steps,
    # they essentially become individual layers due to the way Docker handles
    # layering, especially using CoW filesystems.  What this means for us is that
    # the caches that APT keeps end up just wasting space in those layers, making
    # our layers unnecessarily large (especially since we'll normally never use
    # these caches again and will instead just "docker build" again and make a brand
    # new image).

    # Ideally, these would just be invoking "apt-get clean", but in our testing,
    # that ended up being cyclic and we got stuck on APT's lock, so we get this fun
    # creation that's essentially just "apt-get clean".
    DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
    APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };

    Dir::Cache::pkgcache "";
    Dir::Cache::srcpkgcache "";

    # Note that we do realize this isn't the ideal way to do this, and are always
    # open to better suggestions (https://github.com/docker/docker/issues).
  `,
  'docker-gzip-indexes': text`
    # Since Docker users using "RUN apt-get update && apt-get install -y ..." in
    # their Dockerfiles don't go delete the lists files afterwards, we want them to
    # be as small as possible on-disk, so we explicitly request that Apt keep them
    # compressed on-disk too instead of decompressing them.

    # For comparison, an "apt-get update" layer without this on a pristine
    # "debian:wheezy" base image was "29.88 MB", where with this it was only
    # "8.273 MB".

    Acquire::GzipIndexes "true";
  `,
  'docker-no-languages': text`
    # In Docker, we don't often need the "Translations" files, so we're just wasting
    # time and space by downloading them, and this inhibits that.  For users that do
    # need them, it's a simple matter to delete this file and "apt-get update". :)

    Acquire::Languages "none";
  `,
};

export const APT_AUTOREMOVE = text`
  APT
  {
    NeverAutoRemove
    {
  	"^firmware-linux.*";
  	"^linux-firmware$";
  	"^linux-image-[a-z0-9]*$";
  	"^linux-image-[a-z0-9]*-[a-z0-9]*$";
    };

    VersionedKernelPackages
    {
  	# kernels
  	"linux-.*";
  	"kfreebsd-.*";
  	"gnumach-.*";
  	# (out-of-tree) modules
  	".*-modules";
  	".*-kernel";
    };

    Never-MarkAuto-Sections
    {
  	"metapackages";
  	"tasks";
    };

    Move-Autobit-Sections
    {
  	"oldlibs";
    };
  };
`;

export const DPKG_CFG = text`
  # dpkg configuration file
  #
  # This file can contain default options for dpkg.  All command-line
  # options are allowed.  Values can be specified by putting them after
  # the option, separated by whitespace and/or an \`=' sign.
  #

  # Do not enable debsig-verify by default; since the distribution is not using
  # embedded signatures, debsig-verify would reject all packages.
  no-debsig

  # Log status changes and actions to a file.
  log /var/log/dpkg.log
`;

/** Placeholder for binary keyrings (OpenPGP public keys are not copied into Berth). */
export function keyringPlaceholder(name: string): string {
  return text`
    # Placeholder for the OpenPGP keyring ${name}.
    # On a real system this is a binary keyring of public keys that apt uses
    # to check repository signatures. Berth's apt trusts its simulated mirror.
  `;
}

/** Berth's short e2scrub / mke2fs style config stand-ins are not shipped; login.defs is abridged. */
export const LOGIN_DEFS = text`
  #
  # /etc/login.defs - Configuration control definitions for the login package.
  # (abridged in Berth's image: the settings useradd and passwd read)
  #
  MAIL_DIR        /var/mail
  FAILLOG_ENAB		yes
  LOG_UNKFAIL_ENAB	no
  LOG_OK_LOGINS		no
  SYSLOG_SU_ENAB		yes
  SYSLOG_SG_ENAB		yes
  FTMP_FILE	/var/log/btmp
  SU_NAME		su
  HUSHLOGIN_FILE	.hushlogin
  ENV_SUPATH	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  ENV_PATH	PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games
  TTYGROUP	tty
  TTYPERM		0600
  ERASECHAR	0177
  KILLCHAR	025
  UMASK		022
  HOME_MODE	0700
  PASS_MAX_DAYS	99999
  PASS_MIN_DAYS	0
  PASS_WARN_AGE	7
  UID_MIN			 1000
  UID_MAX			60000
  SYS_UID_MIN		  100
  SYS_UID_MAX		  999
  GID_MIN			 1000
  GID_MAX			60000
  SYS_GID_MIN		  100
  SYS_GID_MAX		  999
  LOGIN_RETRIES		5
  LOGIN_TIMEOUT		60
  CHFN_RESTRICT		rwh
  DEFAULT_HOME	yes
  USERGROUPS_ENAB yes
  ENCRYPT_METHOD YESCRYPT
`;
