import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrument } from './instrument.ts';
import { tokenize } from './tokens.ts';

/** Runs instrumented code with helpers that count guard calls; returns the result and the count. */
function run(src: string): { value: unknown; guards: number } {
  let guards = 0;
  const code = instrument(src).code;
  const helpers = {
    __berth_g: () => void guards++,
    __berth_at: (_l: number, _c: number, v: unknown) => v,
    __berth_T: () => undefined,
    __berth_U: (v: unknown) => v,
    __berth_async: (body: () => Promise<unknown>) => body(),
  };
  const fn = new Function(...Object.keys(helpers), code) as (...a: unknown[]) => unknown;
  return { value: fn(...Object.values(helpers)), guards };
}

describe('the tokenizer', () => {
  it('tells regular expressions from division', () => {
    const kinds = (src: string) => tokenize(src).map((t) => `${t.t}:${t.v}`);
    expect(kinds('a = b / c / d')).toEqual(['name:a', 'punct:=', 'name:b', 'punct:/', 'name:c', 'punct:/', 'name:d']);
    expect(kinds('x = /a{2}\\/(b)[/]/g.test(s)')).toContain('regex:/a{2}\\/(b)[/]/g');
    expect(kinds('if (x) /re/.test(y)')).toContain('regex:/re/');
    expect(kinds('return /x/')).toContain('regex:/x/');
    expect(kinds('(a) / 2')).toContain('punct:/');
  });

  it('follows template literals through nested substitutions', () => {
    const toks = tokenize('`a ${ {b: `c ${d}`}.b } e` + f');
    expect(toks.map((t) => t.v)).toEqual(['`a ${', '{', 'b', ':', '`c ${', 'd', '}`', '}', '.', 'b', '} e`', '+', 'f']);
  });

  it('skips comments and strings that look like code', () => {
    expect(tokenize('// while (true) {\n/* for (;;) */ "while(1){}"').map((t) => t.t)).toEqual(['str']);
  });
});

describe('the instrumenter', () => {
  it('guards every kind of loop, and functions, without changing what code does', () => {
    expect(run('let n = 0; for (let i = 0; i < 5; i++) n += i; return n;')).toEqual({ value: 10, guards: 6 });
    expect(run('let i = 0; while (i < 3) i++; return i;').value).toBe(3);
    expect(run('let i = 0; do i++; while (i < 3); return i;').value).toBe(3);
    expect(run('let s = 0; for (const x of [1, 2, 3]) { s += x } return s;')).toEqual({ value: 6, guards: 3 });
    expect(run('let s = 0; outer: for (;;) { for (;;) { s++; if (s > 2) break outer; continue outer; } } return s;').value).toBe(3);
    expect(run('const f = (a, b = 2) => a * b; return [1, 2].map((x) => f(x));').value).toEqual([2, 4]);
    expect(run('function f() { return arguments.length } return f(1, 2, 3);').value).toBe(3);
    expect(run('const fib = (n) => n < 2 ? n : fib(n - 1) + fib(n - 2); return fib(10);').guards).toBeGreaterThan(100);
  });

  it('keeps this, arguments and super in async functions it rewrites', async () => {
    const { value } = run(`
      class A { base() { return 'A' } }
      class B extends A { async m(x) { await null; return super.base() + x + arguments.length } }
      async function f() { return [this.k, arguments[0]] }
      const g = async (x) => x * 2;
      const h = async x => x + 1;
      return Promise.all([new B().m('!', 2), f.call({ k: 'k' }, 'arg'), g(2), h(1)]);`);
    expect(await value).toEqual(['A!2', ['k', 'arg'], 4, 2]);
  });

  it('leaves alone what only looks like a loop', () => {
    const src = 'class Q { while(a, b) { return a + b } static for() { return 1 } } const o = { while: 1, throw() { return 2 } }; return new Q().while(1, 2) + Q.for() + o.while + o.throw();';
    expect(run(src).value).toBe(7);
    expect(run('switch (1) { case 1: return "one" }').value).toBe('one');
  });

  it('ends a throw where automatic semicolon insertion ends it', () => {
    const src = 'try { if (true) throw new Error("a")\n} catch (e) { return e.message }';
    expect(run(src).value).toBe('a');
    expect(run('try { throw 1, 2 } catch (e) { return e }').value).toBe(2);
  });

  it('maps columns back to the learner\'s source', () => {
    const src = 'for (let i = 0; i < 1; i++) { x() }';
    const out = instrument(src);
    const at = out.code.indexOf('x()');
    expect(out.column(1, at + 1)).toBe(src.indexOf('x()') + 1);
    expect(out.code.split('\n').length).toBe(src.split('\n').length);
  });

  it('keeps real-world code parseable (packages in node_modules)', () => {
    const files: string[] = [];
    const walk = (dir: string, depth: number) => {
      if (depth > 6 || files.length >= 400) return;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p, depth + 1);
        else if (/\.c?js$/.test(name) && st.size < 200_000) files.push(p);
      }
    };
    for (const pkg of ['@jsonjoy.com', 'memfs/lib', 'isomorphic-git', 'buffer', 'esbuild/lib', 'tsx/dist']) {
      try {
        walk(join(__dirname, '../../../node_modules', pkg), 0);
      } catch {
        // not installed
      }
    }
    const broken: string[] = [];
    let checked = 0;
    for (const f of files) {
      const src = readFileSync(f, 'utf8').replace(/^#!.*/, '');
      try {
        new Function(src);
      } catch {
        continue; // ES modules and the like: not for new Function
      }
      checked++;
      try {
        new Function(instrument(src).code);
      } catch (err) {
        broken.push(`${f}: ${(err as Error).message}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  }, 60_000);
});
