// Package params turns the command-line value of one operation parameter
// into its request value, as the AWS CLI's argprocess, paramfile and
// shorthand modules do: file:// and fileb:// loading, shorthand, JSON,
// and the conversion of scalars (Python int(), float(), booleans). It does
// not validate against the model's constraints; validation comes later and
// reports wrong types itself (so fileb:// on a string keeps its []byte).
package params

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/params/pyconv"
	"github.com/cognito-cli/aws/internal/params/pyjson"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/shorthand"
)

// Unpack converts the raw command-line value of the parameter cliName
// ("--token-validity-units"), whose model shape is shape, into a document
// value for the request.
//
// value is what argument parsing collected: a string for a scalar or
// structure parameter, a []string for a list parameter (one item per
// word, as argparse's nargs='+' gives), a bool for a boolean flag, nil when
// the parameter was not given (Unpack then returns nil).
//
// Errors are *clierr.Error: parse errors (bad JSON, bad shorthand, a
// missing paramfile) are ParamValidation errors (252) reading
// "Error parsing parameter '--x': ...", and the failures the reference
// leaves to Python (a bad integer: "invalid literal for int() with base
// 10: 'abc'") are Runtime errors (255).
func Unpack(m *model.Model, shape *model.Shape, cliName string, value any) (any, error) {
	if value == nil {
		return nil, nil
	}
	if _, ok := value.(bool); ok {
		return value, nil
	}
	// load-cli-arg: a single file:// or fileb:// value is replaced by the
	// file's contents, even for a list parameter.
	check := value
	if l, ok := value.([]string); ok && len(l) == 1 {
		check = l[0]
	}
	if s, ok := check.(string); ok {
		loaded, ok, err := LoadParamFile(s)
		if err != nil {
			return nil, paramError(cliName, err.Error())
		}
		if ok {
			value = loaded
		}
	}
	if shape == nil {
		return value, nil
	}
	// process-cli-arg: shorthand when the shape allows it and the value
	// does not look like JSON.
	if shouldParseAsShorthand(m, shape, value) {
		v, err := parseShorthand(m, shape, cliName, value)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
	v, err := unpackCLIArg(m, shape, value, cliName)
	if err != nil {
		return nil, toCLIError(cliName, err)
	}
	return v, nil
}

// paramError is argprocess.ParamError.
func paramError(cliName, msg string) *clierr.Error {
	return clierr.ParamValidation("Error parsing parameter '%s': %s", cliName, msg)
}

// paramErr is a ParamError not yet turned into a clierr.Error.
type paramErr struct{ msg string }

func (e *paramErr) Error() string { return e.msg }

// indexError is Python's IndexError ("string index out of range").
type indexError struct{ msg string }

func (e *indexError) Error() string { return e.msg }

func toCLIError(cliName string, err error) error {
	switch e := err.(type) {
	case *clierr.Error:
		return e
	case *paramErr:
		return paramError(cliName, e.msg)
	case shorthand.Error:
		return paramError(cliName, e.Error())
	}
	// Python exceptions the reference does not catch: the bare message.
	return clierr.Runtime("%s", err.Error())
}

// pyStrip is str.strip() / lstrip() with no arguments.
func pyIsSpace(r rune) bool { return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) }

func shouldParseAsShorthand(m *model.Model, shape *model.Shape, value any) bool {
	check := value
	if l, ok := value.([]string); ok && len(l) > 0 {
		check = l[0]
	}
	if s, ok := check.(string); ok {
		t := strings.TrimFunc(s, pyIsSpace)
		if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") {
			return false
		}
	}
	return SupportsShorthand(m, shape)
}

// SupportsShorthand is _supports_shorthand_syntax: structures, maps and
// lists of structures, lists or maps take shorthand, unless they only wrap
// document types; lists of scalars do not (so a comma never splits them).
func SupportsShorthand(m *model.Model, shape *model.Shape) bool {
	if isDocumentContainer(m, shape) {
		return false
	}
	switch shape.Type {
	case "structure", "map":
		return true
	case "list":
		if shape.Member == nil {
			return false
		}
		ms := m.Shape(shape.Member.Shape)
		return ms != nil && (ms.Type == "structure" || ms.Type == "list" || ms.Type == "map")
	}
	return false
}

