/** The playground: a terminal on its own machine (kept across reloads), nothing to check. */
import { Terminal } from './Terminal.tsx';
import { LazyDiagram as Diagram, type DiagramStrings } from './LazyDiagram.tsx';
import { MachineNotices, SaveStatus, useMachine, type MachineStrings } from './machine.tsx';

export interface PlaygroundStrings extends MachineStrings {
  terminal: string;
  terminalHelp: string;
  reset: string;
  resetConfirm: string;
}

export default function Playground(props: { strings: PlaygroundStrings; diagram: DiagramStrings }) {
  const machine = useMachine({ machine: 'playground', setup: { pull: ['alpine'] }, cols: 100, rows: 30 });
  const { ready, reset } = machine;
  // After a handover to another tab this page has no engine.
  const engine = machine.handover === 'moved' ? undefined : machine.engine;
  const s = props.strings;
  return (
    <div class="playground">
      <div class="terminal-frame tall">
        <MachineNotices machine={machine} strings={s} />
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
