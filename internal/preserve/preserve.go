// Package preserve implements --cli-preserve-existing: for the update
// operations whose model documentation says that an attribute left out of
// the request is reset to its default, it maps the object a describe
// operation returns onto the update request, so that an update changes
// only what the user gave.
//
// Everything is derived from the model, with no per-operation code: an
// update operation qualifies when its documentation states the reset rule;
// its describe operation is the Describe (or Get) operation on the same
// noun whose input members the update request supplies and whose output
// holds the object as its single structure member; the object's members are
// matched by name and type against the update input, recursively, so
// read-only members (ClientSecret, CreationDate, Arn, ...) fall away because
// the update input has no member of that name.
package preserve

import (
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/model"
)

// Plan says how to preserve the current values for one update operation.
type Plan struct {
	// Update is the update operation (UpdateUserPoolClient).
	Update string
	// Describe is the operation that reads the current values
	// (DescribeUserPoolClient).
	Describe string
	// Member is the describe output member that holds the object
	// (UserPoolClient).
	Member string
}

// resetRule matches the sentence by which the model documents that
// unspecified attributes are reset: "If you don't provide a value for an
// attribute, Amazon Cognito sets it to its default value." and its variants.
var resetRule = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)if you don'?t provide a value for an attribute,[^.]*default value`)
})