// isDocumentContainer is is_document_type_container: a document, or lists
// and maps that end in one.
func isDocumentContainer(m *model.Model, shape *model.Shape) bool {
	for depth := 0; shape != nil && depth < 64; depth++ {
		if shape.Document {
			return true
		}
		var next *model.Ref
		switch shape.Type {
		case "list":
			next = shape.Member
		case "map":
			next = shape.Value
		default:
			return false
		}
		if next == nil {
			return false
		}
		shape = m.Shape(next.Shape)
	}
	return false
}

func parseShorthand(m *model.Model, shape *model.Shape, cliName string, value any) (any, error) {
	p := &shorthand.Parser{ResolveFile: LoadParamFile}
	var parsed any
	switch v := value.(type) {
	case []string:
		list := make([]any, 0, len(v))
		for _, s := range v {
			x, err := p.Parse(s)
			if err != nil {
				return nil, toCLIError(cliName, err)
			}
			list = append(list, x)
		}
		parsed = list
	case string:
		x, err := p.Parse(v)
		if err != nil {
			return nil, toCLIError(cliName, err)
		}
		parsed = x
	case []byte:
		// The reference hands fileb:// bytes to its str parser, which
		// fails on the first key character, or at once when empty.
		if len(v) == 0 {
			return nil, paramError(cliName, "Expected: '=', received: 'EOF' for input:\n b''\n^")
		}
		return nil, clierr.Runtime("'in <string>' requires string as left operand, not int")
	default:
		return value, nil
	}
	out, err := shorthand.Convert(m, shape, parsed)
	if err != nil {
		return nil, toCLIError(cliName, err)
	}
	return out, nil
}

// unpackCLIArg is _unpack_cli_arg for a value that is not shorthand.
func unpackCLIArg(m *model.Model, shape *model.Shape, value any, cliName string) (any, error) {
	if shape.Document {
		return unpackJSON(value)
	}
	switch shape.Type {
	case "structure", "map", "list":
		return unpackComplex(m, shape, value, cliName)
	}
	return unpackScalar(shape, value)
}

// unpackJSON is _unpack_json_cli_arg.
func unpackJSON(value any) (any, error) {
	var (
		v   any
		err error
	)
	switch x := value.(type) {
	case string:
		v, err = pyjson.Loads(x)
	case []byte:
		v, err = pyjson.LoadsBytes(x)
	default:
		return nil, &pyconv.TypeError{Msg: fmt.Sprintf("the JSON object must be str, bytes or bytearray, not %s", pyfmt.TypeName(value))}
	}
	switch err.(type) {
	case nil:
		return v, nil
	case *pyjson.DecodeError, *pyjson.ValueError:
		return nil, &paramErr{msg: fmt.Sprintf("Invalid JSON: %s\nJSON received: %s", err, pyfmt.Str(value))}
	}
	return nil, err
}

// firstNonSpace is value.lstrip()[0], with Python's IndexError when the
// value is blank.
func firstNonSpace(value any) (rune, error) {
	switch x := value.(type) {
	case string:
		t := strings.TrimLeftFunc(x, pyIsSpace)
		if t == "" {
			return 0, &indexError{msg: "string index out of range"}
		}
		for _, r := range t {
			return r, nil
		}
	case []byte:
		t := strings.TrimLeft(string(x), " \t\n\r\v\f")
		if t == "" {
			return 0, &indexError{msg: "index out of range"}
		}
		// An int never equals '{' or '['.
		return -1, nil
	}
	return -1, nil
}

