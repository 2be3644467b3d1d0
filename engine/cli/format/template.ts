/**
 * Go's text/template, enough of it for docker's `--format`, over plain JS data.
 *
 * Parse once, execute per row. Output and errors are Go's: a missing map key
 * prints `<no value>`, a missing struct field fails with
 * `template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type …`.
 * How JS values map to Go types (and how to mark a struct) is told in gofmt.ts.
 * Functions: Go's builtins plus docker's json, split, join, title, lower, upper,
 * pad and truncate.
 *
 * @example
 *   parseTemplate('{{range $k, $v := .}}{{$k}}={{$v}} {{end}}').execute({ b: 2, a: 1 })
 *   // "a=1 b=2 "
 *   parseTemplate('{{.Names | upper}}\t{{json .Ports}}').execute({ Names: 'web', Ports: [80] })
 *   // "WEB\t[80]"
 */
import { GoFloat, GoNil, kindOf, sortedEntries, sprint, typeName } from './gofmt.ts';
import { quote } from './gostrconv.ts';
import { argTypeName, builtinFuncs, dockerFuncs, isTrue, type ArgType, type GoFunc } from './template-funcs.ts';
import {
  nodeString,
  parse,
  TemplateError,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type NumberNode,
  type ParsedTemplate,
  type PipeNode,
} from './template-parse.ts';

export { TemplateError } from './template-parse.ts';
export { builtinFuncs, dockerFuncs, headerFuncs, goJSON, type GoFunc, type ArgType } from './template-funcs.ts';

export interface Template {
  /** Run the template over `data`; throws TemplateError with Go's message. */
  execute(data: unknown): string;
  /** Run it and keep what was written before an error, as Go's Execute does. */
  render(data: unknown): { output: string; error?: TemplateError };
}

export interface ParseOptions {
  /** Template name, shown in messages (`template: name:1: …`); docker uses "". */
  name?: string;
  /** Functions in addition to Go's builtins; default docker's. */
  funcs?: Record<string, GoFunc>;
}

/** Parse a Go template with docker's functions. Throws TemplateError as Go's Parse would. */
export function parseTemplate(text: string, opts: ParseOptions = {}): Template {
  const funcs = { ...builtinFuncs, ...(opts.funcs ?? dockerFuncs) };
  const tree = parse(opts.name ?? '', text, (name) => Object.hasOwn(funcs, name));
  return {
    execute: (data) => {
      const { output, error } = new Exec(tree, funcs).run(data);
      if (error) throw error;
      return output;
    },
    render: (data) => new Exec(tree, funcs).run(data),
  };
}

const MISSING = Symbol('missing'); // no value piped in from the previous command
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const maxExecDepth = 100000;

type Value = unknown;

class Exec {
  private out = '';
  private vars: { name: string; value: Value }[] = [];
  private node: Node | undefined;
  private name: string;
  private depth = 0;

  constructor(
    private readonly tree: ParsedTemplate,
    private readonly funcs: Record<string, GoFunc>,
  ) {
    this.name = tree.name;
  }

  run(data: Value): { output: string; error?: TemplateError } {
    const dot = data === null ? undefined : data;
    this.vars = [{ name: '$', value: dot }];
    try {
      this.walk(dot, this.tree.root);
    } catch (err) {
      if (err instanceof TemplateError) return { output: this.out, error: err };
      throw err;
    }
    return { output: this.out };
  }