// tags strips HTML from documentation before matching.
var tags = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<[^>]*>`) })

// resets reports whether the update operation's documentation says that it
// resets what the request leaves out.
func resets(op *model.Operation) bool {
	doc := tags().ReplaceAllString(op.Documentation, "")
	doc = strings.ReplaceAll(doc, "\u2019", "'")
	return resetRule().MatchString(doc)
}

// readVerbs are tried, in order, for the operation that reads what an update
// writes.
var readVerbs = []string{"Describe", "Get"}

// For returns the plan of an update operation; ok is false when the
// operation does not reset unspecified values or no describe operation can
// supply them.
func For(m *model.Model, update string) (Plan, bool) {
	if !strings.HasPrefix(update, "Update") {
		return Plan{}, false
	}
	op := m.Operation(update)
	if op == nil || op.Input == nil || !resets(op) {
		return Plan{}, false
	}
	in := m.Shape(op.Input.Shape)
	noun := strings.TrimPrefix(update, "Update")
	for _, verb := range readVerbs {
		d := m.Operation(verb + noun)
		if d == nil || d.Input == nil || d.Output == nil {
			continue
		}
		if !suppliedBy(m.Shape(d.Input.Shape), in) {
			continue
		}
		if member, ok := objectMember(m, m.Shape(d.Output.Shape)); ok {
			return Plan{Update: update, Describe: d.Name, Member: member}, true
		}
	}
	return Plan{}, false
}

// suppliedBy reports whether every required member of the describe input is
// a member of the update input, so the update request can address the read.
func suppliedBy(describeIn, updateIn *model.Shape) bool {
	for _, r := range describeIn.Required {
		if updateIn.FindMember(r) == nil {
			return false
		}
	}
	return true
}

// objectMember is the single structure member of a describe output.
func objectMember(m *model.Model, out *model.Shape) (string, bool) {
	name := ""
	for _, mem := range out.Members {
		if s := m.Shape(mem.Shape); s != nil && s.Type == "structure" {
			if name != "" {
				return "", false
			}
			name = mem.Name
		}
	}
	return name, name != ""
}

// Operations lists the update operations that support preservation, sorted.
func Operations(m *model.Model) []string {
	var out []string
	for _, name := range model.OperationNames() {
		if _, ok := For(m, name); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// DescribeInput builds the describe request from the update request: each
// describe input member is taken, by name, from the update request.
func (p Plan) DescribeInput(m *model.Model, update *document.Map) (*document.Map, error) {
	d := m.Operation(p.Describe)
	if d == nil || d.Input == nil {
		return nil, fmt.Errorf("preserve: no input shape for %s", p.Describe)
	}
	in := m.Shape(d.Input.Shape)
	req := document.NewMap(len(in.Members))
	for _, mem := range in.Members {
		v, ok := update.Get(mem.Name)
		if !ok {
			if in.IsRequired(mem.Name) {
				return nil, fmt.Errorf("%s needs %s to read the current values for --cli-preserve-existing", p.Describe, mem.Name)
			}
			continue
		}
		req.Set(mem.Name, v)
	}
	return req, nil
}

// Merge maps the describe output (as it came over the wire, parsed) onto
// the update input and overlays given, the request built from the command
// line and --cli-input-json/yaml: a member given replaces the current value
// as a whole. Members come in the update input's order; given members the
// input shape does not know are kept, last, so validation reports them.
func (p Plan) Merge(m *model.Model, describeOutput, given *document.Map) (*document.Map, error) {
	u := m.Operation(p.Update)
	d := m.Operation(p.Describe)
	if u == nil || u.Input == nil || d == nil || d.Output == nil {
		return nil, fmt.Errorf("preserve: the model lacks %s or %s", p.Update, p.Describe)
	}
	in := m.Shape(u.Input.Shape)
	var current *document.Map
	if describeOutput != nil {
		if v, ok := describeOutput.Get(p.Member); ok && v != nil {
			obj, ok := v.(*document.Map)
			if !ok {
				return nil, fmt.Errorf("%s returned %s as %T, not an object", p.Describe, p.Member, v)
			}
			current = obj
		}
	}
	var mapped *document.Map
	if current != nil {
		objMember := m.Shape(d.Output.Shape).FindMember(p.Member)
		v, ok := mapValue(m, m.Shape(objMember.Shape), in, current, 0)
		if ok {
			mapped, _ = v.(*document.Map)
		}
	}
	out := document.NewMap(len(in.Members))
	for _, mem := range in.Members {
		if v, ok := given.Get(mem.Name); ok {
			out.Set(mem.Name, v)
		} else if mapped != nil {
			if v, ok := mapped.Get(mem.Name); ok {
				out.Set(mem.Name, v)
			}
		}
	}
	for _, k := range given.Keys() {
		if in.FindMember(k) == nil {
			v, _ := given.Get(k)
			out.Set(k, v)
		}
	}
	return out, nil
}

// maxDepth bounds recursion on self-referencing shapes and hostile input.
const maxDepth = 64

// mapValue converts v, a value of shape src, to shape dst: structures keep
// the members dst has under the same name and of the same type; lists and
// maps convert their elements; scalars of the same type pass unchanged.
// ok is false when v cannot be expressed in dst.
func mapValue(m *model.Model, src, dst *model.Shape, v any, depth int) (any, bool) {
	if src == nil || dst == nil || src.Type != dst.Type || depth > maxDepth || v == nil {
		return nil, false
	}
	switch dst.Type {
	case "structure":
		obj, ok := v.(*document.Map)
		if !ok {
			return nil, false
		}
		out := document.NewMap(obj.Len())
		for _, dm := range dst.Members {
			if retired(dm) {
				continue
			}
			sm := src.FindMember(dm.Name)
			if sm == nil {
				continue
			}
			sv, ok := obj.Get(dm.Name)
			if !ok {
				continue
			}
			if cv, ok := mapValue(m, m.Shape(sm.Shape), m.Shape(dm.Shape), sv, depth+1); ok {
				out.Set(dm.Name, cv)
			}
		}
		return out, true
	case "list":
		items, ok := v.([]any)
		if !ok || src.Member == nil || dst.Member == nil {
			return nil, false
		}
		se, de := m.Shape(src.Member.Shape), m.Shape(dst.Member.Shape)
		out := make([]any, 0, len(items))
		for _, it := range items {
			cv, ok := mapValue(m, se, de, it, depth+1)
			if !ok {
				return nil, false // a list is kept whole or not at all
			}
			out = append(out, cv)
		}
		return out, true
	case "map":
		obj, ok := v.(*document.Map)
		if !ok || src.Value == nil || dst.Value == nil {
			return nil, false
		}
		se, de := m.Shape(src.Value.Shape), m.Shape(dst.Value.Shape)
		out := document.NewMap(obj.Len())
		for _, k := range obj.Keys() {
			ev, _ := obj.Get(k)
			cv, ok := mapValue(m, se, de, ev, depth+1)
			if !ok {
				return nil, false
			}
			out.Set(k, cv)
		}
		return out, true
	}
	if !scalarFits(dst.Type, v) {
		return nil, false
	}
	return v, true
}

// scalarFits checks that a wire value suits a scalar shape, so a describe
// output the model does not describe is not passed on.
func scalarFits(typ string, v any) bool {
	switch v.(type) {
	case string:
		return typ == "string" || typ == "blob" || typ == "timestamp"
	case bool:
		return typ == "boolean"
	case int64:
		return typ == "integer" || typ == "long" || typ == "timestamp" || typ == "double" || typ == "float"
	case float64:
		return typ == "double" || typ == "float" || typ == "timestamp"
	case *big.Int:
		return typ == "integer" || typ == "long"
	}
	return false
}

// retired reports members the model marks as no longer used: sending the
// value a describe returned for them would be sending something the service
// no longer accepts alongside its replacement.
func retired(mem *model.Member) bool {
	if mem.Deprecated {
		return true
	}
	doc := strings.TrimSpace(tags().ReplaceAllString(mem.Documentation, ""))
	return strings.HasPrefix(doc, "This parameter is no longer in use")
}
