/**
 * The text files of Alpine Linux 3.20.3's minirootfs. Data files (passwd,
 * group, inittab, os-release, …) carry Alpine's real contents; the few
 * shell scripts are Berth's own, written to do the same job.
 */
import { lines, text } from './fs.ts';

export const ALPINE_VERSION = '3.20.3';

export const OS_RELEASE = text`
  NAME="Alpine Linux"
  ID=alpine
  VERSION_ID=3.20.3
  PRETTY_NAME="Alpine Linux v3.20"
  HOME_URL="https://alpinelinux.org/"
  BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

export const ISSUE = 'Welcome to Alpine Linux 3.20\nKernel \\r on an \\m (\\l)\n\n';

export const PASSWD = text`
  root:x:0:0:root:/root:/bin/sh
  bin:x:1:1:bin:/bin:/sbin/nologin
  daemon:x:2:2:daemon:/sbin:/sbin/nologin
  adm:x:3:4:adm:/var/adm:/sbin/nologin
  lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
  sync:x:5:0:sync:/sbin:/bin/sync
  shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
  halt:x:7:0:halt:/sbin:/sbin/halt
  mail:x:8:12:mail:/var/mail:/sbin/nologin
  news:x:9:13:news:/usr/lib/news:/sbin/nologin
  uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
  operator:x:11:0:operator:/root:/sbin/nologin
  postmaster:x:14:12:postmaster:/var/mail:/sbin/nologin
  cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
  ftp:x:21:21::/var/lib/ftp:/sbin/nologin
  sshd:x:22:22:sshd:/dev/null:/sbin/nologin
  squid:x:31:31:Squid:/var/cache/squid:/sbin/nologin
  xfs:x:33:33:X Font Server:/etc/X11/fs:/sbin/nologin
  games:x:35:35:games:/usr/games:/sbin/nologin
  cyrus:x:85:12::/usr/cyrus:/sbin/nologin
  vpopmail:x:89:89::/var/vpopmail:/sbin/nologin
  ntp:x:123:123:NTP:/var/empty:/sbin/nologin
  smmsp:x:209:209:smmsp:/var/spool/mqueue:/sbin/nologin
  guest:x:405:100:guest:/dev/null:/sbin/nologin
  nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

export const GROUP = text`
  root:x:0:root
  bin:x:1:root,bin,daemon
  daemon:x:2:root,bin,daemon
  sys:x:3:root,bin,adm
  adm:x:4:root,adm,daemon
  tty:x:5:
  disk:x:6:root,adm
  lp:x:7:lp
  mem:x:8:
  kmem:x:9:
  wheel:x:10:root
  floppy:x:11:root
  mail:x:12:mail
  news:x:13:news
  uucp:x:14:uucp
  cron:x:16:cron
  console:x:17:
  audio:x:18:
  cdrom:x:19:
  dialout:x:20:root
  ftp:x:21:
  sshd:x:22:
  input:x:23:
  tape:x:26:root
  video:x:27:root
  netdev:x:28:
  squid:x:31:squid
  xfs:x:33:xfs
  kvm:x:34:kvm
  games:x:35:
  shadow:x:42:
  cdrw:x:80:
  www-data:x:82:
  usb:x:85:
  vpopmail:x:89:
  users:x:100:games
  ntp:x:123:
  nofiles:x:200:
  smmsp:x:209:smmsp
  locate:x:245:
  abuild:x:300:
  utmp:x:406:
  ping:x:999:
  nogroup:x:65533:
  nobody:x:65534:
`;

/**
 * /etc/shadow as alpine-baselayout generates it from passwd (every account
 * locked with "!"), with root's empty password replaced by "*" as the
 * minirootfs does since CVE-2019-5021.
 */
export const SHADOW = PASSWD.trimEnd()
  .split('\n')
  .map((entry) => {
    const name = entry.split(':')[0]!;
    return name === 'root' ? 'root:*::0:::::' : `${name}:!::0:::::`;
  })
  .join('\n') + '\n';

/** Appends lines to one of the files above, as adduser/addgroup do in derived images. */
export function withLines(base: string, ...extra: string[]): string {
  return base + lines(...extra);
}

