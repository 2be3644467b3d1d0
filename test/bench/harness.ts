/**
 * A small benchmark harness: each case runs warm-up rounds, then timed
 * rounds; we report the median (and the spread) and the ratio to a baseline
 * case measured in the same process, so machines of different speeds can be
 * compared by ratio.
 */

export interface Result {
  name: string;
  median: number;
  p10: number;
  p90: number;
  runs: number;
  unit: 'ms' | 'µs' | 'KB';
  baseline?: string;
  note?: string;
}

export async function time(fn: () => unknown, options: { runs?: number; warmup?: number; inner?: number } = {}): Promise<number[]> {
  const { runs = 21, warmup = 3, inner = 1 } = options;
  for (let i = 0; i < warmup; i++) for (let j = 0; j < inner; j++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let j = 0; j < inner; j++) await fn();
    samples.push((performance.now() - t0) / inner);
  }
  return samples;
}

export function summarize(name: string, samples: number[], unit: Result['unit'], extra: Partial<Result> = {}): Result {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
  const scale = unit === 'µs' ? 1000 : 1;
  return { name, median: at(0.5) * scale, p10: at(0.1) * scale, p90: at(0.9) * scale, runs: s.length, unit, ...extra };
}

export function report(title: string, results: Result[]): string {
  const byName = new Map(results.map((r) => [r.name, r]));
  const rows = results.map((r) => {
    const base = r.baseline ? byName.get(r.baseline) : undefined;
    const ratio = base ? (r.median / base.median).toFixed(2) + '×' : '';
    const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
    return [r.name, `${fmt(r.median)} ${r.unit}`, `${fmt(r.p10)}–${fmt(r.p90)}`, String(r.runs), ratio, r.note ?? ''];
  });
  const header = ['case', 'median', 'p10–p90', 'runs', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [`\n${title}`, line(header), ...rows.map(line)].join('\n');
}
