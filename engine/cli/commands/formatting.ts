/**
 * `--format` for list and inspect commands through the formatter package
 * (format/format.ts): `table …` with headers, `json`, or a Go template.
 */
import { CommandError } from '../cli.ts';
import { renderFormatted } from '../format/format.ts';
import { parseTemplate } from '../format/template.ts';

export async function renderTemplate(format: string, data: unknown): Promise<string> {
  if (format === 'json') return JSON.stringify(data);
  try {
    return parseTemplate(format).execute(data);
  } catch (err) {
    throw new CommandError(`template parsing error: ${(err as Error).message}`, 1);
  }
}

export async function formatRows(format: string, rows: readonly object[], headers: Record<string, string>): Promise<string> {
  try {
    return renderFormatted({ format, defaultTable: '', headers, rows });
  } catch (err) {
    throw new CommandError((err as Error).message, 1);
  }
}
