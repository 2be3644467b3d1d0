/**
 * The diagrams come after the terminal: their code loads once the shell's
 * first prompt has arrived and settled (or 1.5 s after the engine is ready,
 * if the prompt came first), so they never delay the moment a learner can
 * type, and the page's JavaScript budget counts only what loads before it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EngineClient } from '../engine/client.ts';
import type { DiagramStrings } from './diagram/model.ts';

export type { DiagramStrings };
type DiagramComponent = typeof import('./Diagram.tsx').Diagram;

export function LazyDiagram(props: { engine: EngineClient; strings: DiagramStrings }) {
  const [Diagram, setDiagram] = useState<DiagramComponent | undefined>();
  useEffect(() => {
    let gone = false;
    let ready = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(timer);
      off();
      void import('./Diagram.tsx').then((m) => !gone && setDiagram(() => m.Diagram));
    };
    // Once the engine is ready, the next output is the prompt.
    const off = props.engine.onOutput(() => {
      if (!ready) return;
      clearTimeout(timer);
      timer = setTimeout(load, 200);
    });
    void props.engine.ready.then(() => {
      ready = true;
      timer = setTimeout(load, 1500);
    });
    return () => {
      gone = true;
      clearTimeout(timer);
      off();
    };
  }, [props.engine]);
  if (Diagram) return <Diagram engine={props.engine} strings={props.strings} />;
  return (
    <section class="diagram" aria-labelledby="diagram-title" aria-busy="true">
      <h2 id="diagram-title">{props.strings.title}</h2>
    </section>
  );
}
