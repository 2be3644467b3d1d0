/**
 * A container's lifecycle as the daemon's state machine: the seven states
 * of State.Status, the commands and events that move between them, the
 * current state lit and the last transition drawn moving (CSS transitions
 * and a dash animation, both off under prefers-reduced-motion).
 */
import { fill, STATE_COLOR, STATES, type ContainerState, type DiagramStrings } from './model.ts';

const BOX = { w: 150, h: 52 };
const AT: Record<ContainerState, [number, number]> = {
  created: [85, 40],
  running: [310, 40],
  paused: [535, 40],
  restarting: [535, 145],
  removing: [85, 250],
  exited: [310, 250],
  dead: [535, 250],
};

/** from, to, label, path, where the label sits. */
const EDGES: [ContainerState, ContainerState, string, string, [number, number, 'start' | 'middle' | 'end']][] = [
  ['created', 'running', 'start', 'M160 40 H233', [197, 32, 'middle']],
  ['running', 'paused', 'pause', 'M385 30 H458', [422, 22, 'middle']],
  ['paused', 'running', 'unpause', 'M460 52 H387', [422, 72, 'middle']],
  ['running', 'exited', 'stop · die', 'M298 66 V222', [290, 150, 'end']],
  ['exited', 'running', 'start', 'M322 224 V68', [330, 150, 'start']],
  ['running', 'restarting', 'die', 'M362 66 Q375 148 458 148', [405, 165, 'middle']],
  ['restarting', 'running', 'restart', 'M468 120 L372 68', [478, 112, 'start']],
  ['created', 'removing', 'rm', 'M85 66 V222', [93, 150, 'start']],
  ['exited', 'removing', 'rm', 'M235 250 H162', [198, 242, 'middle']],
  ['removing', 'dead', '', 'M110 277 Q310 325 510 277', [310, 312, 'middle']],
];

export interface Transition {
  from: ContainerState;
  to: ContainerState;
}

export function Lifecycle(props: { name?: string; state?: ContainerState; removed?: boolean; last?: Transition; s: DiagramStrings }) {
  const { s, state } = props;
  const title = props.name ? fill(s.lifecycleOf, { name: props.name, state: props.removed ? s.removed : s.states[state ?? 'created'] }) : s.lifecycle;
  return (
    <svg class="lifecycle" viewBox="0 0 620 330" role="img" aria-labelledby="lc-t lc-d">
      <title id="lc-t">{title}</title>
      <desc id="lc-d">
        {EDGES.filter(([, , label]) => label)
          .map(([from, to, label]) => `${from} → ${to} (${label})`)
          .join('; ')}
      </desc>
      <defs>
        <marker id="lc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" fill="#6e7781" />
        </marker>
        <marker id="lc-arrow-taken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" fill="#0b5cad" />
        </marker>
      </defs>
      {EDGES.map(([from, to, label, d, [lx, ly, anchor]]) => {
        const taken = props.last?.from === from && props.last.to === to;
        return (
          <g key={`${from}-${to}`} class={taken ? 'lc-edge taken' : 'lc-edge'} data-from={from} data-to={to}>
            <path d={d} marker-end={taken ? 'url(#lc-arrow-taken)' : 'url(#lc-arrow)'} />
            {label && (
              <text x={lx} y={ly} text-anchor={anchor}>
                {label}
              </text>
            )}
          </g>
        );
      })}
      {STATES.map((st) => {
        const [x, y] = AT[st];
        const lit = st === state;
        const gloss = s.states[st] !== st ? s.states[st] : '';
        return (
          <g key={st} class={lit ? 'lc-state lit' : 'lc-state'} data-state={st} style={{ '--c': STATE_COLOR[st] }}>
            <rect x={x - BOX.w / 2} y={y - BOX.h / 2} width={BOX.w} height={BOX.h} rx="26" />
            <text x={x} y={gloss ? y - 3 : y + 6} text-anchor="middle" class="lc-name">
              {st}
            </text>
            {gloss && (
              <text x={x} y={y + 17} text-anchor="middle" class="lc-gloss">
                {gloss}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