// unpackComplex is _unpack_complex_cli_arg.
func unpackComplex(m *model.Model, shape *model.Shape, value any, cliName string) (any, error) {
	switch shape.Type {
	case "structure", "map":
		c, err := firstNonSpace(value)
		if err != nil {
			return nil, err
		}
		if c == '{' {
			return unpackJSON(value)
		}
		return nil, &paramErr{msg: "Invalid JSON:\n" + pyfmt.Str(value)}
	}
	// A list.
	switch x := value.(type) {
	case string:
		c, err := firstNonSpace(x)
		if err != nil {
			return nil, err
		}
		if c == '[' {
			return unpackJSON(x)
		}
	case []string:
		if len(x) == 1 {
			if t := strings.TrimFunc(x[0], pyIsSpace); strings.HasPrefix(t, "[") {
				return unpackJSON(x[0])
			}
		}
	}
	// Several items, each unpacked as the member shape. A string (from a
	// file://) is iterated character by character and bytes byte by byte,
	// as Python iterates them.
	var items []any
	switch x := value.(type) {
	case []string:
		for _, s := range x {
			items = append(items, s)
		}
	case string:
		for _, r := range x {
			items = append(items, string(r))
		}
	case []byte:
		for _, c := range x {
			items = append(items, int64(c))
		}
	default:
		return value, nil
	}
	var member *model.Shape
	if shape.Member != nil {
		member = m.Shape(shape.Member.Shape)
	}
	out := make([]any, 0, len(items))
	for _, it := range items {
		if member == nil {
			out = append(out, it)
			continue
		}
		v, err := unpackCLIArg(m, member, it, cliName)
		if err != nil {
			switch err.(type) {
			case *pyconv.ValueError, *pyconv.TypeError:
				// The reference names only the first item, whatever failed.
				return nil, &paramErr{msg: pyfmt.Str(items[0])}
			}
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// unpackScalar is unpack_scalar_cli_arg.
func unpackScalar(shape *model.Shape, value any) (any, error) {
	switch shape.Type {
	case "integer", "long":
		return pyconv.IntOf(value)
	case "float", "double":
		return pyconv.FloatOf(value)
	case "boolean":
		switch x := value.(type) {
		case string:
			if pyLower(x) == "false" {
				return false, nil
			}
			return x != "", nil
		case []byte:
			return len(x) > 0, nil
		case bool:
			return x, nil
		case int64:
			return x != 0, nil
		}
		return value != nil, nil
	}
	// Strings, timestamps and blobs go through as given; blobs are base64
	// decoded with the whole request (DecodeBlobs).
	return value, nil
}

func pyLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// DecodeBlobs base64-decodes, in place, every blob member of params whose
// value is a string, as AWS CLI v2 does with cli_binary_format base64 once
// all parameters (command line and --cli-input-json) are gathered, before
// validation. Bytes (from fileb://) are left alone. An undecodable value is
// a Runtime error (255): `Invalid base64: "not base64!"`.
func DecodeBlobs(m *model.Model, shape *model.Shape, params *document.Map) error {
	return decodeAllBlobs(m, shape, params, false)
}

// RawBlobs is DecodeBlobs for cli_binary_format raw-in-base64-out: blob
// strings are sent as their UTF-8 bytes, as AWS CLI v1 did.
func RawBlobs(m *model.Model, shape *model.Shape, params *document.Map) error {
	return decodeAllBlobs(m, shape, params, true)
}

func decodeAllBlobs(m *model.Model, shape *model.Shape, params *document.Map, raw bool) error {
	if shape == nil || params == nil {
		return nil
	}
	_, err := decodeBlobs(m, shape, params, 0, raw)
	return err
}

func decodeBlobs(m *model.Model, shape *model.Shape, v any, depth int, raw bool) (any, error) {
	if shape == nil || v == nil || depth > 100 {
		return v, nil
	}
	switch shape.Type {
	case "structure":
		mp, ok := v.(*document.Map)
		if !ok {
			return v, nil
		}
		for _, mem := range shape.Members {
			cur, ok := mp.Get(mem.Name)
			if !ok {
				continue
			}
			nv, err := decodeBlobs(m, m.MemberShape(mem), cur, depth+1, raw)
			if err != nil {
				return nil, err
			}
			mp.Set(mem.Name, nv)
		}
	case "list":
		list, ok := v.([]any)
		if !ok || shape.Member == nil {
			return v, nil
		}
		ms := m.Shape(shape.Member.Shape)
		for i, el := range list {
			nv, err := decodeBlobs(m, ms, el, depth+1, raw)
			if err != nil {
				return nil, err
			}
			list[i] = nv
		}
	case "map":
		mp, ok := v.(*document.Map)
		if !ok || shape.Value == nil {
			return v, nil
		}
		vs := m.Shape(shape.Value.Shape)
		for _, k := range mp.Keys() {
			cur, _ := mp.Get(k)
			nv, err := decodeBlobs(m, vs, cur, depth+1, raw)
			if err != nil {
				return nil, err
			}
			mp.Set(k, nv)
		}
	case "blob":
		s, ok := v.(string)
		if !ok {
			return v, nil
		}
		if raw {
			return []byte(s), nil
		}
		b, err := pyconv.B64Decode(s)
		if err != nil {
			if _, ok := err.(*pyconv.BinasciiError); ok {
				return nil, clierr.Runtime("Invalid base64: \"%s\"", s)
			}
			return nil, clierr.Runtime("%s", err.Error())
		}
		return b, nil
	}
	return v, nil
}
