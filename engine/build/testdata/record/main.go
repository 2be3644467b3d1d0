// Records what BuildKit answers, for ../buildkit-recorded.json and for
// comparing the TypeScript parser with it. See ../README.md.

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

type req struct {
	Op     string            `json:"op"`
	Text   string            `json:"text"`
	Word   string            `json:"word"`
	Env    map[string]string `json:"env"`
	Escape string            `json:"escape"`
	Raw    bool              `json:"rawQuotes"`
	RawEsc bool              `json:"rawEscapes"`
	Skip   bool              `json:"skipUnsetEnv"`
	SkipQ  bool              `json:"skipProcessQuotes"`
	Words  bool              `json:"words"`
}

type node struct {
	Value    string           `json:"value"`
	Flags    []string         `json:"flags"`
	Args     []string         `json:"args"`
	JSON     bool             `json:"json"`
	Heredocs []parser.Heredoc `json:"heredocs"`
	Original string           `json:"original"`
	Start    int              `json:"start"`
	End      int              `json:"end"`
	Comments []string         `json:"comments"`
	Sub      *node            `json:"sub,omitempty"`
}

func nodeArgs(n *parser.Node) []string {
	result := []string{}
	for ; n.Next != nil; n = n.Next {
		arg := n.Next
		if len(arg.Children) == 0 {
			result = append(result, arg.Value)
		} else if len(arg.Children) == 1 {
			result = append(result, arg.Children[0].Value)
			result = append(result, nodeArgs(arg.Children[0])...)
		}
	}
	return result
}

func conv(n *parser.Node) *node {
	out := &node{Value: n.Value, Flags: n.Flags, Args: nodeArgs(n), JSON: n.Attributes["json"], Heredocs: n.Heredocs, Original: n.Original, Start: n.StartLine, End: n.EndLine, Comments: n.PrevComment}
	if n.Next != nil && len(n.Next.Children) == 1 {
		out.Sub = conv(n.Next.Children[0])
	}
	return out
}

type envs map[string]string

func (e envs) Get(k string) (string, bool) { v, ok := e[k]; return v, ok }
func (e envs) Keys() []string              { return nil }

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	enc := json.NewEncoder(os.Stdout)
	for sc.Scan() {
		var r req
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			panic(err)
		}
		res := map[string]any{}
		switch r.Op {
		case "parse":
			result, err := parser.Parse(strings.NewReader(r.Text))
			if err != nil {
				res["error"] = err.Error()
				var le *parser.LocationError
				if ok := asLoc(err, &le); ok {
					res["errorLocations"] = le.Locations
				}
				break
			}
			var nodes []*node
			for _, c := range result.AST.Children {
				nodes = append(nodes, conv(c))
			}
			res["nodes"] = nodes
			res["dump"] = result.AST.Dump()
			res["escape"] = string(result.EscapeToken)
			ws := []string{}
			for _, w := range result.Warnings {
				ws = append(ws, fmt.Sprintf("%s@%d", w.Short, w.Location.Start.Line))
			}
			res["warnings"] = ws
			stages, meta, err := instructions.Parse(result.AST, nil)
			if err != nil {
				res["instError"] = err.Error()
				break
			}
			var st []any
			for _, s := range stages {
				var cmds []any
				for _, c := range s.Commands {
					m := map[string]any{"type": fmt.Sprintf("%T", c), "name": c.Name(), "code": fmt.Sprint(c), "loc": c.Location(), "cmd": c}
					if rc, ok := c.(*instructions.RunCommand); ok {
						m["mounts"] = instructions.GetMounts(rc)
						if err := rc.Expand(func(w string) (string, error) { return w, nil }); err != nil {
							m["literalErr"] = err.Error()
						} else {
							m["literal"] = instructions.GetMounts(rc)
						}
						m["network"] = instructions.GetNetwork(rc)
						m["security"] = instructions.GetSecurity(rc)
					}
					cmds = append(cmds, m)
				}
				st = append(st, map[string]any{"stage": s, "commands": cmds})
			}
			res["stages"] = st
			if r.Env != nil {
				esc := result.EscapeToken
				var expanded []any
				for _, s := range stages {
					for _, c := range s.Commands {
						m := map[string]any{}
						_, isArg := c.(*instructions.ArgCommand)
						if ex, ok := c.(instructions.SupportsSingleWordExpansion); ok && !isArg {
							err := ex.Expand(func(w string) (string, error) {
								lx := shell.NewLex(esc)
								out, _, err := lx.ProcessWord(w, envs(r.Env))
								return out, err
							})
							if err != nil {
								m["err"] = err.Error()
							}
						}
						if ex, ok := c.(instructions.SupportsSingleWordExpansionRaw); ok && m["err"] == nil {
							err := ex.ExpandRaw(func(w string) (string, error) {
								lx := shell.NewLex('\\')
								lx.SkipProcessQuotes = true
								out, _, err := lx.ProcessWord(w, envs(r.Env))
								return out, err
							})
							if err != nil {
								m["err"] = err.Error()
							}
						}
						if e, ok := c.(*instructions.ExposeCommand); ok {
							ports := []string{}
							for _, p := range e.Ports {
								lx := shell.NewLex(esc)
								ps, err := lx.ProcessWords(p, envs(r.Env))
								if err != nil {
									m["err"] = err.Error()
								}
								ports = append(ports, ps...)
							}
							e.Ports = ports
						}
						m["cmd"] = c
						if rc, ok := c.(*instructions.RunCommand); ok && m["err"] == nil {
							m["mounts"] = instructions.GetMounts(rc)
						}
						expanded = append(expanded, m)
					}
				}
				res["expanded"] = expanded
			}
			res["meta"] = meta
		case "lex":
			esc := '\\'
			if r.Escape == "`" {
				esc = '`'
			}
			lx := shell.NewLex(esc)
			lx.RawQuotes = r.Raw
			lx.RawEscapes = r.RawEsc
			lx.SkipUnsetEnv = r.Skip
			lx.SkipProcessQuotes = r.SkipQ
			if r.Words {
				w, err := lx.ProcessWords(r.Word, envs(r.Env))
				res["words"] = w
				if err != nil {
					res["error"] = err.Error()
				}
			} else {
				pr, err := lx.ProcessWordWithMatches(r.Word, envs(r.Env))
				res["result"] = pr.Result
				if err != nil {
					res["error"] = err.Error()
				}
			}
		}
		enc.Encode(res)
	}
}
func asLoc(err error, le **parser.LocationError) bool { return errors.As(err, le) }
