/**
 * Linux's struct termios, whole, for stty: four flag words, the line
 * discipline and 32 control characters, with the bit values of x86-64.
 *
 * The kernel's `Termios` (engine/kernel/sys.ts) acts only on what its line
 * discipline models (icanon, echo, isig, icrnl, opost…). The other bits
 * (ixon, parity, speed…) are kept in its `linux` field, so they survive
 * from one stty to the next, though nothing in the kernel acts on them.
 * A fresh terminal has the flags of a new Linux pseudo-terminal.
 */
import type { Termios } from '../../kernel/sys.ts';

export interface LinuxTermios {
  iflag: number;
  oflag: number;
  cflag: number;
  lflag: number;
  line: number;
  /** c_cc, indexed by V* below (NCCS = 32). */
  cc: number[];
}

/** The kernel's termios, whose `linux` field carries the unmodelled rest. */
export type TermiosWithLinux = Termios;

export const NCCS = 32;
export const V = { INTR: 0, QUIT: 1, ERASE: 2, KILL: 3, EOF: 4, TIME: 5, MIN: 6, SWTC: 7, START: 8, STOP: 9, SUSP: 10, EOL: 11, REPRINT: 12, DISCARD: 13, WERASE: 14, LNEXT: 15, EOL2: 16 } as const;

export const I = { IGNBRK: 0o1, BRKINT: 0o2, IGNPAR: 0o4, PARMRK: 0o10, INPCK: 0o20, ISTRIP: 0o40, INLCR: 0o100, IGNCR: 0o200, ICRNL: 0o400, IUCLC: 0o1000, IXON: 0o2000, IXANY: 0o4000, IXOFF: 0o10000, IMAXBEL: 0o20000, IUTF8: 0o40000 } as const;
export const O = {
  OPOST: 0o1, OLCUC: 0o2, ONLCR: 0o4, OCRNL: 0o10, ONOCR: 0o20, ONLRET: 0o40, OFILL: 0o100, OFDEL: 0o200,
  NLDLY: 0o400, NL1: 0o400, CRDLY: 0o3000, CR1: 0o1000, CR2: 0o2000, CR3: 0o3000, TABDLY: 0o14000, TAB1: 0o4000, TAB2: 0o10000, TAB3: 0o14000,
  BSDLY: 0o20000, BS1: 0o20000, VTDLY: 0o40000, VT1: 0o40000, FFDLY: 0o100000, FF1: 0o100000,
} as const;
export const C = { CBAUD: 0o10017, CSIZE: 0o60, CS5: 0, CS6: 0o20, CS7: 0o40, CS8: 0o60, CSTOPB: 0o100, CREAD: 0o200, PARENB: 0o400, PARODD: 0o1000, HUPCL: 0o2000, CLOCAL: 0o4000, CMSPAR: 0o10000000000, CRTSCTS: 0o20000000000 } as const;
export const L = { ISIG: 0o1, ICANON: 0o2, XCASE: 0o4, ECHO: 0o10, ECHOE: 0o20, ECHOK: 0o40, ECHONL: 0o100, NOFLSH: 0o200, TOSTOP: 0o400, ECHOCTL: 0o1000, ECHOPRT: 0o2000, ECHOKE: 0o4000, FLUSHO: 0o10000, PENDIN: 0o40000, IEXTEN: 0o100000, EXTPROC: 0o200000 } as const;

/** Baud rates and their CBAUD codes (B0 … B4000000). */
export const BAUDS: readonly [number, number][] = [
  [0, 0], [50, 1], [75, 2], [110, 3], [134, 4], [150, 5], [200, 6], [300, 7], [600, 8], [1200, 9], [1800, 10], [2400, 11], [4800, 12], [9600, 13], [19200, 14], [38400, 15],
  [57600, 0o10001], [115200, 0o10002], [230400, 0o10003], [460800, 0o10004], [500000, 0o10005], [576000, 0o10006], [921600, 0o10007], [1000000, 0o10010],
  [1152000, 0o10011], [1500000, 0o10012], [2000000, 0o10013], [2500000, 0o10014], [3000000, 0o10015], [3500000, 0o10016], [4000000, 0o10017],
];

