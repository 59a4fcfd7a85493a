package jmespath

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
)

// typeError is JMESPathTypeError.
func typeError(fn string, value any, actual string, expected []string) error {
	return fmt.Errorf("In function %s(), invalid type for value: %s, expected one of: %s, received: \"%s\"",
		fn, pyfmt.Str(value), reprList(expected), actual)
}

// signature lists the allowed types of each parameter; variadic means the
// last entry may repeat (and only the declared entries are checked).
type signature struct {
	args     [][]string
	variadic bool
}

var signatures = map[string]signature{
	"abs":         {args: [][]string{{"number"}}},
	"avg":         {args: [][]string{{"array-number"}}},
	"not_null":    {args: [][]string{{}}, variadic: true},
	"to_array":    {args: [][]string{{}}},
	"to_string":   {args: [][]string{{}}},
	"to_number":   {args: [][]string{{}}},
	"contains":    {args: [][]string{{"array", "string"}, {}}},
	"length":      {args: [][]string{{"string", "array", "object"}}},
	"ends_with":   {args: [][]string{{"string"}, {"string"}}},
	"starts_with": {args: [][]string{{"string"}, {"string"}}},
	"reverse":     {args: [][]string{{"array", "string"}}},
	"ceil":        {args: [][]string{{"number"}}},
	"floor":       {args: [][]string{{"number"}}},
	"join":        {args: [][]string{{"string"}, {"array-string"}}},
	"map":         {args: [][]string{{"expref"}, {"array"}}},
	"max":         {args: [][]string{{"array-number", "array-string"}}},
	"merge":       {args: [][]string{{"object"}}, variadic: true},
	"min":         {args: [][]string{{"array-number", "array-string"}}},
	"sort":        {args: [][]string{{"array-string", "array-number"}}},
	"sum":         {args: [][]string{{"array-number"}}},
	"keys":        {args: [][]string{{"object"}}},
	"values":      {args: [][]string{{"object"}}},
	"type":        {args: [][]string{{}}},
	"sort_by":     {args: [][]string{{"array"}, {"expref"}}},
	"min_by":      {args: [][]string{{"array"}, {"expref"}}},
	"max_by":      {args: [][]string{{"array"}, {"expref"}}},
}

