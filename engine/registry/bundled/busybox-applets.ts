/**
 * Which BusyBox applets each image ships, and where.
 *
 * Alpine's busybox package is built with its own configuration; a trigger
 * runs `busybox --install -s` so each applet becomes a symlink to
 * /bin/busybox at the location BusyBox compiles in (`busybox --list-full`).
 * The Docker Hub `busybox` image is built from BusyBox's defconfig and
 * installs every applet into /bin as a hard link.
 */

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

/** `busybox --list-full` of Alpine 3.20's busybox 1.36.1-r29, by directory (without /bin/sh, owned by busybox-binsh). */
export const ALPINE_APPLETS: Readonly<Record<string, readonly string[]>> = {
  '/bin': words(`
    arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname
    dumpkmap echo ed egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname
    ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir
    mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress
    printenv ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sleep stat stty su sync
    tar touch true umount uname usleep watch zcat
  `),
  '/sbin': words(`
    acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock
    ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule
    iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe
    nameif nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach swapoff
    swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog
  `),
  '/usr/bin': words(`
    [ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio
    crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor
    fallocate find flock fold free fuser groups hd head hexdump hostid id install ipcrm ipcs
    killall last less logger lsof lsusb lzcat lzma lzopcat md5sum mesg microcom mkfifo mkpasswd nc
    nl nmeter nohup nproc nsenter nslookup od openvt passwd paste pgrep pkill pmap printf pscan
    pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum sha256sum
    sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test time timeout top
    tr traceroute traceroute6 truncate tty ttysize udhcpc6 unexpand uniq unix2dos unlink unlzma
    unlzop unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which who whoami
    whois xargs xxd xzcat yes
  `),
  '/usr/sbin': words(`
    add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake
    fbset killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead
    remove-shell rfkill sendmail setfont setlogcons
  `),
};

/** Every applet of BusyBox 1.36.1's defconfig (plus `ar`), as the busybox image installs them in /bin. */
export const DEFCONFIG_APPLETS: readonly string[] = words(`
  [ [[ acpid add-shell addgroup adduser adjtimex ar arch arp arping ascii ash awk base32 base64
  basename bc beep blkdiscard blkid blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat
  chattr chgrp chmod chown chpasswd chpst chroot chrt chvt cksum clear cmp comm conspy cp cpio
  crc32 crond crontab cryptpw cttyhack cut date dc dd deallocvt delgroup deluser depmod devmem df
  dhcprelay diff dirname dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases
  echo ed egrep eject env envdir envuidgid ether-wake expand expr factor fakeidentd fallocate
  false fatattr fbset fbsplash fdflush fdformat fdisk fgconsole fgrep find findfs flock fold free
  freeramdisk fsck fsck.minix fsfreeze fstrim fsync ftpd ftpget ftpput fuser getopt getty grep
  groups gunzip gzip halt hd hdparm head hexdump hexedit hostid hostname httpd hush hwclock
  i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifenslave ifplugd ifup inetd init
  insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh iproute iprule iptunnel
  kbd_mode kill killall killall5 klogd last less link linux32 linux64 linuxrc ln loadfont loadkmap
  logger login logname logread losetup lpd lpq lpr ls lsattr lsmod lsof lspci lsscsi lsusb lzcat
  lzma lzop makedevs makemime man md5sum mdev mesg microcom mim mkdir mkdosfs mke2fs mkfifo
  mkfs.ext2 mkfs.minix mkfs.vfat mknod mkpasswd mkswap mktemp modinfo modprobe more mount
  mountpoint mpstat mt mv nameif nanddump nandwrite nbd-client nc netstat nice nl nmeter nohup
  nologin nproc nsenter nslookup ntpd od openvt partprobe passwd paste patch pgrep pidof ping
  ping6 pipe_progress pivot_root pkill pmap popmaildir poweroff powertop printenv printf ps pscan
  pstree pwd pwdx raidautorun rdate rdev readahead readlink readprofile realpath reboot reformime
  remove-shell renice reset resize resume rev rm rmdir rmmod route rpm rpm2cpio rtcwake run-init
  run-parts runlevel runsv runsvdir rx script scriptreplay sed seedrng sendmail seq setarch
  setconsole setfattr setfont setkeycodes setlogcons setpriv setserial setsid setuidgid sh sha1sum
  sha256sum sha3sum sha512sum showkey shred shuf slattach sleep smemcap softlimit sort split
  ssl_client start-stop-daemon stat strings stty su sulogin sum sv svc svlogd svok swapoff swapon
  switch_root sync sysctl syslogd tac tail tar taskset tc tcpsvd tee telnet telnetd test tftp
  tftpd time timeout top touch tr traceroute traceroute6 tree true truncate ts tsort tty ttysize
  tunctl ubiattach ubidetach ubimkvol ubirename ubirmvol ubirsvol ubiupdatevol udhcpc udhcpc6
  udhcpd udpsvd uevent umount uname unexpand uniq unix2dos unlink unlzma unshare unxz unzip uptime
  users usleep uudecode uuencode vconfig vi vlock volname w wall watch watchdog wc wget which who
  whoami whois xargs xxd xz xzcat yes zcat zcip
`);