/** A new Linux pseudo-terminal's settings. */
export function ptyDefaults(): LinuxTermios {
  const cc = new Array<number>(NCCS).fill(0);
  Object.assign(cc, { [V.INTR]: 3, [V.QUIT]: 0o34, [V.ERASE]: 0o177, [V.KILL]: 0o25, [V.EOF]: 4, [V.MIN]: 1, [V.START]: 0o21, [V.STOP]: 0o23, [V.SUSP]: 0o32, [V.REPRINT]: 0o22, [V.DISCARD]: 0o17, [V.WERASE]: 0o27, [V.LNEXT]: 0o26 });
  return {
    iflag: I.ICRNL | I.IXON,
    oflag: O.OPOST | O.ONLCR,
    cflag: 0o17 | C.CS8 | C.CREAD,
    lflag: L.ISIG | L.ICANON | L.ECHO | L.ECHOE | L.ECHOK | L.ECHOCTL | L.ECHOKE | L.IEXTEN,
    line: 0,
    cc,
  };
}

const bit = (on: boolean, value: number) => (on ? value : 0);
// The kernel's cc names, by Linux index.
const KERNEL_CC: [keyof Termios['cc'], number][] = [
  ['VINTR', V.INTR], ['VQUIT', V.QUIT], ['VERASE', V.ERASE], ['VKILL', V.KILL], ['VEOF', V.EOF], ['VSUSP', V.SUSP],
  ['VWERASE', V.WERASE], ['VLNEXT', V.LNEXT], ['VREPRINT', V.REPRINT], ['VMIN', V.MIN], ['VTIME', V.TIME],
];
const MODELLED = { i: I.ICRNL, o: O.OPOST | O.ONLCR, l: L.ISIG | L.ICANON | L.ECHO | L.ECHOE | L.ECHOK | L.ECHOCTL | L.IEXTEN };

/** The whole termios: the kernel's flags, the rest as last stored (or a new pty's). */
export function toLinux(t: TermiosWithLinux): LinuxTermios {
  const base = t.linux ?? ptyDefaults();
  const cc = [...base.cc];
  for (const [name, index] of KERNEL_CC) cc[index] = t.cc[name];
  return {
    iflag: (base.iflag & ~MODELLED.i) | bit(t.icrnl, I.ICRNL),
    oflag: (base.oflag & ~MODELLED.o) | bit(t.opost, O.OPOST) | bit(t.onlcr, O.ONLCR),
    cflag: base.cflag,
    lflag: (base.lflag & ~MODELLED.l) | bit(t.isig, L.ISIG) | bit(t.icanon, L.ICANON) | bit(t.echo, L.ECHO) | bit(t.echoe, L.ECHOE) | bit(t.echok, L.ECHOK) | bit(t.echoctl, L.ECHOCTL) | bit(t.iexten, L.IEXTEN),
    line: base.line,
    cc,
  };
}

/** The kernel's termios for a whole one (to hand to tcsetattr). */
export function fromLinux(full: LinuxTermios, old: Termios): TermiosWithLinux {
  const cc = { ...old.cc };
  for (const [name, index] of KERNEL_CC) cc[name] = full.cc[index] ?? 0;
  return {
    ...old,
    icrnl: (full.iflag & I.ICRNL) !== 0,
    opost: (full.oflag & O.OPOST) !== 0,
    onlcr: (full.oflag & O.ONLCR) !== 0,
    isig: (full.lflag & L.ISIG) !== 0,
    icanon: (full.lflag & L.ICANON) !== 0,
    echo: (full.lflag & L.ECHO) !== 0,
    echoe: (full.lflag & L.ECHOE) !== 0,
    echok: (full.lflag & L.ECHOK) !== 0,
    echoctl: (full.lflag & L.ECHOCTL) !== 0,
    iexten: (full.lflag & L.IEXTEN) !== 0,
    cc,
    linux: { ...full, cc: [...full.cc] },
  };
}

export function sameTermios(a: LinuxTermios, b: LinuxTermios): boolean {
  return a.iflag === b.iflag && a.oflag === b.oflag && a.cflag === b.cflag && a.lflag === b.lflag && a.line === b.line && a.cc.every((v, i) => v === b.cc[i]);
}
