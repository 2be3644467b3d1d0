/**
 * The parse tree of Go's text/template (parse/node.go), and `nodeString`, Go's
 * Node.String(): execution errors quote the node they stopped at, as in
 * `executing "" at <.Foo>: …`, so it must print the source exactly as Go does.
 */
import { quote } from './gostrconv.ts';

/** A template error with Go's exact message (`template: :1: …`). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export interface ListNode {
  type: 'list';
  pos: number;
  nodes: Node[];
}
export interface PipeNode {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode {
  type: 'command';
  pos: number;
  args: Node[];
}
export interface VariableNode {
  type: 'variable';
  pos: number;
  ident: string[];
}
export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int: bigint;
  float: number;
}
export interface BranchNode {
  type: 'if' | 'range' | 'with';
  pos: number;
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}
export type Node =
  | ListNode
  | PipeNode
  | CommandNode
  | VariableNode
  | NumberNode
  | BranchNode
  | { type: 'text'; pos: number; text: string }
  | { type: 'comment'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: PipeNode }
  | { type: 'break' | 'continue' | 'end' | 'else' | 'dot' | 'nil'; pos: number }
  | { type: 'template'; pos: number; name: string; pipe?: PipeNode }
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: Node; field: string[] }
  | { type: 'identifier'; pos: number; ident: string }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'string'; pos: number; quoted: string; text: string };

/** Go's Node.String(): the source form of a node, as error messages show it. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'comment':
      return `{{${n.text}}}`;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      const decl = n.decl.length > 0 ? n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ') : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((i) => '.' + i).join('');
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'variable':
      return n.ident.join('.');
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'range':
    case 'with':
      return (
        `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}` +
        (n.elseList ? `{{else}}${nodeString(n.elseList)}` : '') +
        '{{end}}'
      );
    case 'template':
      return `{{template ${quote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    default:
      return `{{${n.type}}}`;
  }
}
