/**
 * The learner's terminal: xterm.js showing the emulated host's pseudo-
 * terminal in the worker. Keys go to the tty as bytes; the tty's line
 * discipline (echo, erase, ^C) is the kernel's, as on a real machine.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import '@xterm/xterm/css/xterm.css';
import type { EngineClient } from '../engine/client.ts';

// xterm touches the DOM when loaded: only in the browser, after the page is drawn.
const loadXterm = () => Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), import('@xterm/addon-web-links')]);

export function Terminal(props: { engine: EngineClient; label: string; help?: string; fontSize?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cleanup = () => undefined as void;
    let gone = false;
    void loadXterm().then(([{ Terminal: XTerm }, { FitAddon }, { WebLinksAddon }]) => {
      if (gone) return;
      cleanup = mount(XTerm, FitAddon, WebLinksAddon);
    });
    return () => {
      gone = true;
      cleanup();
    };
  }, [props.engine]);

  function mount(XTerm: typeof import('@xterm/xterm').Terminal, FitAddon: typeof import('@xterm/addon-fit').FitAddon, WebLinksAddon: typeof import('@xterm/addon-web-links').WebLinksAddon): () => void {
    const term = new XTerm({
      convertEol: false,
      cursorBlink: true,
      fontSize: props.fontSize ?? 15,
      fontFamily: 'ui-monospace, "SFMono-Regular", "D2Coding", "Noto Sans Mono CJK KR", Menlo, Consolas, monospace',
      theme: { background: '#0f1720', foreground: '#e6edf3', cursor: '#7ee787' },
      screenReaderMode: false,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon());
    term.open(el.current!);
    // Tab completes in the shell, as in any terminal; Shift+Tab, or Esc then Tab, leaves (no keyboard trap).
    let escapeAt = -Infinity;
    term.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && e.key === 'Escape') escapeAt = e.timeStamp;
      if (e.key !== 'Tab' || !(e.shiftKey || e.timeStamp - escapeAt < 1500)) return true;
      if (e.type === 'keydown') escapeAt = -Infinity;
      return false;
    });
    if (props.help) term.textarea?.setAttribute('aria-describedby', `${el.current!.id}-help`);
    const refit = () => {
      try {
        fit.fit();
        props.engine.resize(term.cols, term.rows);
      } catch {
        // not laid out yet
      }
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(el.current!);
    const offOut = props.engine.onOutput((data) => term.write(data));
    const sub = term.onData((d) => props.engine.input(d));
    const focus = () => term.focus();
    window.addEventListener('berth:focus-terminal', focus);
    term.focus();
    return () => {
      observer.disconnect();
      offOut();
      sub.dispose();
      window.removeEventListener('berth:focus-terminal', focus);
      term.dispose();
    };
  }
  const id = `terminal-${useId()}`;
  return (
    <>
      <div class="terminal" id={id} ref={el} role="region" aria-label={props.label} />
      {props.help && (
        <p class="terminal-help" id={`${id}-help`}>
          {props.help}
        </p>
      )}
    </>
  );
}