export const PROFILE = text`
  # Append "$1" to $PATH when not already in.
  # Copied from Arch Linux, see #12803 for details.
  append_path () {
  	case ":$PATH:" in
  		*:"$1":*)
  			;;
  		*)
  			PATH="\${PATH:+$PATH:}$1"
  			;;
  	esac
  }

  append_path "/usr/local/sbin"
  append_path "/usr/local/bin"
  append_path "/usr/sbin"
  append_path "/usr/bin"
  append_path "/sbin"
  append_path "/bin"
  unset -f append_path

  export PATH
  export PAGER=less
  umask 022

  # use nicer PS1 for bash and busybox ash
  if [ -n "$BASH_VERSION" -o "$BB_ASH_VERSION" ]; then
  	PS1='\h:\w\$ '
  # use nicer PS1 for zsh
  elif [ -n "$ZSH_VERSION" ]; then
  	PS1='%m:%~%# '
  # set up fallback default PS1
  else
  	: "\${HOSTNAME:=$(hostname)}"
  	PS1='\${HOSTNAME%%.*}:$PWD'
  	[ "$(id -u)" -eq 0 ] && PS1="\${PS1}# " || PS1="\${PS1}\$ "
  fi

  for script in /etc/profile.d/*.sh ; do
  	if [ -r "$script" ] ; then
  		. "$script"
  	fi
  done
  unset script
`;

export const LOCALE_SH = text`
  # set default locale
  export CHARSET=\${CHARSET:-UTF-8}
  export LANG=\${LANG:-C.UTF-8}
  export LC_COLLATE=\${LC_COLLATE:-C}
`;

export const PROFILE_D_README = text`
  This directory should contain shell scripts configuring system-wide
  environment on users' shells.

  Files with the .sh extension found in this directory are evaluated by
  Bourne-compatible shells (like ash, bash or zsh) when started as a
  login shell.
`;

/** Berth's own colour prompt; rename it to color_prompt.sh to turn it on, as on Alpine. */
export const COLOR_PROMPT = text`
  # Colourful prompt for login shells. Rename this file to color_prompt.sh
  # (drop the .disabled suffix) to enable it.

  # root gets a red prompt, everybody else a green one
  if [ "$(id -u)" -eq 0 ]; then
  	user_colour='\[\e[1;31m\]'
  else
  	user_colour='\[\e[1;32m\]'
  fi
  PS1="$user_colour\u@\h\[\e[0m\]:\[\e[1;34m\]\w\[\e[0m\]\$ "
  unset user_colour
`;

export const INITTAB = text`
  # /etc/inittab

  ::sysinit:/sbin/openrc sysinit
  ::sysinit:/sbin/openrc boot
  ::wait:/sbin/openrc default

  # Set up a couple of getty's
  tty1::respawn:/sbin/getty 38400 tty1
  tty2::respawn:/sbin/getty 38400 tty2
  tty3::respawn:/sbin/getty 38400 tty3
  tty4::respawn:/sbin/getty 38400 tty4
  tty5::respawn:/sbin/getty 38400 tty5
  tty6::respawn:/sbin/getty 38400 tty6

  # Put a getty on the serial port
  #ttyS0::respawn:/sbin/getty -L 115200 ttyS0 vt100

  # Stuff to do for the 3-finger salute
  ::ctrlaltdel:/sbin/reboot

  # Stuff to do before rebooting
  ::shutdown:/sbin/openrc shutdown
`;

export const FSTAB = '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n';

export const HOSTS = '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n';

export const MODULES = 'af_packet\nipv6\n';

export const SHELLS = '# valid login shells\n/bin/sh\n/bin/ash\n';

export const MOTD = text`
  Welcome to Alpine!

  The Alpine Wiki contains a large amount of how-to guides and general
  information about administrating Alpine systems.
  See <https://wiki.alpinelinux.org/>.

  You can setup the system with the command: setup-alpine

  You may change this message by editing /etc/motd.
` + '\n';

export const NSSWITCH = text`
  # musl itself does not support NSS, however some third-party DNS
  # implementations use the nsswitch.conf file to determine what
  # policy to follow.
  # Editing this file is not recommended.
  hosts: files dns
`;

export const SYSCTL_CONF = '# content of this file will override /etc/sysctl.d/*\n';

