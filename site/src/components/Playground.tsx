/** The playground: a terminal on its own machine (kept across reloads), nothing to check. */
import { Terminal } from './Terminal.tsx';
import { LazyDiagram as Diagram, type DiagramStrings } from './LazyDiagram.tsx';
import { SaveStatus, useMachine } from './machine.tsx';

export interface PlaygroundStrings {
  terminal: string;
  terminalHelp: string;
  booting: string;
  saved: string;
  saveFailed: string;
  /** With `{time}`. */
  restored: string;
  reset: string;
  resetConfirm: string;
}

export default function Playground(props: { strings: PlaygroundStrings; diagram: DiagramStrings }) {
  const { engine, ready, failed, restored, reset } = useMachine({ machine: 'playground', setup: { pull: ['alpine'] }, cols: 100, rows: 30 });
  const s = props.strings;
  return (
    <div class="playground">
      <div class="terminal-frame tall">
        {!ready && !failed && <p class="booting" role="status">{s.booting}</p>}
        {failed && <p class="failed" role="alert">{failed}</p>}
        {restored && <p class="restored">{s.restored.replace('{time}', new Date(restored).toLocaleString(document.documentElement.lang))}</p>}
        {engine && <Terminal engine={engine} label={s.terminal} help={s.terminalHelp} />}
        <div class="terminal-foot">
          {engine && <SaveStatus engine={engine} saved={s.saved} failed={s.saveFailed} />}
          <button type="button" class="reset" onClick={() => confirm(s.resetConfirm) && reset()}>
            {s.reset}
          </button>
        </div>
      </div>
      {engine && ready && <Diagram engine={engine} strings={props.diagram} />}
    </div>
  );
}
