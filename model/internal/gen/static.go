package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cognito-cli/aws/model/internal/xform"
)

// The model is emitted as Go composite literals rather than JSON text: the
// compiler lays such literals out as static data, so a lookup at run time
// costs a binary search and no decoding, allocation or init code.
// The types below mirror model.Shape and friends for decoding the JSON the
// generator normalised; the output must compile against model.go.

type gRef struct {
	Shape         string `json:"shape"`
	Documentation string `json:"documentation"`
}

type gMember struct {
	Name              string `json:"name"`
	Shape             string `json:"shape"`
	Documentation     string `json:"documentation"`
	Deprecated        bool   `json:"deprecated"`
	DeprecatedMessage string `json:"deprecatedMessage"`
	Box               bool   `json:"box"`
}

type gShape struct {
	Type          string     `json:"type"`
	Members       []*gMember `json:"members"`
	Required      []string   `json:"required"`
	Member        *gRef      `json:"member"`
	Key           *gRef      `json:"key"`
	Value         *gRef      `json:"value"`
	Enum          []string   `json:"enum"`
	Min           *float64   `json:"min"`
	Max           *float64   `json:"max"`
	Pattern       string     `json:"pattern"`
	Documentation string     `json:"documentation"`
	Sensitive     bool       `json:"sensitive"`
	Exception     bool       `json:"exception"`
	Fault         bool       `json:"fault"`
	Document      bool       `json:"document"`
	Deprecated    bool       `json:"deprecated"`
}

type gOperation struct {
	Name          string   `json:"name"`
	Input         *gRef    `json:"input"`
	Output        *gRef    `json:"output"`
	Errors        []*gRef  `json:"errors"`
	Documentation string   `json:"documentation"`
	AuthType      string   `json:"authtype"`
	Auth          []string `json:"auth"`
	Deprecated    bool     `json:"deprecated"`
}

type goWriter struct {
	b    *bytes.Buffer
	nums map[float64]string // Min/Max values, one static variable each
}

// fields collects "Name: value" pairs, leaving zero values out.
type fields []string

func (f *fields) str(name, v string) {
	if v != "" {
		*f = append(*f, name+": "+strconv.Quote(v))
	}
}

func (f *fields) flag(name string, v bool) {
	if v {
		*f = append(*f, name+": true")
	}
}

func (f *fields) raw(name, v string) { *f = append(*f, name+": "+v) }

func (f fields) String() string { return strings.Join(f, ", ") }

func (g *goWriter) ref(r *gRef) string {
	var f fields
	f.str("Shape", r.Shape)
	f.str("Documentation", r.Documentation)
	return "&Ref{" + f.String() + "}"
}

// strings keeps nil and empty apart, as decoding the JSON did.
func stringList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

func (g *goWriter) num(v float64) string {
	name, ok := g.nums[v]
	if !ok {
		name = fmt.Sprintf("num%d", len(g.nums))
		g.nums[v] = name
	}
	return "&" + name
}

func (g *goWriter) operations(ops []entry) error {
	type cliName struct{ cli, name string }
	var cli []cliName
	g.b.WriteString("var operationTable = [...]operationEntry{\n")
	for _, e := range ops {
		var o gOperation
		if err := json.Unmarshal([]byte(e.json), &o); err != nil {
			return fmt.Errorf("operation %s: %w", e.name, err)
		}
		var f fields
		f.str("Name", o.Name)
		if o.Input != nil {
			f.raw("Input", g.ref(o.Input))
		}
		if o.Output != nil {
			f.raw("Output", g.ref(o.Output))
		}
		if o.Errors != nil {
			refs := make([]string, len(o.Errors))
			for i, r := range o.Errors {
				refs[i] = g.ref(r)
			}
			f.raw("Errors", "[]*Ref{"+strings.Join(refs, ", ")+"}")
		}
		f.str("Documentation", o.Documentation)
		f.str("AuthType", o.AuthType)
		if o.Auth != nil {
			f.raw("Auth", stringList(o.Auth))
		}
		f.flag("Deprecated", o.Deprecated)
		fmt.Fprintf(g.b, "\t{%q, &Operation{%s}},\n", e.name, f)
		cli = append(cli, cliName{xform.Name(e.name, '-'), e.name})
	}
	g.b.WriteString("}\n\n")
	sort.Slice(cli, func(i, j int) bool { return cli[i].cli < cli[j].cli })
	g.b.WriteString("// cliTable maps command names to operation names, sorted by command name.\n")
	g.b.WriteString("var cliTable = [...]cliEntry{\n")
	for _, c := range cli {
		fmt.Fprintf(g.b, "\t{%q, %q},\n", c.cli, c.name)
	}
	g.b.WriteString("}\n\n")
	return nil
}

func (g *goWriter) shapes(shapes []entry) error {
	g.b.WriteString("var shapeTable = [...]shapeEntry{\n")
	for _, e := range shapes {
		var s gShape
		if err := json.Unmarshal([]byte(e.json), &s); err != nil {
			return fmt.Errorf("shape %s: %w", e.name, err)
		}
		var f fields
		f.str("Name", e.name)
		f.str("Type", s.Type)
		if s.Members != nil {
			ms := make([]string, len(s.Members))
			for i, m := range s.Members {
				var mf fields
				mf.str("Name", m.Name)
				mf.str("Shape", m.Shape)
				mf.str("Documentation", m.Documentation)
				mf.flag("Deprecated", m.Deprecated)
				mf.str("DeprecatedMessage", m.DeprecatedMessage)
				mf.flag("Box", m.Box)
				ms[i] = "{" + mf.String() + "}"
			}
			f.raw("Members", "[]*Member{"+strings.Join(ms, ", ")+"}")
		}
		if s.Required != nil {
			f.raw("Required", stringList(s.Required))
		}
		for _, r := range []struct {
			name string
			ref  *gRef
		}{{"Member", s.Member}, {"Key", s.Key}, {"Value", s.Value}} {
			if r.ref != nil {
				f.raw(r.name, g.ref(r.ref))
			}
		}
		if s.Enum != nil {
			f.raw("Enum", stringList(s.Enum))
		}
		if s.Min != nil {
			f.raw("Min", g.num(*s.Min))
		}
		if s.Max != nil {
			f.raw("Max", g.num(*s.Max))
		}
		f.str("Pattern", s.Pattern)
		f.str("Documentation", s.Documentation)
		f.flag("Sensitive", s.Sensitive)
		f.flag("Exception", s.Exception)
		f.flag("Fault", s.Fault)
		f.flag("Document", s.Document)
		f.flag("Deprecated", s.Deprecated)
		fmt.Fprintf(g.b, "\t{%q, &Shape{%s}},\n", e.name, f)
	}
	g.b.WriteString("}\n\n")
	return nil
}

// numbers declares the Min/Max variables the shapes point at.
func (g *goWriter) numbers() {
	type nv struct {
		name string
		v    float64
	}
	list := make([]nv, 0, len(g.nums))
	for v, n := range g.nums {
		list = append(list, nv{n, v})
	}
	sort.Slice(list, func(i, j int) bool {
		a, _ := strconv.Atoi(strings.TrimPrefix(list[i].name, "num"))
		b, _ := strconv.Atoi(strings.TrimPrefix(list[j].name, "num"))
		return a < b
	})
	g.b.WriteString("var (\n")
	for _, n := range list {
		fmt.Fprintf(g.b, "\t%s float64 = %s\n", n.name, strconv.FormatFloat(n.v, 'g', -1, 64))
	}
	g.b.WriteString(")\n")
}
