// Package validate checks a request document against the operation's input
// shape the way botocore's ParamValidator (botocore 1.43.11) does, and
// reports every problem at once with botocore's exact wording and order.
//
// What is checked is only what botocore checks: required members, unknown
// members, Python types, and minimum lengths and values. Maximums, enums
// and patterns are left to the service.
package validate

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
)

// Validate returns nil when params satisfy shape, otherwise a ParamValidation
// error whose message is botocore's report:
//
//	Parameter validation failed:
//	<one line per problem>
func Validate(m *model.Model, shape *model.Shape, params *document.Map) error {
	return ValidateWith(m, shape, params, Options{})
}

// Options refine how values are shown in the report.
type Options struct {
	// JSONMembers names the top-level members whose values were parsed
	// from JSON text on the command line (--x '{"a": 1}'). The AWS CLI
	// reads those with OrderedDict, so their objects print as
	// OrderedDict({'a': 1}) of <class 'collections.OrderedDict'>; objects
	// from shorthand or --cli-input-json are plain dicts.
	JSONMembers map[string]bool
}

// ValidateWith is Validate with options.
func ValidateWith(m *model.Model, shape *model.Shape, params *document.Map, opts Options) error {
	if shape == nil {
		return nil
	}
	lines := ReportWith(m, shape, params, opts)
	if len(lines) == 0 {
		return nil
	}
	return clierr.ParamValidation("%s", "Parameter validation failed:\n"+strings.Join(lines, "\n"))
}

// Report returns the problems found, one botocore message each, in the
// order botocore reports them.
func Report(m *model.Model, shape *model.Shape, params *document.Map) []string {
	return ReportWith(m, shape, params, Options{})
}

// ReportWith is Report with options.
func ReportWith(m *model.Model, shape *model.Shape, params *document.Map, opts Options) []string {
	if params == nil {
		params = document.NewMap(0)
	}
	v := validator{m: m, jsonMembers: opts.JSONMembers}
	v.validate(params, shape, "")
	return v.errs
}

// Valid type lists, as botocore prints them.
var (
	typesStr       = []string{"<class 'str'>"}
	typesInt       = []string{"<class 'int'>"}
	typesFloat     = []string{"<class 'float'>", "<class 'decimal.Decimal'>", "<class 'int'>"}
	typesBool      = []string{"<class 'bool'>"}
	typesDict      = []string{"<class 'dict'>"}
	typesList      = []string{"<class 'list'>", "<class 'tuple'>"}
	typesBlob      = []string{"<class 'bytes'>", "<class 'bytearray'>", "file-like object"}
	typesTimestamp = []string{"<class 'datetime.datetime'>", "timestamp-string"}
	typesDocument  = []string{"<class 'str'>", "<class 'int'>", "<class 'bool'>", "<class 'float'>", "<class 'list'>", "<class 'dict'>"}
)

type validator struct {
	m           *model.Model
	errs        []string
	jsonMembers map[string]bool
	// ordered is set while inside a member listed in jsonMembers.
	ordered bool
}

// style prints values as the Python objects being validated: OrderedDicts
// inside members given as JSON text, plain dicts elsewhere.
func (v *validator) style() pyfmt.Style { return pyfmt.Style{OrderedDict: v.ordered} }

// displayName is botocore's ValidationErrors._get_name: the top level is
// "input", and the leading dot of a member path is dropped.
func displayName(name string) string {
	if name == "" {
		return "input"
	}
	return strings.TrimPrefix(name, ".")
}

func (v *validator) invalidType(name string, param any, valid []string) {
	v.errs = append(v.errs, "Invalid type for parameter "+displayName(name)+
		", value: "+v.style().Str(param)+", type: "+v.style().Class(param)+
		", valid types: "+strings.Join(valid, ", "))
}

func (v *validator) validate(param any, shape *model.Shape, name string) {
	if shape == nil {
		return
	}
	if shape.Type == "structure" && shape.Document {
		v.validateDocument(param, name, 0)
		return
	}
	switch shape.Type {
	case "structure":
		v.validateStructure(param, shape, name)
	case "list":
		v.validateList(param, shape, name)
	case "map":
		v.validateMap(param, shape, name)
	case "string":
		s, ok := param.(string)
		if !ok {
			v.invalidType(name, param, typesStr)
			return
		}
		v.rangeCheck(name, big.NewFloat(float64(utf8.RuneCountInString(s))), strconv.Itoa(utf8.RuneCountInString(s)), shape, "Invalid length", "valid min length")
	case "integer", "long":
		// bool is a subclass of int in Python, so it passes as an integer.
		if !isInt(param) && !isBool(param) {
			v.invalidType(name, param, typesInt)
			return
		}
		v.rangeCheck(name, numeric(param), pyfmt.Str(param), shape, "Invalid value", "valid min value")
	case "double", "float":
		if !isInt(param) && !isBool(param) && !isFloat(param) {
			v.invalidType(name, param, typesFloat)
			return
		}
		v.rangeCheck(name, numeric(param), pyfmt.Str(param), shape, "Invalid value", "valid min value")
	case "boolean":
		if !isBool(param) {
			v.invalidType(name, param, typesBool)
		}
	case "blob":
		switch param.(type) {
		case []byte, string:
		default:
			v.invalidType(name, param, typesBlob)
		}
	case "timestamp":
		if !isTimestamp(param) {
			v.invalidType(name, param, typesTimestamp)
		}
	}
}

