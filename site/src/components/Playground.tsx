/** The playground: a terminal on a fresh engine, nothing to check. */
import { useEffect, useState } from 'preact/hooks';
import { EngineClient } from '../engine/client.ts';
import { Terminal } from './Terminal.tsx';
import { Diagram, type DiagramStrings } from './Diagram.tsx';

export default function Playground(props: { strings: { terminal: string; booting: string }; diagram: DiagramStrings }) {
  const [engine, setEngine] = useState<EngineClient | undefined>();
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState('');
  useEffect(() => {
    const e = new EngineClient({ setup: { pull: ['alpine'] }, cols: 100, rows: 30 });
    setEngine(e);
    e.ready.then(() => setReady(true), (err: Error) => setFailed(err.message));
    return () => e.terminate();
  }, []);
  return (
    <div class="playground">
      <div class="terminal-frame tall">
        {!ready && !failed && <p class="booting" role="status">{props.strings.booting}</p>}
        {failed && <p class="failed" role="alert">{failed}</p>}
        {engine && <Terminal engine={engine} label={props.strings.terminal} />}
      </div>
      {engine && ready && <Diagram engine={engine} strings={props.diagram} />}
    </div>
  );
}
