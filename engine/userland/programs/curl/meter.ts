/**
 * curl's progress meter (lib/progress.c), drawn on stderr when the body
 * does not go to a terminal:
 *
 *       % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
 *                                      Dload  Upload   Total   Spent    Left  Speed
 *     100   565  100   565    0     0   551k      0 --:--:-- --:--:-- --:--:--  551k
 *
 * Each update starts with "\r" and redraws the line, at most once a second
 * and once more at the end, which also ends the line.
 */

/** max5data: a size in at most five columns. */
export function max5(bytes: number): string {
  const K = 1024;
  const M = K * K;
  const G = M * K;
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * K) return `${String(Math.floor(bytes / K)).padStart(4)}k`;
  if (bytes < 100 * M) return `${String(Math.floor(bytes / M)).padStart(2)}.${Math.floor((bytes % M) / (M / 10))}M`;
  if (bytes < 10000 * M) return `${String(Math.floor(bytes / M)).padStart(4)}M`;
  if (bytes < 100 * G) return `${String(Math.floor(bytes / G)).padStart(2)}.${Math.floor((bytes % G) / (G / 10))}G`;
  return `${String(Math.floor(bytes / G)).padStart(4)}G`;
}

/** time2str: "--:--:--" for nothing, else " h:mm:ss". */
function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export const METER_HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

export class Meter {
  private lastShowSec = -1;
  private headerOut = false;
  private firstSpeedAt: { ms: number; bytes: number } | undefined;
  downloaded = 0;
  uploaded = 0;
  /** Expected sizes, when known (Content-Length, the request body). */
  sizeDl: number | undefined;
  sizeUl: number | undefined;

  constructor(
    private readonly now: () => number,
    private readonly start: number,
    private readonly write: (text: string) => Promise<void>,
    readonly hidden: boolean,
  ) {}

  /** Curl_pgrsUpdate: redraws when a new second has begun (or `force`, at the end). */
  async update(force = false): Promise<void> {
    const now = this.now();
    const sec = Math.floor(now / 1000);
    if (!force && sec === this.lastShowSec) return;
    this.lastShowSec = sec;
    const spentMs = Math.max(0, now - this.start);
    const dlspeed = Math.floor((this.downloaded * 1000) / Math.max(1, spentMs));
    const ulspeed = Math.floor((this.uploaded * 1000) / Math.max(1, spentMs));
    let current: number;
    const total = this.downloaded + this.uploaded;
    if (!this.firstSpeedAt) {
      current = dlspeed + ulspeed;
      this.firstSpeedAt = { ms: now, bytes: total };
    } else current = Math.floor(((total - this.firstSpeedAt.bytes) * 1000) / Math.max(1, now - this.firstSpeedAt.ms));
    if (this.hidden) return;
    let text = '';
    if (!this.headerOut) {
      text += METER_HEADER;
      this.headerOut = true;
    }
    const pct = (done: number, size: number | undefined) => (size === undefined || size <= 0 ? 0 : size > 10000 ? Math.floor(done / Math.floor(size / 100)) : Math.floor((done * 100) / size));
    const dlest = this.sizeDl !== undefined && dlspeed > 0 ? Math.floor(this.sizeDl / dlspeed) : 0;
    const ulest = this.sizeUl !== undefined && ulspeed > 0 ? Math.floor(this.sizeUl / ulspeed) : 0;
    const estimate = Math.max(dlest, ulest);
    const spent = Math.floor(spentMs / 1000);
    const expected = (this.sizeUl ?? this.uploaded) + (this.sizeDl ?? this.downloaded);
    const totalPct = expected > 10000 ? Math.floor(total / Math.floor(expected / 100)) : expected > 0 ? Math.floor((total * 100) / expected) : 0;
    text +=
      `\r${String(totalPct).padStart(3)} ${max5(expected)}  ${String(pct(this.downloaded, this.sizeDl)).padStart(3)} ${max5(this.downloaded)}  ${String(pct(this.uploaded, this.sizeUl)).padStart(3)} ${max5(this.uploaded)}  ` +
      `${max5(dlspeed)}  ${max5(ulspeed)} ${time2str(estimate)} ${time2str(spent)} ${time2str(estimate > 0 ? estimate - spent : 0)} ${max5(current)}`;
    await this.write(text);
  }

  /** Curl_pgrsDone: the final update, and the end of the line. */
  async done(): Promise<void> {
    await this.update(true);
    if (!this.hidden) await this.write('\n');
  }
}
