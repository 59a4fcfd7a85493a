// Package skeleton produces what `--generate-cli-skeleton` prints (input,
// yaml-input and output) and loads `--cli-input-json` / `--cli-input-yaml`
// documents, as AWS CLI v2 does.
//
// The generators follow botocore's ArgumentGenerator: every member of every
// structure, one element per list, one "KeyName" entry per map, enum strings
// as their first value, numbers 0, booleans true, blobs null, timestamps
// 1970-01-01T00:00:00. A structure already being generated further up
// (a recursive shape) becomes an empty map.
package skeleton

import (
	"fmt"
	"time"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

// Kinds lists the values --generate-cli-skeleton accepts, in the reference's
// order; the option without a value means "input".
func Kinds() []string { return []string{"input", "output", "yaml-input"} }

// Timestamp is a datetime value of an output skeleton. The reference puts a
// Python datetime into the fake response and prints it through the normal
// formatter without the usual timestamp parsing, so its spelling depends on
// the output format: json prints isoformat() ("1970-01-01T00:00:00"), which is
// what String returns, so output.WriteJSON already prints it right; text,
// table and yaml print str() ("1970-01-01 00:00:00", unquoted in yaml), which
// PyStr returns.
type Timestamp struct{ time.Time }

// String is Python's datetime.isoformat() of a naive datetime.
func (t Timestamp) String() string { return t.UTC().Format("2006-01-02T15:04:05") }

// PyType is datetime.datetime, for pyfmt.
func (Timestamp) PyType() (module, name string) { return "datetime", "datetime" }

// PyStr is Python's str() of a naive datetime.
func (t Timestamp) PyStr() string { return t.UTC().Format("2006-01-02 15:04:05") }

// epoch is the reference's placeholder datetime(1970, 1, 1, 0, 0, 0).
func epoch() Timestamp { return Timestamp{time.Unix(0, 0).UTC()} }

// Input is the value `--generate-cli-skeleton input` prints: a skeleton of
// the operation's input shape with empty strings (or the first enum value).
func Input(m *model.Model, op string) (*document.Map, error) {
	return generate(m, op, false)
}

// InputJSON is the exact text `--generate-cli-skeleton input` (or the option
// without a value) prints: json.dump(indent=4) and a newline.
func InputJSON(m *model.Model, op string) (string, error) {
	v, err := Input(m, op)
	if err != nil {
		return "", err
	}
	return output.FormatJSON(v, 4) + "\n", nil
}

// Output is the fake response `--generate-cli-skeleton output` prints:
// strings hold their member name, list elements the list member's shape name
// and map values the empty string; timestamps are Timestamp values.
//
// The command layer prints it as it prints a real response (--output,
// --query and the empty-response rules apply; no pagination, no
// ResponseMetadata), after it has parsed and validated the arguments exactly
// as for a real call: the reference requires the required arguments for
// `output`, merges --cli-input-json/yaml first, and reports input validation
// errors. It does not validate this value against the output shape: the
// reference does and fails for ~40 operations, which is its bug.
func Output(m *model.Model, op string) (*document.Map, error) {
	return generate(m, op, true)
}

func generate(m *model.Model, op string, names bool) (*document.Map, error) {
	o := m.Operation(op)
	if o == nil {
		return nil, clierr.Runtime("skeleton: unknown operation %q", op)
	}
	ref := o.Input
	if names {
		ref = o.Output
	}
	if ref == nil {
		return document.NewMap(0), nil
	}
	g := generator{m: m, names: names}
	v, err := g.value(ref.Shape, "")
	if err != nil {
		return nil, err
	}
	doc, ok := v.(*document.Map)
	if !ok {
		return nil, clierr.Runtime("skeleton: %s of %s is not a structure", ref.Shape, op)
	}
	return doc, nil
}

// generator is botocore's ArgumentGenerator; stack holds the names of the
// shapes being generated, outermost first.
type generator struct {
	m     *model.Model
	names bool
	stack []string
}

func (g *generator) shape(name string) (*model.Shape, error) {
	s := g.m.Shape(name)
	if s == nil {
		return nil, fmt.Errorf("skeleton: shape %q is not in the model", name)
	}
	return s, nil
}

func (g *generator) count(name string) int {
	n := 0
	for _, s := range g.stack {
		if s == name {
			n++
		}
	}
	return n
}

func (g *generator) value(shapeName, name string) (any, error) {
	s, err := g.shape(shapeName)
	if err != nil {
		return nil, err
	}
	g.stack = append(g.stack, s.Name)
	defer func() { g.stack = g.stack[:len(g.stack)-1] }()
	switch s.Type {
	case "structure":
		out := document.NewMap(len(s.Members))
		if g.count(s.Name) > 1 {
			return out, nil
		}
		for _, mem := range s.Members {
			v, err := g.value(mem.Shape, mem.Name)
			if err != nil {
				return nil, err
			}
			out.Set(mem.Name, v)
		}
		return out, nil
	case "list":
		if s.Member == nil {
			return nil, fmt.Errorf("skeleton: list %s has no member", s.Name)
		}
		elem := ""
		if g.names {
			elem = s.Member.Shape
		}
		v, err := g.value(s.Member.Shape, elem)
		if err != nil {
			return nil, err
		}
		return []any{v}, nil
	case "map":
		if s.Value == nil {
			return nil, fmt.Errorf("skeleton: map %s has no value", s.Name)
		}
		v, err := g.value(s.Value.Shape, "")
		if err != nil {
			return nil, err
		}
		out := document.NewMap(1)
		out.Set("KeyName", v)
		return out, nil
	case "string":
		if g.names {
			return name, nil
		}
		if len(s.Enum) > 0 {
			return s.Enum[0], nil
		}
		return "", nil
	case "integer", "long":
		return int64(0), nil
	case "float", "double":
		return float64(0), nil
	case "boolean":
		return true, nil
	case "timestamp":
		return epoch(), nil
	}
	// blob, and any type botocore's generator does not know: None.
	return nil, nil
}
