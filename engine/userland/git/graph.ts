/**
 * `git log --graph`: the text drawing of history to the left of each commit.
 *
 *     * 3df42de m2
 *     | * cf9d648 o1
 *     |/
 *     * aa526bf base
 *
 * Each column is a line of history waiting for its next commit. A commit's
 * line shows "*" in its column; its parent takes the column over; when that
 * parent already has a column, the line slides left ("/") until it joins.
 * This follows git's graph.c for commits with at most one parent (Berth's
 * git makes no merges); a merge's other parents are not drawn.
 */

interface Column {
  oid: string;
  color: number;
}

const COLORS = ['\x1b[31m', '\x1b[32m', '\x1b[33m', '\x1b[34m', '\x1b[35m', '\x1b[36m', '\x1b[1;31m', '\x1b[1;32m', '\x1b[1;33m', '\x1b[1;34m', '\x1b[1;35m', '\x1b[1;36m'];

type State = 'padding' | 'commit' | 'collapsing';

export class Graph {
  private columns: Column[] = [];
  private newColumns: Column[] = [];
  private mapping: number[] = [];
  private width = 0;
  private state: State = 'padding';
  private commit = '';
  private colorIndex = 0;

  constructor(private readonly colored: boolean) {}

  private paint(col: Column, ch: string): string {
    return this.colored ? `${COLORS[col.color]}${ch}\x1b[m` : ch;
  }

  private colorFor(oid: string): number {
    const c = this.columns.find((x) => x.oid === oid);
    return c ? c.color : this.colorIndex;
  }

  /** Moves on to `oid`, whose parent (if shown at all) is `parent`. */
  update(oid: string, parent: string | null): void {
    this.commit = oid;
    this.columns = this.newColumns;
    this.newColumns = [];
    const parents = parent === null ? 0 : 1;
    this.mapping = new Array<number>(2 * (this.columns.length + parents)).fill(-1);
    this.width = 0;
    const insert = (c: string) => {
      let i = this.newColumns.findIndex((x) => x.oid === c);
      if (i < 0) {
        i = this.newColumns.length;
        this.newColumns.push({ oid: c, color: this.colorFor(c) });
      }
      this.mapping[this.width] = i;
      this.width += 2;
    };
    let seen = false;
    let inColumns = true;
    for (let i = 0; i <= this.columns.length; i++) {
      let colOid: string;
      if (i === this.columns.length) {
        if (seen) break;
        inColumns = false;
        colOid = oid;
      } else colOid = this.columns[i]!.oid;
      if (colOid === oid) {
        seen = true;
        if (parent !== null) {
          if (!inColumns) this.colorIndex = (this.colorIndex + 1) % COLORS.length;
          insert(parent);
        } else this.width += 2;
      } else insert(colOid);
    }
    while (this.mapping.length > 1 && this.mapping[this.mapping.length - 1]! < 0) this.mapping.pop();
    this.state = 'commit';
  }

  private pad(line: string, visible: number): string {
    return visible < this.width ? line + ' '.repeat(this.width - visible) : line;
  }

  private mappingCorrect(): boolean {
    return this.mapping.every((t, i) => t < 0 || t === Math.floor(i / 2));
  }

  get finished(): boolean {
    return this.state === 'padding';
  }

  /** The graph part of the next output line. */
  nextLine(): string {
    if (this.state === 'commit') return this.commitLine();
    if (this.state === 'collapsing') return this.collapsingLine();
    let line = '';
    for (const c of this.newColumns) line += `${this.paint(c, '|')} `;
    return this.pad(line, this.newColumns.length * 2);
  }

  /** The separator line before a commit (graph_padding_line in the commit state). */
  separatorLine(): string {
    if (this.state !== 'commit') return this.nextLine();
    let line = '';
    for (const c of this.columns) line += `${this.paint(c, '|')} `;
    return this.pad(line, this.columns.length * 2);
  }

  private commitLine(): string {
    let line = '';
    let seen = false;
    let visible = 0;
    for (let i = 0; i <= this.columns.length; i++) {
      let oid: string;
      if (i === this.columns.length) {
        if (seen) break;
        oid = this.commit;
      } else oid = this.columns[i]!.oid;
      if (oid === this.commit) {
        seen = true;
        line += '*';
      } else line += this.paint(this.columns[i]!, '|');
      line += ' ';
      visible += 2;
    }
    this.state = this.mappingCorrect() ? 'padding' : 'collapsing';
    return this.pad(line, visible);
  }

  private collapsingLine(): string {
    const size = this.mapping.length;
    const next = new Array<number>(size).fill(-1);
    let horizontalEdge = -1;
    let horizontalTarget = -1;
    for (let i = 0; i < size; i++) {
      const target = this.mapping[i]!;
      if (target < 0) continue;
      if (target * 2 === i) next[i] = target;
      else if (next[i - 1]! < 0) {
        next[i - 1] = target;
        if (horizontalEdge === -1) {
          horizontalEdge = i;
          horizontalTarget = target;
          for (let j = target * 2 + 3; j < i - 2; j += 2) next[j] = target;
        }
      } else if (next[i - 1] === target) {
        // Joins the line to its left, which goes the same way.
      } else {
        next[i - 2] = target;
        if (horizontalEdge === -1) {
          horizontalEdge = i;
          horizontalTarget = target - 1;
        }
      }
    }
    let outSize = size;
    if (next[outSize - 1]! < 0) outSize--;
    let line = '';
    let usedHorizontal = false;
    for (let i = 0; i < outSize; i++) {
      const target = next[i]!;
      if (target < 0) line += ' ';
      else if (target * 2 === i) line += this.paint(this.newColumns[target]!, '|');
      else if (target === horizontalTarget && i !== horizontalEdge - 1) {
        if (i !== target * 2 + 3) next[i] = -1;
        usedHorizontal = true;
        line += this.paint(this.newColumns[target]!, '_');
      } else {
        if (usedHorizontal && i < horizontalEdge) next[i] = -1;
        line += this.paint(this.newColumns[target]!, '/');
      }
    }
    this.mapping = next.slice(0, outSize);
    if (this.mappingCorrect()) this.state = 'padding';
    return this.pad(line, outSize);
  }
}

/** Prefixes a commit's output (lines ending in "\n") with the graph. */
export function drawCommit(graph: Graph, text: string): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  for (const line of lines) out += `${graph.nextLine()}${line}\n`;
  while (!graph.finished) out += `${graph.nextLine()}\n`;
  return out;
}