export const SYSCTL_ALPINE = text`
  # Prevents SYN DOS attacks. Applies to ipv6 as well, despite name.
  net.ipv4.tcp_syncookies = 1

  # Prevents ip spoofing.
  net.ipv4.conf.default.rp_filter = 1
  net.ipv4.conf.all.rp_filter = 1

  # Only groups within this id range can use ping.
  net.ipv4.ping_group_range=999 59999

  # Redirects can potentially be used to maliciously alter hosts
  # routing tables.
  net.ipv4.conf.all.accept_redirects = 0
  net.ipv4.conf.all.secure_redirects = 1
  net.ipv6.conf.all.accept_redirects = 0

  # The source routing feature includes some known vulnerabilities.
  net.ipv4.conf.all.accept_source_route = 0
  net.ipv6.conf.all.accept_source_route = 0

  # See RFC 1337
  net.ipv4.tcp_rfc1337 = 1

  ## Enable IPv6 Privacy Extensions (see RFC4941 and RFC3041)
  net.ipv6.conf.default.use_tempaddr = 2
  net.ipv6.conf.all.use_tempaddr = 2

  # Restarts computer after 120 seconds after kernel panic
  kernel.panic = 120

  # Users should not be able to create soft or hard links to files
  # which they do not own. This mitigates several privilege
  # escalation vulnerabilities.
  fs.protected_hardlinks = 1
  fs.protected_symlinks = 1

  # Disable unprivileged use of the bpf(2) syscall.
  # Allowing unprivileged use of the bpf(2) syscall may allow a
  # malicious user to compromise the machine.
  kernel.unprivileged_bpf_disabled = 1
`;

export const ROOT_CRONTAB = text`
  # do daily/weekly/monthly maintenance
  # min	hour	day	month	weekday	command
  */15	*	*	*	*	run-parts /etc/periodic/15min
  0	*	*	*	*	run-parts /etc/periodic/hourly
  0	2	*	*	*	run-parts /etc/periodic/daily
  0	3	*	*	6	run-parts /etc/periodic/weekly
  0	5	1	*	*	run-parts /etc/periodic/monthly
` + '\n';

/** /etc/modprobe.d, abridged to a few representative lines each. */
export const MODPROBE = {
  'aliases.conf': text`
    # Aliases to tell insmod/modprobe which modules to use
    # (abridged in Berth's image)

    alias net-pf-1 unix
    alias net-pf-2 ipv4
    alias net-pf-10 ipv6
    alias net-pf-17 af_packet
    alias char-major-10-200 tun
  `,
  'blacklist.conf': text`
    # blacklist modules that are known to cause problems
    # (abridged in Berth's image)

    # evbug is a debug tool and should be loaded explicitly
    blacklist evbug

    # Autoloading eth1394 most of the time re-orders ethernet devices
    blacklist eth1394

    # causes a panic on some hardware
    blacklist viafb
  `,
  'i386.conf': 'alias parport_lowlevel parport_pc\nalias char-major-10-144 nvram\nalias binfmt-0064 binfmt_aout\nalias char-major-10-135 rtc\n',
  'kms.conf': 'options i915 modeset=1\noptions nouveau modeset=1\noptions radeon modeset=1\n',
} as const;

export const SECURETTY = lines('console', ...Array.from({ length: 11 }, (_, i) => `tty${i + 1}`), 'hvc0');

/** Berth's own logrotate stanza for acpid, doing what Alpine's does. */
export const LOGROTATE_ACPID = text`
  /var/log/acpid.log {
  	missingok
  	notifempty
  	sharedscripts
  	postrotate
  		/etc/init.d/acpid --ifstarted restart || true
  	endscript
  }
`;

/** Berth's own if-up hook: wait until IPv6 duplicate address detection is over. */
export const IFUP_DAD = text`
  #!/bin/sh
  # Wait (up to about 5 seconds) until the interface's IPv6 addresses have
  # finished duplicate address detection, so services can bind to them.

  [ "$ADDRFAM" = "inet6" ] || exit 0
  tries=50
  while [ $tries -gt 0 ]; do
  	ip -6 addr show dev "$IFACE" | grep -q tentative || exit 0
  	tries=$((tries - 1))
  	usleep 100000
  done
  echo "$IFACE: IPv6 duplicate address detection did not finish" >&2
`;