func (v *validator) validateStructure(param any, shape *model.Shape, name string) {
	params, ok := param.(*document.Map)
	if !ok || params == nil {
		v.invalidType(name, param, typesDict)
		return
	}
	for _, req := range shape.Required {
		if _, present := params.Get(req); !present {
			v.errs = append(v.errs, "Missing required parameter in "+displayName(name)+": \""+req+"\"")
		}
	}
	var known []string
	for _, k := range params.Keys() {
		if shape.FindMember(k) == nil {
			names := make([]string, len(shape.Members))
			for i, mem := range shape.Members {
				names[i] = mem.Name
			}
			v.errs = append(v.errs, "Unknown parameter in "+displayName(name)+": \""+k+
				"\", must be one of: "+strings.Join(names, ", "))
			continue
		}
		known = append(known, k)
	}
	for _, k := range known {
		val, _ := params.Get(k)
		if name == "" {
			v.ordered = v.jsonMembers[k]
		}
		v.validate(val, v.m.MemberShape(shape.FindMember(k)), name+"."+k)
	}
}

func (v *validator) validateList(param any, shape *model.Shape, name string) {
	items, ok := param.([]any)
	if !ok {
		v.invalidType(name, param, typesList)
		return
	}
	v.rangeCheck(name, big.NewFloat(float64(len(items))), strconv.Itoa(len(items)), shape, "Invalid length", "valid min length")
	if shape.Member == nil {
		return
	}
	member := v.m.Shape(shape.Member.Shape)
	for i, item := range items {
		v.validate(item, member, name+"["+strconv.Itoa(i)+"]")
	}
}

func (v *validator) validateMap(param any, shape *model.Shape, name string) {
	params, ok := param.(*document.Map)
	if !ok || params == nil {
		v.invalidType(name, param, typesDict)
		return
	}
	var keyShape, valueShape *model.Shape
	if shape.Key != nil {
		keyShape = v.m.Shape(shape.Key.Shape)
	}
	if shape.Value != nil {
		valueShape = v.m.Shape(shape.Value.Shape)
	}
	for _, k := range params.Keys() {
		val, _ := params.Get(k)
		v.validate(k, keyShape, name+" (key: "+k+")")
		v.validate(val, valueShape, name+"."+k)
	}
}

// validateDocument mirrors botocore's _validate_document, including its
// habit of naming a nested value by its bare key rather than its path.
func (v *validator) validateDocument(param any, name string, depth int) {
	if depth > 10000 {
		return
	}
	switch x := param.(type) {
	case nil, string, bool, int64, int, *big.Int, float64:
	case *document.Map:
		for _, k := range x.Keys() {
			val, _ := x.Get(k)
			v.validateDocument(val, k, depth+1)
		}
	case []any:
		for i, e := range x {
			v.validateDocument(e, name+"["+strconv.Itoa(i)+"]", depth+1)
		}
	default:
		v.errs = append(v.errs, "Invalid type for document parameter "+displayName(name)+
			", value: "+v.style().Str(param)+", type: "+v.style().Class(param)+
			", valid types: "+strings.Join(typesDocument, ", "))
	}
}

// rangeCheck is botocore's range_check: only the model's minimum is
// enforced. value is the compared quantity, shown is how botocore prints it.
func (v *validator) rangeCheck(name string, value *big.Float, shown string, shape *model.Shape, what, bound string) {
	if shape.Min == nil || value == nil {
		return
	}
	if value.Cmp(big.NewFloat(*shape.Min)) >= 0 {
		return
	}
	v.errs = append(v.errs, what+" for parameter "+displayName(name)+", value: "+shown+", "+bound+": "+formatMin(*shape.Min))
}

// formatMin prints the model's minimum as Python would print the value
// json.loads gave it: the model writes every minimum as an integer.
func formatMin(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e18 {
		return strconv.FormatInt(int64(f), 10)
	}
	return document.FormatFloat(f)
}

func isInt(v any) bool {
	switch x := v.(type) {
	case int64, int:
		return true
	case *big.Int:
		return x != nil
	}
	return false
}

func isBool(v any) bool { _, ok := v.(bool); return ok }

func isFloat(v any) bool { _, ok := v.(float64); return ok }

// numeric converts an int, bool or float to a comparable number. NaN has
// no big.Float; it compares false with everything in Python, so it never
// fails a minimum and nil signals that.
func numeric(v any) *big.Float {
	switch x := v.(type) {
	case int64:
		return new(big.Float).SetInt64(x)
	case int:
		return new(big.Float).SetInt64(int64(x))
	case *big.Int:
		return new(big.Float).SetInt(x)
	case bool:
		if x {
			return big.NewFloat(1)
		}
		return big.NewFloat(0)
	case float64:
		if math.IsNaN(x) {
			return nil
		}
		return big.NewFloat(x)
	}
	return nil
}

// isTimestamp approximates botocore's parse_to_aware_datetime: numbers
// (bools included) are epoch seconds, strings must be a number or a date
// that dateutil would read.
func isTimestamp(v any) bool {
	switch x := v.(type) {
	case int64, int, *big.Int, float64, bool:
		return true
	case string:
		return isTimestampString(x)
	}
	return false
}

// isTimestampString reports whether s reads as a timestamp: a float
// (epoch seconds) or one of the ISO 8601 and RFC 822 layouts services and
// users write. dateutil accepts still more; these are the forms that
// matter for a CLI argument.
func isTimestampString(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return false
	}
	// Plain decimal numbers only: Go would also read "inf" and hex floats,
	// which Python's float() rejects or cannot turn into a date.
	if strings.Trim(t, "0123456789+-.eE") == "" {
		if _, err := strconv.ParseFloat(t, 64); err == nil {
			return true
		}
	}
	for _, layout := range timestampLayouts {
		if _, err := time.Parse(layout, t); err == nil {
			return true
		}
	}
	return false
}

var timestampLayouts = []string{
	"2006-01-02",
	"2006-01-02T15:04",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"20060102T150405Z",
	"20060102",
	time.RFC1123,
	time.RFC1123Z,
	time.RFC850,
	time.ANSIC,
}
