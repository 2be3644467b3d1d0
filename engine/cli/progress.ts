/**
 * Displays a stream of JSON messages (pull, push, load) as docker/cli's
 * jsonmessage.DisplayJSONMessagesStream does: off a terminal one line per
 * status (progress bars left out); on a terminal one line per layer id,
 * rewritten in place with the cursor moved up to it.
 */
import { lineBatches } from '../common/stream.ts';
import type { JsonMessage } from '../daemon/types.ts';
import { CommandError } from './cli.ts';

export async function displayJsonMessages(stream: AsyncIterable<Uint8Array>, write: (text: string) => Promise<void>, tty: boolean): Promise<JsonMessage[]> {
  const ids: string[] = [];
  const all: JsonMessage[] = [];
  for await (const lines of lineBatches(stream)) {
    for (const line of lines) {
      const m = JSON.parse(line) as JsonMessage;
      all.push(m);
      if (m.errorDetail || m.error) throw new CommandError(m.errorDetail?.message ?? m.error ?? 'unknown error');
      if (m.aux !== undefined && !m.status && !m.stream) continue;
      const text = m.stream ?? (m.id ? `${m.id}: ${m.status ?? ''}${tty && m.progress ? ` ${m.progress}` : ''}` : (m.status ?? ''));
      if (!tty) {
        if (m.progress || (m.progressDetail && m.progressDetail.total)) continue;
        await write(m.stream ?? `${text}\n`);
        continue;
      }
      if (m.id && m.status && !m.stream) {
        let i = ids.indexOf(m.id);
        if (i < 0 || m.status.startsWith('Pulling from')) {
          ids.push(m.id);
          await write(`${text}\n`);
          continue;
        }
        const up = ids.length - i;
        await write(`\x1b[${up}A\r\x1b[2K${text}\r\x1b[${up}B`);
      } else {
        await write(m.stream ?? `${text}\n`);
      }
    }
  }
  return all;
}