/** Berth's own udhcpc hook: configure the interface from the lease udhcpc obtained. */
export const UDHCPC_SCRIPT = text`
  #!/bin/sh
  # udhcpc calls this with one argument (deconfig, bound, renew, leasefail,
  # nak) and the lease in environment variables: ip, subnet, router, dns, domain.

  RESOLV_CONF=\${RESOLV_CONF:-/etc/resolv.conf}

  case "$1" in
  	deconfig)
  		ip -4 addr flush dev "$interface"
  		ip link set dev "$interface" up
  		;;
  	bound|renew)
  		ip -4 addr flush dev "$interface"
  		ip -4 addr add "$ip/\${mask:-24}" dev "$interface"
  		for gw in $router; do
  			ip -4 route add default via "$gw" dev "$interface"
  		done
  		if [ -n "$dns" ] && [ "$RESOLV_CONF" != no ]; then
  			{
  				[ -n "$domain" ] && echo "search $domain"
  				for ns in $dns; do echo "nameserver $ns"; done
  			} > "$RESOLV_CONF"
  		fi
  		;;
  	leasefail|nak)
  		echo "udhcpc: no lease on $interface" >&2
  		;;
  esac
  exit 0
`;

/** musl's ldconfig is a small script; Berth's does the same: link sonames in library dirs. */
export const LDCONFIG = text`
  #!/bin/sh
  # musl needs no cache: this only creates the soname links that a
  # library directory is missing, as ldconfig does on glibc systems.

  for dir in /lib /usr/lib /usr/local/lib "$@"; do
  	[ -d "$dir" ] || continue
  	scanelf -qS "$dir"/*.so* 2>/dev/null | while read -r soname path; do
  		[ -n "$soname" ] || continue
  		[ -e "$dir/$soname" ] || ln -s "\${path##*/}" "$dir/$soname"
  	done
  done
`;

export const LDD = '#!/bin/sh\nexec /lib/ld-musl-x86_64.so.1 --list "$@"\n';

/** Abridged OpenSSL configuration, as libcrypto3 installs it. */
export const OPENSSL_CNF = text`
  #
  # OpenSSL example configuration file.
  # See doc/man5/config.pod for more info.
  #
  # This is mostly being used for generation of certificate requests,
  # but may be used for auto loading of providers
  # (abridged in Berth's image)

  # Note that you can include other files from the main configuration
  # file using the .include directive.
  #.include filename

  # This definition stops the following lines choking if HOME isn't
  # defined.
  HOME			= .

  openssl_conf = openssl_init

  [openssl_init]
  providers = provider_sect

  # List of providers to load
  [provider_sect]
  default = default_sect

  [default_sect]
  # activate = 1

  [ req ]
  default_bits		= 2048
  default_keyfile 	= privkey.pem
  distinguished_name	= req_distinguished_name
  attributes		= req_attributes
  x509_extensions	= v3_ca
  string_mask = utf8only

  [ req_distinguished_name ]
  countryName			= Country Name (2 letter code)
  countryName_default		= AU
  countryName_min			= 2
  countryName_max			= 2
  stateOrProvinceName		= State or Province Name (full name)
  stateOrProvinceName_default	= Some-State
  localityName			= Locality Name (eg, city)
  0.organizationName		= Organization Name (eg, company)
  0.organizationName_default	= Internet Widgits Pty Ltd
  commonName			= Common Name (e.g. server FQDN or YOUR name)
  commonName_max			= 64
  emailAddress			= Email Address
  emailAddress_max		= 64

  [ req_attributes ]
  challengePassword		= A challenge password
  challengePassword_min		= 4
  challengePassword_max		= 20

  [ v3_ca ]
  subjectKeyIdentifier=hash
  authorityKeyIdentifier=keyid:always,issuer
  basicConstraints = critical,CA:true
`;

export const CT_LOG_LIST = '# This file specifies the Certificate Transparency logs\n# that are to be trusted.\n\n# Google\'s list of logs can be found here:\n#       www.certificate-transparency.org/known-logs\n# Use the "log_list.json" file.\n';

/** Stand-in for a CA bundle: Berth's images carry no real certificates. */
export const CA_BUNDLE = text`
  # Placeholder for the Mozilla CA certificate bundle.
  #
  # The real file holds about 150 PEM certificates (-----BEGIN CERTIFICATE-----
  # blocks). Berth's emulated TLS trusts its simulated registry without them,
  # so this image ships this note instead of copied certificates.
`;

/** Stand-in for a public key file: the real key is not copied into Berth. */
export function publicKeyPlaceholder(name: string): string {
  return text`
    # Placeholder for the public key ${name}.
    # On a real system this file holds an RSA public key in PEM form
    # (-----BEGIN PUBLIC KEY----- …). Berth verifies nothing with it.
  `;
}

export const APK_REPOSITORIES = 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n';

export const APK_WORLD = lines('alpine-baselayout', 'alpine-keys', 'apk-tools', 'busybox', 'ca-certificates-bundle', 'musl-utils');
