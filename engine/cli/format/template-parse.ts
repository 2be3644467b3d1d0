/**
 * The parser of Go's text/template (parse/parse.go and node.go, Go 1.2x): the
 * same grammar, the same tree, the same error messages, so a docker `--format`
 * that Go rejects is rejected here with Go's words:
 *
 *   parse('{{.Foo')        → template: :1: unclosed action
 *   parse('{{foo}}')       → template: :1: function "foo" not defined
 *   parse('{{if .A}}x')    → template: :1: unexpected EOF
 *
 * The tree's nodes are in template-node.ts, literals in template-literal.ts.
 */
import { quote } from './gostrconv.ts';
import { itemString, lex, T, type Item } from './template-lex.ts';
import { numberNode, unquote } from './template-literal.ts';
import {
  nodeString,
  TemplateError,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type PipeNode,
  type VariableNode,
} from './template-node.ts';

export { nodeString, TemplateError } from './template-node.ts';
export type { BranchNode, CommandNode, ListNode, Node, NumberNode, PipeNode, VariableNode } from './template-node.ts';

export interface ParsedTemplate {
  name: string;
  text: string;
  root: ListNode;
  /** Templates named by {{define}} and {{block}}, for {{template}}. */
  defined: Map<string, ListNode>;
}

/** Parse a template; `hasFunction` says which identifiers name functions. */
export function parse(name: string, text: string, hasFunction: (name: string) => boolean): ParsedTemplate {
  const items = lex(text);
  let i = 0;
  let fetched = 0;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  let actionLine = 0;
  const defined = new Map<string, ListNode>();

  const next = (): Item => {
    const item = items[Math.min(i, items.length - 1)] as Item;
    fetched = Math.max(fetched, i);
    i++;
    return item;
  };
  const backup = (): void => {
    i--;
  };
  const peek = (): Item => {
    const item = next();
    backup();
    return item;
  };
  const nextNonSpace = (): Item => {
    let item: Item;
    do item = next();
    while (item.typ === T.Space);
    return item;
  };
  const peekNonSpace = (): Item => {
    const item = nextNonSpace();
    backup();
    return item;
  };
  const errorf = (msg: string): never => {
    const line = (items[Math.min(fetched, items.length - 1)] as Item).line;
    throw new TemplateError(`template: ${name}:${line}: ${msg}`);
  };
  const unexpected = (token: Item, context: string): never => {
    if (token.typ === T.Error) {
      let extra = '';
      if (actionLine !== 0 && actionLine !== token.line) {
        extra = ` in action started at ${name}:${actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      return errorf(token.val + extra);
    }
    return errorf(`unexpected ${itemString(token)} in ${context}`);
  };
  const expect = (typ: T, context: string): Item => {
    const token = nextNonSpace();
    if (token.typ !== typ) unexpected(token, context);
    return token;
  };

  const newVariable = (pos: number, ident: string): VariableNode => ({ type: 'variable', pos, ident: ident.split('.') });

  const itemList = (): [ListNode, Node] => {
    const list: ListNode = { type: 'list', pos: peekNonSpace().pos, nodes: [] };
    while (peekNonSpace().typ !== T.EOF) {
      const n = textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    return errorf('unexpected EOF');
  };

  const textOrAction = (): Node => {
    const token = nextNonSpace();
    switch (token.typ) {
      case T.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case T.LeftDelim:
        actionLine = token.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        return unexpected(token, 'input');
    }
  };

  const action = (): Node => {
    const token = nextNonSpace();
    switch (token.typ) {
      case T.Block:
        return templateControl(true);
      case T.Break:
      case T.Continue: {
        const word = token.typ === T.Break ? 'break' : 'continue';
        const t2 = nextNonSpace();
        if (t2.typ !== T.RightDelim) unexpected(t2, `{{${word}}}`);
        if (rangeDepth === 0) errorf(`{{${word}}} outside {{range}}`);
        return { type: word, pos: token.pos };
      }
      case T.Else: {
        const p = peekNonSpace();
        // "{{else if …" and "{{else with …" are "{{else}}{{if …" and "{{else}}{{with …".
        if (p.typ === T.If || p.typ === T.With) return { type: 'else', pos: p.pos };
        return { type: 'else', pos: expect(T.RightDelim, 'else').pos };
      }
      case T.End:
        return { type: 'end', pos: expect(T.RightDelim, 'end').pos };
      case T.If:
        return control('if');
      case T.Range:
        return control('range');
      case T.Template:
        return templateControl(false);
      case T.With:
        return control('with');
    }
    backup();
    const pos = peek().pos;
    return { type: 'action', pos, pipe: pipeline('command', T.RightDelim) };
  };

  const pipeline = (context: string, end: T): PipeNode => {
    const pipe: PipeNode = { type: 'pipe', pos: peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = peekNonSpace();
      if (v.typ !== T.Variable) break;
      const vIndex = i;
      next();
      const nxt = peekNonSpace();
      if (nxt.typ === T.Assign || nxt.typ === T.Declare) {
        pipe.isAssign = nxt.typ === T.Assign;
        nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        vars.push(v.val);
      } else if (nxt.typ === T.Char && nxt.val === ',') {
        nextNonSpace();
        pipe.decl.push(newVariable(v.pos, v.val));
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue decls;
          errorf('range can only initialize variables');
        }
        errorf(`too many declarations in ${context}`);
      } else {
        i = vIndex; // The variable is an operand, not a declaration: push it back.
      }
      break;
    }
    for (;;) {
      const token = nextNonSpace();
      if (token.typ === end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.typ) {
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(token, context);
      }
    }
  };

  const checkPipeline = (pipe: PipeNode, context: string): void => {
    if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, n) => {
      const t = c.args[0]?.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        errorf(`non executable command in pipeline stage ${n + 2}`);
      }
    });
  };

  const control = (context: 'if' | 'range' | 'with'): BranchNode => {
    const mark = vars.length;
    const pipe = pipeline(context, T.RightDelim);
    if (context === 'range') rangeDepth++;
    const [list, nextNode] = itemList();
    if (context === 'range') rangeDepth--;
    let elseList: ListNode | undefined;
    if (nextNode.type === 'else') {
      if ((context === 'if' && peek().typ === T.If) || (context === 'with' && peek().typ === T.With)) {
        next();
        elseList = { type: 'list', pos: nextNode.pos, nodes: [control(context)] };
      } else {
        const [l, end] = itemList();
        if (end.type !== 'end') errorf(`expected end; found ${nodeString(end)}`);
        elseList = l;
      }
    }
    vars = vars.slice(0, mark);
    return { type: context, pos: pipe.pos, pipe, list, elseList };
  };

  const templateName = (token: Item, context: string): string => {
    if (token.typ !== T.String && token.typ !== T.RawString) unexpected(token, context);
    return unquoteOrFail(token.val);
  };

  const templateControl = (isBlock: boolean): Node => {
    const context = isBlock ? 'block clause' : 'template clause';
    const token = nextNonSpace();
    const tname = templateName(token, context);
    let pipe: PipeNode | undefined;
    if (isBlock) {
      pipe = pipeline(context, T.RightDelim);
      const saved = vars;
      vars = ['$'];
      const [list, end] = itemList();
      if (end.type !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
      vars = saved;
      addTemplate(tname, list);
    } else if (nextNonSpace().typ !== T.RightDelim) {
      backup();
      pipe = pipeline(context, T.RightDelim);
    }
    return { type: 'template', pos: token.pos, name: tname, pipe };
  };

  const addTemplate = (tname: string, list: ListNode): void => {
    const existing = defined.get(tname);
    if (existing !== undefined && !isEmptyTree(existing) && !isEmptyTree(list)) {
      errorf(`template: multiple definition of template ${quote(tname)}`);
    }
    if (existing === undefined || isEmptyTree(existing)) defined.set(tname, list);
  };

  const command = (): Node & { type: 'command' } => {
    const cmd: CommandNode = { type: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op !== null) cmd.args.push(op);
      const token = next();
      if (token.typ === T.Space) continue;
      if (token.typ === T.RightDelim || token.typ === T.RightParen) backup();
      else if (token.typ !== T.Pipe) unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  };

  const operand = (): Node | null => {
    let node = term();
    if (node === null) return null;
    if (peek().typ === T.Field) {
      const pos = peek().pos;
      const field: string[] = [];
      while (peek().typ === T.Field) field.push(next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos, ident: [...node.ident, ...field] };
          break;
        case 'variable':
          node = { type: 'variable', pos, ident: [...node.ident, ...field] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          errorf(`unexpected . after term ${quote(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos, node, field };
      }
    }
    return node;
  };

  const term = (): Node | null => {
    const token = nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!hasFunction(token.val)) errorf(`function ${quote(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case T.Dot:
        return { type: 'dot', pos: token.pos };
      case T.Nil:
        return { type: 'nil', pos: token.pos };
      case T.Variable: {
        const v = newVariable(token.pos, token.val);
        if (!vars.includes(v.ident[0] as string)) errorf(`undefined variable ${quote(v.ident[0] as string)}`);
        return v;
      }
      case T.Field:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case T.Bool:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case T.CharConstant:
      case T.Complex:
      case T.Number:
        return numberNode(token, errorf);
      case T.LeftParen:
        return pipeline('parenthesized pipeline', T.RightParen);
      case T.String:
      case T.RawString:
        return { type: 'string', pos: token.pos, quoted: token.val, text: unquoteOrFail(token.val) };
    }
    backup();
    return null;
  };

  const unquoteOrFail = (s: string): string => {
    const u = unquote(s);
    return u ?? errorf('invalid syntax');
  };

  // Top level: like itemList, but also {{define}}, and {{end}}/{{else}} are errors.
  const root: ListNode = { type: 'list', pos: peek().pos, nodes: [] };
  while (peek().typ !== T.EOF) {
    if (peek().typ === T.LeftDelim) {
      const delimIndex = i;
      next();
      if (nextNonSpace().typ === T.Define) {
        const context = 'define clause';
        const token = nextNonSpace();
        const tname = templateName(token, context);
        expect(T.RightDelim, context);
        const saved = vars;
        vars = ['$'];
        const [list, end] = itemList();
        if (end.type !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
        vars = saved;
        addTemplate(tname, list);
        continue;
      }
      i = delimIndex;
    }
    const n = textOrAction();
    if (n.type === 'end' || n.type === 'else') errorf(`unexpected ${nodeString(n)}`);
    root.nodes.push(n);
  }
  addTemplate(name, root);
  return { name, text, root: defined.get(name) ?? root, defined };
}

function isEmptyTree(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  if (n.type === 'text') return n.text.trim() === '';
  return n.type === 'comment';
}
