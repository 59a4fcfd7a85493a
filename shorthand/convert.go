package shorthand

import (
	"fmt"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/params/pyconv"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
)

// AttributeError is Python's AttributeError, raised when a boolean member
// is given a list or a structure.
type AttributeError struct{ Msg string }

func (e *AttributeError) Error() string { return e.Msg }

// Convert applies the model to a parsed shorthand value the way the AWS
// CLI's BackCompatVisitor does: integer and long members become integers
// (Python int(), so " 7 " and "1_0" work and "abc" fails with a ValueError),
// float and double members floats, "true"/"false" (any case) booleans, and
// a single value given for a list member becomes a one-item list. Nothing
// else is checked: unknown keys and wrong types are left for validation.
//
// v is modified in place where it holds maps and lists, and the converted
// value is returned. At the top level a list shape given a non-list value
// is returned unchanged, as the reference wraps it only in a throwaway
// parent. Errors are *pyconv.ValueError, *pyconv.TypeError,
// *AttributeError (the reference's uncaught Python errors) or a shorthand
// Error.
func Convert(m *model.Model, shape *model.Shape, v any) (any, error) {
	if shape == nil {
		return v, nil
	}
	if shape.Type == "list" {
		if _, ok := v.([]any); !ok {
			return v, nil
		}
	}
	out, err := visit(m, shape, v)
	if _, ok := err.(*documentTypeError); ok {
		// Only a structure member can name the offending parameter; the
		// reference lets this one escape as an exception without text.
		return nil, &MessageError{Msg: ""}
	}
	return out, err
}

// documentTypeError is DocumentTypesNotSupportedError before a structure
// names the member that holds the document.
type documentTypeError struct{}

func (*documentTypeError) Error() string { return "document types are not supported" }

// visit returns the converted v; v is never nil here.
func visit(m *model.Model, shape *model.Shape, v any) (any, error) {
	switch shape.Type {
	case "structure":
		if shape.Document {
			return nil, &documentTypeError{}
		}
		mp, ok := v.(*document.Map)
		if !ok {
			return v, nil
		}
		for _, mem := range shape.Members {
			cur, ok := mp.Get(mem.Name)
			if !ok || cur == nil {
				continue
			}
			ms := m.MemberShape(mem)
			if ms == nil {
				continue
			}
			nv, err := visit(m, ms, cur)
			if err != nil {
				if _, ok := err.(*documentTypeError); ok {
					return nil, &MessageError{Msg: "Shorthand syntax does not support document types. Use " +
						"JSON input for top-level argument to specify nested parameter: " + mem.Name}
				}
				return nil, err
			}
			mp.Set(mem.Name, nv)
		}
		return mp, nil
	case "list":
		list, ok := v.([]any)
		if !ok {
			return []any{v}, nil
		}
		if shape.Member == nil {
			return list, nil
		}
		ms := m.Shape(shape.Member.Shape)
		if ms == nil {
			return list, nil
		}
		for i, el := range list {
			if el == nil {
				continue
			}
			nv, err := visit(m, ms, el)
			if err != nil {
				return nil, err
			}
			list[i] = nv
		}
		return list, nil
	case "map":
		mp, ok := v.(*document.Map)
		if !ok || shape.Value == nil {
			return v, nil
		}
		vs := m.Shape(shape.Value.Shape)
		if vs == nil {
			return v, nil
		}
		for _, k := range mp.Keys() {
			cur, _ := mp.Get(k)
			if cur == nil {
				continue
			}
			nv, err := visit(m, vs, cur)
			if err != nil {
				return nil, err
			}
			mp.Set(k, nv)
		}
		return mp, nil
	case "integer", "long":
		return pyconv.IntOf(v)
	case "float", "double":
		return pyconv.FloatOf(v)
	case "boolean":
		s, ok := v.(string)
		if !ok {
			return nil, &AttributeError{Msg: fmt.Sprintf("'%s' object has no attribute 'lower'", pyfmt.TypeName(v))}
		}
		switch pyLower(s) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return v, nil
	}
	return v, nil
}

// pyLower is str.lower() as far as comparing with "true" and "false" goes.
func pyLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