// pyTypesOf is REVERSE_TYPES_MAP: the Python type names of a JMESPath type.
func pyTypesOf(t string) []string {
	switch t {
	case "boolean":
		return []string{"bool"}
	case "array":
		return []string{"list", "_Projection"}
	case "object":
		return []string{"dict", "OrderedDict"}
	case "null":
		return []string{"NoneType"}
	case "string":
		return []string{"unicode", "str"}
	case "number":
		return []string{"float", "int", "long"}
	case "expref":
		return []string{"_Expression"}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func plural(word string, n int) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// call is Functions.call_function: look up, check arity, check types, run.
func (in *interpreter) call(name string, args []any) (any, error) {
	sig, ok := signatures[name]
	if !ok {
		return nil, fmt.Errorf("Unknown function: %s()", name)
	}
	if sig.variadic {
		if len(args) < len(sig.args) {
			return nil, fmt.Errorf("Expected at least %d %s for function %s(), received %d",
				len(sig.args), plural("argument", len(sig.args)), name, len(args))
		}
	} else if len(args) != len(sig.args) {
		return nil, fmt.Errorf("Expected %d %s for function %s(), received %d",
			len(sig.args), plural("argument", len(sig.args)), name, len(args))
	}
	for i, types := range sig.args {
		if len(types) > 0 {
			if err := typeCheck(args[i], types, name); err != nil {
				return nil, err
			}
		}
	}
	return in.run(name, args)
}

func typeCheck(v any, types []string, fn string) error {
	var allowed []string
	var subtypes [][]string
	for _, t := range types {
		base, sub, found := strings.Cut(t, "-")
		if found {
			subtypes = append(subtypes, pyTypesOf(sub))
		}
		allowed = append(allowed, pyTypesOf(base)...)
	}
	actual := pyfmt.TypeName(v)
	if !contains(allowed, actual) {
		return typeError(fn, v, jmesTypeName(actual), types)
	}
	list, _ := v.([]any)
	switch {
	case len(subtypes) == 1:
		for _, e := range list {
			if name := pyfmt.TypeName(e); !contains(subtypes[0], name) {
				return typeError(fn, e, name, types)
			}
		}
	case len(subtypes) > 1 && len(list) > 0:
		first := pyfmt.TypeName(list[0])
		var want []string
		for _, st := range subtypes {
			if contains(st, first) {
				want = st
				break
			}
		}
		if want == nil {
			return typeError(fn, list[0], first, types)
		}
		for _, e := range list {
			if name := pyfmt.TypeName(e); !contains(want, name) {
				return typeError(fn, e, name, types)
			}
		}
	}
	return nil
}

func (in *interpreter) run(name string, args []any) (any, error) {
	arg := args[0]
	switch name {
	case "abs":
		switch t := arg.(type) {
		case float64:
			return math.Abs(t), nil
		case int64:
			if t >= 0 {
				return t, nil
			}
			if t != math.MinInt64 {
				return -t, nil
			}
		}
		return normBig(new(big.Int).Abs(bigOf(arg))), nil
	case "avg":
		list := arg.([]any)
		if len(list) == 0 {
			return nil, nil
		}
		s, err := pySum(list)
		if err != nil {
			return nil, err
		}
		f, err := toFloat(s)
		if err != nil {
			return nil, err
		}
		return f / float64(len(list)), nil
	case "not_null":
		for _, a := range args {
			if a != nil {
				return a, nil
			}
		}
		return nil, nil
	case "to_array":
		if _, ok := arg.([]any); ok {
			return arg, nil
		}
		return []any{arg}, nil
	case "to_string":
		if s, ok := arg.(string); ok {
			return s, nil
		}
		var b strings.Builder
		compactJSON(&b, arg, 0)
		return b.String(), nil
	case "to_number":
		return toNumber(arg), nil
	case "contains":
		if s, ok := arg.(string); ok {
			sub, ok := args[1].(string)
			if !ok {
				return nil, fmt.Errorf("'in <string>' requires string as left operand, not %s", pyfmt.TypeName(args[1]))
			}
			return strings.Contains(s, sub), nil
		}
		for _, e := range arg.([]any) {
			if pyEqual(e, args[1]) {
				return true, nil
			}
		}
		return false, nil
	case "length":
		switch t := arg.(type) {
		case string:
			return int64(utf8.RuneCountInString(t)), nil
		case []any:
			return int64(len(t)), nil
		case *document.Map:
			return int64(t.Len()), nil
		}
	case "ends_with":
		return strings.HasSuffix(arg.(string), args[1].(string)), nil
	case "starts_with":
		return strings.HasPrefix(arg.(string), args[1].(string)), nil
	case "reverse":
		if s, ok := arg.(string); ok {
			r := []rune(s)
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			return string(r), nil
		}
		list := arg.([]any)
		out := make([]any, len(list))
		for i, e := range list {
			out[len(list)-1-i] = e
		}
		return out, nil
	case "ceil", "floor":
		f, ok := arg.(float64)
		if !ok {
			return arg, nil
		}
		return floatToInt(map[bool]float64{true: math.Ceil(f), false: math.Floor(f)}[name == "ceil"])
	case "join":
		items := args[1].([]any)
		parts := make([]string, len(items))
		for i, e := range items {
			parts[i] = e.(string)
		}
		return strings.Join(parts, args[0].(string)), nil
	case "map":
		ref := arg.(*exprefVal)
		out := []any{}
		for _, e := range args[1].([]any) {
			r, err := in.visit(ref.node, e)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, nil
	case "max", "min":
		list := arg.([]any)
		if len(list) == 0 {
			return nil, nil
		}
		best := list[0]
		for _, e := range list[1:] {
			better, err := beats(e, best, name == "max")
			if err != nil {
				return nil, err
			}
			if better {
				best = e
			}
		}
		return best, nil
	case "merge":
		m := document.NewMap(8)
		for _, a := range args {
			if err := dictUpdate(m, a); err != nil {
				return nil, err
			}
		}
		return m, nil
	case "sort":
		list := arg.([]any)
		out := append([]any(nil), list...)
		stableSort(out, func(a, b any) bool { c, ok, _ := pyOrder(a, b, "<"); return ok && c < 0 })
		return out, nil
	case "sum":
		return pySum(arg.([]any))
	case "keys":
		m := arg.(*document.Map)
		out := make([]any, 0, m.Len())
		for _, k := range m.Keys() {
			out = append(out, k)
		}
		return out, nil
	case "values":
		m := arg.(*document.Map)
		out := make([]any, 0, m.Len())
		for _, k := range m.Keys() {
			e, _ := m.Get(k)
			out = append(out, e)
		}
		return out, nil
	case "type":
		switch arg.(type) {
		case string:
			return "string", nil
		case bool:
			return "boolean", nil
		case []any:
			return "array", nil
		case *document.Map:
			return "object", nil
		case float64, int64, int, *big.Int:
			return "number", nil
		case nil:
			return "null", nil
		}
		return nil, nil
	case "sort_by":
		return in.sortBy(arg.([]any), args[1].(*exprefVal))
	case "min_by", "max_by":
		return in.minMaxBy(name, arg.([]any), args[1].(*exprefVal))
	}
	return nil, fmt.Errorf("Unknown function: %s()", name)
}

// beats reports whether e replaces best in Python's max() (e > best) or
// min() (e < best).
func beats(e, best any, isMax bool) (bool, error) {
	sym := "<"
	if isMax {
		sym = ">"
	}
	c, ok, err := pyOrder(e, best, sym)
	if err != nil || !ok {
		return false, err
	}
	if isMax {
		return c > 0, nil
	}
	return c < 0, nil
}

// floatToInt is int() of an integral float, as math.ceil/floor return.
func floatToInt(f float64) (any, error) {
	switch {
	case math.IsInf(f, 0):
		return nil, fmt.Errorf("cannot convert float infinity to integer")
	case math.IsNaN(f):
		return nil, fmt.Errorf("cannot convert float NaN to integer")
	}
	if f >= -(1<<63) && f < 1<<63 {
		return int64(f), nil
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return normBig(b), nil
}

// toNumber is to_number(): numbers pass, strings go through int() then
// float(), anything else is null.
func toNumber(v any) any {
	switch t := v.(type) {
	case int64, int, *big.Int, float64:
		return t
	case string:
		if n, ok := pyInt(t); ok {
			return n
		}
		if f, ok := pyFloat(t); ok {
			return f
		}
	}
	return nil
}

func (in *interpreter) sortBy(list []any, ref *exprefVal) (any, error) {
	if len(list) == 0 {
		return list, nil
	}
	first, err := in.visit(ref.node, list[0])
	if err != nil {
		return nil, err
	}
	required := jmesTypeName(pyfmt.TypeName(first))
	if required != "number" && required != "string" {
		return nil, typeError("sort_by", list[0], required, []string{"string", "number"})
	}
	keys := make([]any, len(list))
	for i, e := range list {
		k, err := in.keyFunc(ref, e, []string{required}, "sort_by")
		if err != nil {
			return nil, err
		}
		keys[i] = k
	}
	idx := make([]any, len(list))
	for i := range idx {
		idx[i] = i
	}
	stableSort(idx, func(a, b any) bool {
		c, ok, _ := pyOrder(keys[a.(int)], keys[b.(int)], "<")
		return ok && c < 0
	})
	out := make([]any, len(list))
	for i, j := range idx {
		out[i] = list[j.(int)]
	}
	return out, nil
}

// minMaxBy follows Python's max(iterable, key=...): each key is computed
// just before it is compared with the best so far.
func (in *interpreter) minMaxBy(name string, list []any, ref *exprefVal) (any, error) {
	if len(list) == 0 {
		return nil, nil
	}
	allowed := []string{"number", "string"}
	best := list[0]
	bestKey, err := in.keyFunc(ref, best, allowed, name)
	if err != nil {
		return nil, err
	}
	for _, e := range list[1:] {
		k, err := in.keyFunc(ref, e, allowed, name)
		if err != nil {
			return nil, err
		}
		better, err := beats(k, bestKey, name == "max_by")
		if err != nil {
			return nil, err
		}
		if better {
			best, bestKey = e, k
		}
	}
	return best, nil
}

func (in *interpreter) keyFunc(ref *exprefVal, e any, allowed []string, fn string) (any, error) {
	r, err := in.visit(ref.node, e)
	if err != nil {
		return nil, err
	}
	t := jmesTypeName(pyfmt.TypeName(r))
	if !contains(allowed, t) {
		return nil, typeError(fn, r, t, allowed)
	}
	return r, nil
}

// dictUpdate is dict.update(arg) for merge(): an object merges, and, as in
// Python, an iterable of key/value pairs does too; other values raise
// Python's errors. Non-string keys are stored as json.dumps would
// write them.
func dictUpdate(m *document.Map, arg any) error {
	switch t := arg.(type) {
	case *document.Map:
		for _, k := range t.Keys() {
			v, _ := t.Get(k)
			m.Set(k, v)
		}
		return nil
	case string:
		if t == "" {
			return nil
		}
		return fmt.Errorf("dictionary update sequence element #0 has length 1; 2 is required")
	case []any:
		for i, e := range t {
			items, ok := iterate(e)
			if !ok {
				return fmt.Errorf("cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			if len(items) != 2 {
				return fmt.Errorf("dictionary update sequence element #%d has length %d; 2 is required", i, len(items))
			}
			key, err := dictKey(items[0])
			if err != nil {
				return err
			}
			m.Set(key, items[1])
		}
		return nil
	case []byte:
		if len(t) == 0 {
			return nil
		}
		return fmt.Errorf("cannot convert dictionary update sequence element #0 to a sequence")
	}
	return fmt.Errorf("'%s' object is not iterable", pyfmt.TypeName(arg))
}

// iterate is list(v) for the iterable document values.
func iterate(v any) ([]any, bool) {
	switch t := v.(type) {
	case []any:
		return t, true
	case string:
		out := []any{}
		for _, r := range t {
			out = append(out, string(r))
		}
		return out, true
	case *document.Map:
		out := []any{}
		for _, k := range t.Keys() {
			out = append(out, k)
		}
		return out, true
	case []byte:
		out := []any{}
		for _, c := range t {
			out = append(out, int64(c))
		}
		return out, true
	}
	return nil, false
}

func dictKey(k any) (string, error) {
	switch t := k.(type) {
	case string:
		return t, nil
	case []any, *document.Map:
		return "", fmt.Errorf("unhashable type: '%s'", pyfmt.TypeName(k))
	case nil:
		return "null", nil
	case bool:
		if t {
			return "true", nil
		}
		return "false", nil
	}
	var b strings.Builder
	compactJSON(&b, k, 0)
	return strings.Trim(b.String(), `"`), nil
}
