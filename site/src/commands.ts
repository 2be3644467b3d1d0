/**
 * Shell code blocks in lesson prose become commands: a Run button types each
 * line into the terminal (a `berth:run` event the lesson's island handles),
 * a Copy button puts them on the clipboard. Opening a step's solution is
 * recorded (`berth:solution`).
 */
export function decorateCommands(root: ParentNode = document): void {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ko';
  const label = lang === 'en' ? { run: 'Run', copy: 'Copy', copied: 'Copied' } : { run: '실행', copy: '복사', copied: '복사됨' };
  for (const code of root.querySelectorAll<HTMLElement>('pre > code.language-sh, pre > code.language-console, pre > code.language-shell')) {
    const pre = code.parentElement!;
    if (pre.dataset.decorated) continue;
    pre.dataset.decorated = '1';
    const lines = (code.textContent ?? '')
      .split('\n')
      .map((l) => l.replace(/^\$ /, '').trim())
      .filter((l) => l && !l.startsWith('#'));
    const bar = document.createElement('div');
    bar.className = 'command-bar';
    const run = document.createElement('button');
    run.type = 'button';
    run.className = 'run';
    run.textContent = `▶ ${label.run}`;
    run.setAttribute('aria-label', `${label.run}: ${lines.join('; ')}`);
    run.addEventListener('click', () => {
      for (const line of lines) window.dispatchEvent(new CustomEvent('berth:run', { detail: line }));
    });
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'copy';
    copy.textContent = label.copy;
    copy.setAttribute('aria-label', `${label.copy}: ${lines.join('; ')}`);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(lines.join('\n'));
        copy.textContent = label.copied;
        setTimeout(() => (copy.textContent = label.copy), 1500);
      } catch {
        // no clipboard permission
      }
    });
    bar.append(run, copy);
    pre.after(bar);
  }
  for (const d of root.querySelectorAll<HTMLDetailsElement>('details.solution')) {
    d.addEventListener('toggle', () => {
      if (d.open) window.dispatchEvent(new CustomEvent('berth:solution', { detail: d.dataset.step }));
    });
  }
}
