/**
 * Images as stacks of layers, bottom layer last, and each container's
 * writable layer on top of its image. A layer has one colour wherever it
 * appears, and a layer two images share is outlined and starred. The
 * writable layer grows with what the container changed (SizeRw: copy-up).
 */
import { fill, humanSize, STATE_COLOR, imageName, nameOf, sharedLayers, short, type DiagramStrings, type Snapshot } from './model.ts';

const W = 190;
const H = 24;

function colorOf(digest: string): string {
  let h = 0;
  for (const c of digest.slice(7, 19)) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h} 50% 34%)`;
}

/** A writable layer's height: 24 units, and more as it fills (log scale: bytes to megabytes fit). */
const rwHeight = (size = 0) => H + Math.min(30, Math.round(2 * Math.log2(1 + size)));

export function Layers(props: { snap: Snapshot; s: DiagramStrings; open: (title: string, path: string) => void }) {
  const { snap, s } = props;
  const shared = sharedLayers(snap.images);
  if (snap.images.length === 0) return <p class="none">{s.none}</p>;
  return (
    <div class="images">
      {snap.images.map((img) => {
        const name = imageName(img);
        const users = snap.containers.filter((c) => c.ImageID === img.Id);
        const heights = users.map((c) => rwHeight(c.SizeRw));
        const top = heights.reduce((a, h) => a + h + 3, 2);
        const height = top + img.layers.length * (H + 3) + 1;
        const nShared = img.layers.filter((l) => shared.has(l)).length;
        const id = `img-${short(img.Id)}`;
        let y = 2;
        return (
          <figure class="image" key={img.Id} data-image={name}>
            <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-labelledby={`${id}-t ${id}-d`}>
              <title id={`${id}-t`}>{fill(s.layersOf, { name, n: img.layers.length, shared: nShared })}</title>
              <desc id={`${id}-d`}>
                {[...users.map((c) => `${nameOf(c)}: ${s.writable} ${humanSize(c.SizeRw ?? 0)}`), ...[...img.layers].reverse().map((l) => `${short(l)}${shared.has(l) ? ` (${s.shared})` : ''}`)].join('; ')}
              </desc>
              {users.map((c, k) => {
                const h = heights[k]!;
                const at = y;
                y += h + 3;
                return (
                  <g key={c.Id} class="rw" data-container={nameOf(c)} data-size={c.SizeRw ?? 0} onClick={() => props.open(nameOf(c), `/containers/${c.Id}/json?size=1`)}>
                    <rect x="2" y={at} width={W - 4} height={h} rx="4" fill="#fff" stroke={STATE_COLOR[c.State]} stroke-width="2" stroke-dasharray="5 3" />
                    <text x="10" y={at + h / 2 + 5} font-size="14" fill="#17202b">
                      {nameOf(c)} (rw) {humanSize(c.SizeRw ?? 0)}
                    </text>
                  </g>
                );
              })}
              {[...img.layers].reverse().map((l, k) => {
                const at = top + k * (H + 3);
                const isShared = shared.has(l);
                return (
                  <g key={`${l}-${k}`} class={isShared ? 'layer shared' : 'layer'} onClick={() => props.open(name, `/images/${img.Id}/json`)}>
                    <rect x="2" y={at} width={W - 4} height={H} rx="4" fill={colorOf(l)} stroke={isShared ? '#f0a500' : 'none'} stroke-width="3" />
                    <text x="10" y={at + 17} font-size="14" fill="#fff">
                      {short(l)}
                      {isShared ? ' ★' : ''}
                    </text>
                  </g>
                );
              })}
            </svg>
            <figcaption>
              <button type="button" class="linkish" onClick={() => props.open(name, `/images/${img.Id}/json`)}>
                {name}
              </button>
            </figcaption>
          </figure>
        );
      })}
    </div>
  );
}