  private errorf(msg: string): never {
    const n = this.node;
    if (n === undefined) throw new TemplateError(`template: ${this.name}: ${msg}`);
    const before = new TextEncoder().encode(this.tree.text.slice(0, n.pos));
    const nl = before.lastIndexOf(10);
    const line = 1 + before.filter((b) => b === 10).length;
    const col = nl === -1 ? before.length : before.length - nl - 1;
    throw new TemplateError(
      `template: ${this.tree.name}:${line}:${col}: executing ${quote(this.name)} at <${nodeString(n)}>: ${msg}`,
    );
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
    return this.errorf(`undefined variable: ${name}`);
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]!.name === name) {
        this.vars[i]!.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private walk(dot: Value, node: Node): void {
    this.node = node;
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(dot: Value, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.node = r;
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const one = (index: Value, elem: Value): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.vars[this.vars.length - 1]!.value = elem;
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.vars[this.vars.length - 2]!.value = index;
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      let ran = false;
      try {
        ran = this.iterate(val, decl.length, one);
      } catch (e) {
        if (e !== BREAK) throw e;
        ran = true;
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  /** Calls `one` per element; false when there was nothing to iterate. */
  private iterate(val: Value, nvars: number, one: (index: Value, elem: Value) => void): boolean {
    if (val instanceof GoNil) {
      if (val.kind === 'pointer') this.errorf("range can't iterate over <nil>");
      return false; // a nil slice or map: nothing to iterate
    }
    switch (kindOf(val)) {
      case 'int': {
        if (nvars > 1) this.errorf(`can't use ${sprint(val)} to iterate over more than one variable`);
        const n = Number(val);
        for (let i = 0; i < n; i++) one(undefined, i);
        return n > 0;
      }
      case 'slice': {
        const items = Array.from(val as ArrayLike<unknown>);
        items.forEach((item, i) => one(i, item));
        return items.length > 0;
      }
      case 'map': {
        const entries = sortedEntries(val as object);
        for (const [k, v] of entries) one(k, v);
        return entries.length > 0;
      }
      case 'invalid':
      case 'nil':
        return false; // a nil map or slice: like an empty one
      default:
        return this.errorf(`range can't iterate over ${sprint(val)}`);
    }
  }

  private walkTemplate(dot: Value, t: Node & { type: 'template' }): void {
    this.node = t;
    const root = this.tree.defined.get(t.name);
    if (root === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === maxExecDepth) this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined;
    const saved = { vars: this.vars, name: this.name };
    this.vars = [{ name: '$', value: newDot }];
    this.name = t.name;
    this.depth++;
    try {
      this.walk(newDot, root as ListNode);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.name = saved.name;
    }
  }

  private evalPipeline(dot: Value, pipe: PipeNode): Value {
    this.node = pipe;
    let value: Value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null) value = undefined; // dig the nil out of an interface{}
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: Node[], final: Value): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Value): Value {
    const first = cmd.args[0] as Node;
    switch (first.type) {
      case 'field':
        this.node = first;
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain':
        return this.evalChain(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariable(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    return this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): Value {
    this.node = c;
    const hexInt = /^[+-]?0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    if (c.isFloat && !hexInt && !c.text.startsWith("'") && /[.eEpP]/.test(c.text)) {
      return Number.isInteger(c.float) ? new GoFloat(c.float) : c.float;
    }
    if (c.isInt) return Number.isSafeInteger(Number(c.int)) ? Number(c.int) : c.int;
    if (c.isUint) return this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  private evalChain(dot: Value, chain: Node & { type: 'chain' }, args: Node[], final: Value): Value {
    this.node = chain;
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, 'value', chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariable(dot: Value, v: Node & { type: 'variable' }, args: Node[], final: Value): Value {
    this.node = v;
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Value, receiver: Value, node: Node, ident: string[], args: Node[], final: Value): Value {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i]!, node, [], MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1]!, node, args, final, receiver);
  }

  /** .Field on a struct (or a method), a key of a map; Go's evalField. */
  private evalField(dot: Value, name: string, node: Node, args: Node[], final: Value, receiver: Value): Value {
    if (receiver === undefined) return undefined; // missing key upstream: <no value>, as Go
    if (receiver === null) return this.errorf(`nil pointer evaluating interface {}.${name}`);
    if (receiver instanceof GoNil) {
      if (receiver.kind === 'pointer') return this.errorf(`nil pointer evaluating ${receiver.type}.${name}`);
      if (receiver.kind === 'map') {
        if (args.length > 1 || final !== MISSING) this.errorf(`${name} is not a method but has arguments`);
        return undefined;
      }
    }
    const kind = kindOf(receiver);
    const obj = receiver as Record<string, unknown>;
    const isObj = kind === 'struct' || (kind === 'map' && !(receiver instanceof Map));
    if (isObj && hasMember(obj, name, kind === 'struct') && typeof obj[name] === 'function') {
      const method = obj[name] as (...a: unknown[]) => unknown;
      const spec: GoFunc = { args: Array<ArgType>(method.length).fill('any'), fn: method.bind(receiver) as GoFunc['fn'] };
      return this.evalCall(dot, spec, false, node, name, args, final);
    }
    const hasArgs = args.length > 1 || final !== MISSING;
    if (kind === 'struct' && hasMember(obj, name, true)) {
      if (/^[^\p{Lu}]/u.test(name)) this.errorf(`${name} is an unexported field of struct type ${typeName(receiver)}`);
      if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
      return obj[name];
    }
    if (kind === 'map') {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      if (receiver instanceof Map) return receiver.get(name);
      return Object.hasOwn(obj, name) ? obj[name] : undefined;
    }
    return this.errorf(`can't evaluate field ${name} in type ${typeName(receiver)}`);
  }

  private evalFunction(dot: Value, node: Node & { type: 'identifier' }, cmd: Node, args: Node[], final: Value): Value {
    this.node = node;
    const fn = this.funcs[node.ident];
    if (fn === undefined) return this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, Object.hasOwn(builtinFuncs, node.ident), cmd, node.ident, args, final);
  }

  private evalCall(dot: Value, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, argNodes: Node[], final: Value): Value {
    const args = argNodes.slice(1);
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic !== undefined) {
      numFixed = fn.args.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${fn.args.length} got ${args.length}`);
    } else if (numIn !== fn.args.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.args.length} got ${numIn}`);
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: Value;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'value');
      return v;
    }
    const argv: Value[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.args[i]!, args[i]!));
    for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic!, args[i]!));
    if (final !== MISSING) {
      let t = fn.args[fn.args.length - 1]!;
      if (fn.variadic !== undefined) t = numIn - 1 < numFixed ? fn.args[numIn - 1]! : fn.variadic;
      argv.push(this.validateType(final, t));
    }
    try {
      return (fn.fn as (...a: Value[]) => Value)(...argv);
    } catch (e) {
      this.node = node;
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private validateType(value: Value, typ: ArgType): Value {
    if (value === undefined) {
      if (typ === 'value') return undefined;
      if (typ === 'any' || typ === 'strings') return null;
      return this.errorf(`invalid value; expected ${argTypeName[typ]}`);
    }
    if (typ === 'value' || typ === 'any') return value;
    if (typ === 'strings' && value instanceof GoNil && value.type === '[]string') return null;
    const ok =
      (typ === 'string' && typeof value === 'string') ||
      (typ === 'int' && kindOf(value) === 'int') ||
      (typ === 'bool' && typeof value === 'boolean') ||
      (typ === 'strings' && typeName(value) === '[]string');
    if (!ok) this.errorf(`wrong type for value; expected ${argTypeName[typ]}; got ${typeName(value)}`);
    return value;
  }

  private evalArg(dot: Value, typ: ArgType, n: Node): Value {
    this.node = n;
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'value') return undefined;
        if (typ === 'any' || typ === 'strings') return null;
        return this.errorf(`cannot assign nil to ${argTypeName[typ]}`);
      case 'field':
        return this.validateType(this.evalFieldChain(dot, dot, n, n.ident, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariable(dot, n, [], MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, [], MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChain(dot, n, [], MISSING), typ);
    }
    switch (typ) {
      case 'bool':
        return n.type === 'bool' ? n.value : this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'string':
        return n.type === 'string' ? n.text : this.errorf(`expected string; found ${nodeString(n)}`);
      case 'int':
        return n.type === 'number' && n.isInt ? Number(n.int) : this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'any':
      case 'value':
        if (n.type === 'bool') return n.value;
        if (n.type === 'number') return this.idealConstant(n);
        if (n.type === 'string') return n.text;
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${argTypeName[typ]}`);
  }

  private printValue(n: Node, v: Value): void {
    this.node = n;
    if (v === undefined) this.out += '<no value>';
    else if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type ${typeName(v)}`);
    else this.out += sprint(v);
  }
}

/** A field or method a struct (own or inherited, not from Object) or a map (own) has. */
function hasMember(obj: object, name: string, inherited: boolean): boolean {
  if (Object.hasOwn(obj, name)) return true;
  if (!inherited) return false;
  for (let p = Object.getPrototypeOf(obj); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.hasOwn(p, name)) return true;
  }
  return false;
}
