/**
 * What a published port serves, as a browser on the learner's host would
 * show http://localhost:PORT/: the engine makes the GET inside the emulated
 * machine (through docker-proxy to the container) and the page renders the
 * answer in a sandboxed frame — no scripts, no forms, nothing fetched from
 * outside the tab. A server that is still starting refuses or closes the
 * connection: the pane tries again a few times before saying so.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EngineClient } from '../engine/client.ts';
import type { HttpAnswer } from '../engine/protocol.ts';
import { fill, type DiagramStrings } from './diagram/model.ts';

export interface PreviewProps {
  engine: EngineClient;
  port: number;
  name: string;
  strings: DiagramStrings;
  onClose: () => void;
}

/** Worth another try in a moment: nothing listens yet, or the proxy found nothing behind it. */
const RETRY = new Set(['ECONNREFUSED', 'ECONNRESET', 'empty']);
const DELAYS = [250, 500, 750, 1000, 1500];

// The frame may show the page's own styles and inline images, and fetch nothing.
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function frameDocument(a: HttpAnswer): string {
  const body = a.body ?? '';
  if (/html/i.test(a.contentType ?? '') || (!a.contentType && /^\s*</.test(body))) {
    return /<head[^>]*>/i.test(body) ? body.replace(/<head[^>]*>/i, (h) => h + CSP) : CSP + body;
  }
  return `${CSP}<pre style="white-space:pre-wrap;font:15px/1.5 ui-monospace,monospace">${escape(body)}</pre>`;
}

export function Preview(props: PreviewProps) {
  const s = props.strings;
  const url = `http://localhost:${props.port}/`;
  const [answer, setAnswer] = useState<HttpAnswer | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let alive = true;
    setAnswer(undefined);
    void (async () => {
      for (let n = 0; ; n++) {
        setAttempt(n);
        const a = await props.engine.http(props.port, '/');
        if (!alive) return;
        if (a.error === undefined || !RETRY.has(a.code ?? '') || n >= DELAYS.length) {
          setAnswer(a);
          return;
        }
        await new Promise((r) => setTimeout(r, DELAYS[n]));
        if (!alive) return;
      }
    })();
    return () => {
      alive = false;
    };
  }, [props.port, generation]);

  const title = fill(s.previewOf, { url });
  let status: string;
  if (!answer) status = attempt > 0 ? `${s.connecting} (${attempt + 1})` : s.connecting;
  else if (answer.code === 'ECONNREFUSED') status = fill(s.refused, { port: props.port });
  else if (answer.code === 'empty') status = fill(s.emptyReply, { port: props.port });
  else if (answer.error !== undefined) status = fill(s.noAnswer, { url, error: answer.error });
  else status = `HTTP ${answer.status} ${answer.statusText ?? ''}`.trim();

  return (
    <section class="preview" aria-label={title} data-port={props.port}>
      <div class="preview-head">
        <span class="preview-url">{url}</span>
        <span class="preview-status" role="status">
          {status}
        </span>
        <button type="button" onClick={() => setGeneration((g) => g + 1)}>
          {s.reload}
        </button>
        <button type="button" onClick={props.onClose}>
          {s.close}
        </button>
      </div>
      {answer && answer.error === undefined && <iframe sandbox="" srcdoc={frameDocument(answer)} title={title} />}
    </section>
  );
}
