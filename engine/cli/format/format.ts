/**
 * docker's `--format` (docker/cli cli/command/formatter): the one place that
 * turns rows into a table, a custom template or JSON lines. Commands never pad
 * columns themselves; they hand rows and their table layout to `renderFormatted`.
 *
 * - `table …` (or no format): the header row is the same template run over the
 *   header names, then every row; aligned by the tabwriter (minwidth 10, padding 3).
 * - `json`: each row as one JSON object per line, keys sorted (docker marshals
 *   the row's fields into a map).
 * - anything else: a Go template per row, one line each, nothing aligned.
 * - quiet (`-q`): `{{.ID}}` per row, whatever the format, as docker does.
 * Literal `\t` and `\n` in a format become a tab and a newline.
 *
 * @example
 *   renderFormatted({
 *     format: undefined,                       // docker ps with no --format
 *     defaultTable: 'table {{.ID}}\t{{.Image}}\t{{.Names}}',
 *     headers: { ID: 'CONTAINER ID', Image: 'IMAGE', Names: 'NAMES' },
 *     rows: [{ ID: 'a1b2c3d4e5f6', Image: 'nginx', Names: 'quirky_name' }],
 *     typeName: '*formatter.ContainerContext',
 *   })
 *   // "CONTAINER ID   IMAGE     NAMES\na1b2c3d4e5f6   nginx     quirky_name\n"
 */
import { goMap, goStruct } from './gofmt.ts';
import { runeWidth, tabwrite } from './tabwriter.ts';
import { dockerFuncs, goJSON, headerFuncs, parseTemplate, TemplateError, type GoFunc, type Template } from './template.ts';

// docker's HeaderFunctions replace json, split, join, title, lower, upper and
// truncate for the header row; pad stays, to keep the header aligned with rows.
const headerFuncSet: Record<string, GoFunc> = { ...dockerFuncs, ...headerFuncs };

export const TABLE_FORMAT_KEY = 'table';
export const JSON_FORMAT_KEY = 'json';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';

export interface RenderOptions {
  /** The --format value: undefined, '', 'table', 'table {{…}}', 'json' or a template. */
  format?: string;
  /** The command's default table, e.g. 'table {{.ID}}\t{{.Image}}'. */
  defaultTable: string;
  /** Column headers by field name: { ID: 'CONTAINER ID', … }. */
  headers: Record<string, string>;
  /** One object per row; fields, getters and methods named as docker's formatter names them. */
  rows: readonly object[];
  /** -q: print `quietFormat` (default `{{.ID}}`) per row. */
  quiet?: boolean;
  quietFormat?: string;
  /** The Go type docker's rows have, for error messages: '*formatter.ContainerContext'. */
  typeName?: string;
}

/** A bad --format, worded as docker prints it: `template parsing error: template: :1: …`. */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

/** The format docker's New…Format chooses: the default table, quiet, or the user's. */
export function chooseFormat(opts: Pick<RenderOptions, 'format' | 'defaultTable' | 'quiet' | 'quietFormat'>): string {
  const source = opts.format ?? '';
  if (opts.quiet) return opts.quietFormat ?? DEFAULT_QUIET_FORMAT;
  if (source === TABLE_FORMAT_KEY || source === '') return opts.defaultTable;
  return source;
}

/** Context.preFormat: strip `table`, expand `json`, trim spaces, unescape \t and \n. */
export function finalFormat(format: string): string {
  let f = format;
  if (f.startsWith(TABLE_FORMAT_KEY)) f = f.slice(TABLE_FORMAT_KEY.length);
  else if (f === JSON_FORMAT_KEY) f = '{{json .}}';
  f = f.replace(/^ +| +$/g, '');
  return f.replace(/\\t|\\n/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

/** Render rows as docker does for `--format`; throws FormatError. */
export function renderFormatted(opts: RenderOptions): string {
  const format = chooseFormat(opts);
  const isTable = format.startsWith(TABLE_FORMAT_KEY);
  const text = finalFormat(format);
  let tmpl: Template;
  try {
    tmpl = parseTemplate(text);
  } catch (err) {
    throw wrap(err);
  }
  let body = '';
  for (const row of opts.rows) {
    try {
      body += tmpl.execute(rowContext(row, opts.typeName ?? '*formatter.Context')) + '\n';
    } catch (err) {
      throw wrap(err);
    }
  }
  if (!isTable) return body;
  // The header row: same template over the header map, docker's HeaderFunctions
  // in place. Go ignores its errors and keeps what was written before one.
  const header = parseTemplate(text, { funcs: headerFuncSet }).render(
    goMap('formatter.SubHeaderContext', { ...opts.headers }),
  ).output;
  return tabwrite(header + '\n' + body);
}

function wrap(err: unknown): FormatError {
  if (err instanceof TemplateError) return new FormatError(`template parsing error: ${err.message}`);
  throw err;
}

/**
 * A row as the template sees it: a Go struct (missing fields are errors) whose
 * JSON is the sorted map of its argument-less fields and methods, as docker's
 * formatter.MarshalJSON builds it.
 */
function rowContext(row: object, typeName: string): object {
  const ctx = Object.create(row) as Record<string, unknown>;
  Object.defineProperty(ctx, 'MarshalJSON', {
    enumerable: false,
    value: () => {
      const out: Record<string, unknown> = {};
      for (const key of memberNames(row).sort()) {
        const v = (row as Record<string, unknown>)[key];
        if (typeof v === 'function') {
          if (v.length === 0) out[key] = v.call(row);
        } else {
          out[key] = v;
        }
      }
      return goJSON(out);
    },
  });
  return goStruct(typeName, ctx);
}

function memberNames(obj: object): string[] {
  const names = new Set<string>();
  for (let p: object | null = obj; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) if (k !== 'constructor' && /^\p{Lu}/u.test(k)) names.add(k);
  }
  return [...names];
}

/**
 * docker's Ellipsis: cut `s` to `max` display columns, ending in "…"
 * (COMMAND is `strconv.Quote(Ellipsis(cmd, 20))`).
 */
export function ellipsis(s: string, max: number): string {
  if (max <= 0) return '';
  const runes = [...s];
  if (max === 1) return runes[0] ?? '';
  const ascii = !/[^\x00-\x7f]/.test(s);
  if (ascii) return runes.length <= max ? s : runes.slice(0, max - 1).join('') + '…';
  let width = 0;
  const display = runes.map((r) => (width += runeWidth(r.codePointAt(0) as number) === 2 ? 2 : 1));
  if (width <= max) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if ((display[i] as number) <= max - 1 && (display[i + 1] as number) > max - 1) return runes.slice(0, i + 1).join('') + '…';
  }
  return s;
}

/** stringid.TruncateID: the 12-character short ID, without any "sha256:" prefix. */
export function truncateID(id: string): string {
  const i = id.indexOf(':');
  const bare = i >= 0 ? id.slice(i + 1) : id;
  return bare.length > 12 ? bare.slice(0, 12) : bare;
}
