package jmespath

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
)

// The reference evaluates queries over Python objects, and its error
// messages and comparisons show Python's semantics; the helpers here give
// document values the same behaviour.

// exprefVal is the value of an `&expr` expression-type, Python's _Expression.
type exprefVal struct{ node *node }

// PyType and PyRepr make an expref print as the Python object.
func (*exprefVal) PyType() (module, name string) { return "jmespath.visitor", "_Expression" }

// PyRepr is the object's default repr; Python shows its address, which
// varies from run to run.
func (*exprefVal) PyRepr() string {
	return "<jmespath.visitor._Expression object at 0x7f0000000000>"
}

// jmesTypeName maps a Python type name to the JMESPath type, as TYPES_MAP does.
func jmesTypeName(pyName string) string {
	switch pyName {
	case "bool":
		return "boolean"
	case "list":
		return "array"
	case "dict", "OrderedDict":
		return "object"
	case "NoneType":
		return "null"
	case "str":
		return "string"
	case "float", "int":
		return "number"
	case "_Expression":
		return "expref"
	}
	return "unknown"
}

// isNumber reports whether v is a Python int or float that is not a bool.
func isNumber(v any) bool {
	switch v.(type) {
	case int64, int, *big.Int, float64:
		return true
	}
	return false
}

// bigOf returns an integer (or bool) as *big.Int, nil for anything else.
func bigOf(v any) *big.Int {
	switch t := v.(type) {
	case int64:
		return big.NewInt(t)
	case int:
		return big.NewInt(int64(t))
	case *big.Int:
		return t
	case bool:
		if t {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	}
	return nil
}

// normBig returns b as int64 when it fits, so results look like parsed JSON.
func normBig(b *big.Int) any {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}

// numCmp compares two Python numbers (bools count as 0 and 1) exactly, as
// Python compares int with float. ok is false when a NaN is involved.
func numCmp(a, b any) (c int, ok bool) {
	if x, isF := a.(float64); isF {
		if math.IsNaN(x) {
			return 0, false
		}
	}
	if y, isF := b.(float64); isF {
		if math.IsNaN(y) {
			return 0, false
		}
	}
	if x, isI := a.(int64); isI {
		if y, isI := b.(int64); isI {
			switch {
			case x < y:
				return -1, true
			case x > y:
				return 1, true
			}
			return 0, true
		}
	}
	if x, isF := a.(float64); isF {
		if y, isF := b.(float64); isF {
			switch {
			case x < y:
				return -1, true
			case x > y:
				return 1, true
			}
			return 0, true
		}
	}
	return toBigFloat(a).Cmp(toBigFloat(b)), true
}

func toBigFloat(v any) *big.Float {
	if f, ok := v.(float64); ok {
		return new(big.Float).SetFloat64(f) // exact; ±Inf allowed
	}
	b := bigOf(v)
	if b == nil {
		return new(big.Float)
	}
	return new(big.Float).SetPrec(uint(b.BitLen()) + 64).SetInt(b)
}

// pyEqual is Python's ==, used for nested values and `in`: 1 == 1.0 and
// True == 1 hold, dicts compare regardless of key order.
func pyEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool, int64, int, *big.Int, float64:
		switch b.(type) {
		case bool, int64, int, *big.Int, float64:
			if bx, ok := a.(bool); ok {
				if by, ok := b.(bool); ok {
					return bx == by
				}
			}
			c, ok := numCmp(boolAsInt(a), boolAsInt(b))
			return ok && c == 0
		}
		return false
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []byte:
		y, ok := b.([]byte)
		return ok && string(x) == string(y)
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !pyEqualItem(x[i], y[i]) {
				return false
			}
		}
		return true
	case *document.Map:
		y, ok := b.(*document.Map)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for _, k := range x.Keys() {
			yv, found := y.Get(k)
			if !found {
				return false
			}
			xv, _ := x.Get(k)
			if !pyEqualItem(xv, yv) {
				return false
			}
		}
		return true
	case *exprefVal:
		y, ok := b.(*exprefVal)
		return ok && x == y
	}
	return false
}

// pyEqualItem compares container items, where Python first tests
// identity: json.loads gives every NaN literal the same float object, so
// NaN items are equal although NaN == NaN is false.
func pyEqualItem(a, b any) bool {
	if x, ok := a.(float64); ok && math.IsNaN(x) {
		if y, ok := b.(float64); ok && math.IsNaN(y) {
			return true
		}
	}
	return pyEqual(a, b)
}

func boolAsInt(v any) any {
	if b, ok := v.(bool); ok {
		if b {
			return int64(1)
		}
		return int64(0)
	}
	return v
}

// pyOrder is Python's `<`-family between two numbers or two strings; a
// mixed pair raises Python's TypeError for the operator sym.
func pyOrder(a, b any, sym string) (int, bool, error) {
	as, aStr := a.(string)
	bs, bStr := b.(string)
	switch {
	case aStr && bStr:
		return strings.Compare(as, bs), true, nil
	case isNumber(a) && isNumber(b):
		c, ok := numCmp(a, b)
		return c, ok, nil
	}
	return 0, false, fmt.Errorf("'%s' not supported between instances of '%s' and '%s'", sym, pyfmt.TypeName(a), pyfmt.TypeName(b))
}

// reprList is repr() of a list of strings, as error messages print the
// allowed types.
func reprList(items []string) string {
	l := make([]any, len(items))
	for i, s := range items {
		l[i] = s
	}
	return pyfmt.Repr(l)
}

// reprDepth bounds the JSON printer's recursion. Values cannot nest deeper:
// literals stop at maxJSONDepth and service documents at a similar bound.
const reprDepth = maxJSONDepth + 100

// compactJSON is json.dumps(v, separators=(',', ':'), default=str): ASCII
// only, Python's float repr, NaN and Infinity spelt out.
func compactJSON(b *strings.Builder, v any, depth int) {
	if depth > reprDepth {
		b.WriteString("null")
		return
	}
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if t {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int64, int, *big.Int:
		b.WriteString(pyfmt.Str(t))
	case float64:
		switch {
		case math.IsNaN(t):
			b.WriteString("NaN")
		case math.IsInf(t, 1):
			b.WriteString("Infinity")
		case math.IsInf(t, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(document.FormatFloat(t))
		}
	case string:
		asciiJSONString(b, t)
	case []any:
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			compactJSON(b, e, depth+1)
		}
		b.WriteByte(']')
	case *document.Map:
		b.WriteByte('{')
		for i, k := range t.Keys() {
			if i > 0 {
				b.WriteByte(',')
			}
			asciiJSONString(b, k)
			b.WriteByte(':')
			e, _ := t.Get(k)
			compactJSON(b, e, depth+1)
		}
		b.WriteByte('}')
	default:
		// default=str: anything else is written as its str().
		asciiJSONString(b, pyfmt.Str(t))
	}
}

// asciiJSONString escapes like json.dumps with ensure_ascii=True.
func asciiJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r >= ' ' && r <= '~':
			b.WriteRune(r)
		case r < 0x10000:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			r -= 0x10000
			fmt.Fprintf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		}
	}
	b.WriteByte('"')
}

// pyIsSpace is str.isspace for one character: Go's White_Space set plus the
// ASCII information separators, which Python also counts as whitespace.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// decimalValue is the digit value of a Unicode decimal digit (category Nd),
// which Python's int() and float() accept in place of ASCII digits.
func decimalValue(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r < utf8.RuneSelf || !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	// Nd characters come in runs of ten starting at zero; the ranges of the
	// table start on a zero.
	for _, rg := range unicode.Nd.R16 {
		if uint16(r) >= rg.Lo && uint16(r) <= rg.Hi && r <= 0xffff {
			return int(uint16(r)-rg.Lo) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if uint32(r) >= rg.Lo && uint32(r) <= rg.Hi {
			return int(uint32(r)-rg.Lo) % 10, true
		}
	}
	return 0, false
}

// toASCIINumber mirrors _PyUnicode_TransformDecimalAndSpaceToASCII followed
// by stripping: Unicode digits become ASCII digits, whitespace is trimmed.
// ok is false when a non-ASCII character remains.
func toASCIINumber(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case pyIsSpace(r):
			b.WriteByte(' ')
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			d, ok := decimalValue(r)
			if !ok {
				return "", false
			}
			b.WriteByte(byte('0' + d))
		}
	}
	return strings.Trim(b.String(), " \t\n\r\v\f\x1c\x1d\x1e\x1f"), true
}

// maxIntDigits is Python's default limit on int/str conversion length.
const maxIntDigits = 4300

// pyInt is Python's int(s) for a str: digits with single underscores
// between them, an optional sign, surrounding whitespace.
func pyInt(s string) (any, bool) {
	t, ok := toASCIINumber(s)
	if !ok || t == "" {
		return nil, false
	}
	neg := false
	if t[0] == '+' || t[0] == '-' {
		neg = t[0] == '-'
		t = t[1:]
	}
	digits, ok := stripUnderscores(t)
	if !ok || digits == "" {
		return nil, false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return nil, false
		}
	}
	if len(digits) > maxIntDigits {
		return nil, false
	}
	n, _ := new(big.Int).SetString(digits, 10)
	if neg {
		n.Neg(n)
	}
	return normBig(n), true
}

// stripUnderscores removes underscores that sit between two digits and
// fails on any other underscore, as Python's numeric parsers do.
func stripUnderscores(t string) (string, bool) {
	if !strings.Contains(t, "_") {
		return t, true
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '_' {
			if i == 0 || i == len(t)-1 || !isDigit(t[i-1]) || !isDigit(t[i+1]) {
				return "", false
			}
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String(), true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// pyFloat is Python's float(s) for a str.
func pyFloat(s string) (float64, bool) {
	t, ok := toASCIINumber(s)
	if !ok || t == "" {
		return 0, false
	}
	body := t
	if body[0] == '+' || body[0] == '-' {
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity", "nan":
		f, err := strconv.ParseFloat(t, 64)
		return f, err == nil
	}
	clean, ok := stripUnderscores(t)
	if !ok || !validDecimal(clean) {
		return 0, false
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil && !math.IsInf(f, 0) && f != 0 {
		return 0, false
	}
	return f, true // overflow gives ±inf and underflow 0, as in Python
}

// validDecimal accepts [sign] (digits [. [digits]] | . digits) [e [sign] digits].
func validDecimal(t string) bool {
	i := 0
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	intDigits := 0
	for i < len(t) && isDigit(t[i]) {
		i++
		intDigits++
	}
	fracDigits := 0
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && isDigit(t[i]) {
			i++
			fracDigits++
		}
	}
	if intDigits+fracDigits == 0 {
		return false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		expDigits := 0
		for i < len(t) && isDigit(t[i]) {
			i++
			expDigits++
		}
		if expDigits == 0 {
			return false
		}
	}
	return i == len(t)
}

// toFloat is Python's float(n) for an int or float; a huge int overflows.
func toFloat(v any) (float64, error) {
	switch t := v.(type) {
	case float64:
		return t, nil
	case int64:
		return float64(t), nil
	case int:
		return float64(t), nil
	}
	b := bigOf(v)
	if b == nil {
		return 0, fmt.Errorf("unsupported operand type(s) for float(): '%s'", pyfmt.TypeName(v))
	}
	f, _ := new(big.Float).SetInt(b).Float64()
	if math.IsInf(f, 0) {
		return 0, fmt.Errorf("int too large to convert to float")
	}
	return f, nil
}

// pyAdd is Python's a + b for numbers.
func pyAdd(a, b any) (any, error) {
	_, af := a.(float64)
	_, bf := b.(float64)
	if af || bf {
		x, err := toFloat(a)
		if err != nil {
			return nil, err
		}
		y, err := toFloat(b)
		if err != nil {
			return nil, err
		}
		return x + y, nil
	}
	if x, ok := a.(int64); ok {
		if y, ok := b.(int64); ok {
			s := x + y
			if (s > x) == (y > 0) {
				return s, nil
			}
		}
	}
	return normBig(new(big.Int).Add(bigOf(a), bigOf(b))), nil
}

// pySum is the builtin sum() of Python 3.12 and later over numbers: exact
// integer addition, then floats with Neumaier compensation (integers met on
// the float path are added plainly), then generic addition once an integer
// no longer fits a C long.
func pySum(items []any) (any, error) {
	var acc int64
	i := 0
	for ; i < len(items); i++ {
		y, ok := items[i].(int64)
		if !ok {
			break
		}
		s := acc + y
		if (s > acc) != (y > 0) {
			break
		}
		acc = s
	}
	if i == len(items) {
		return acc, nil
	}
	result, err := pyAdd(acc, items[i])
	if err != nil {
		return nil, err
	}
	i++
	if f, ok := result.(float64); ok {
		c := 0.0
	floats:
		for ; i < len(items); i++ {
			switch x := items[i].(type) {
			case float64:
				t := f + x
				if math.Abs(f) >= math.Abs(x) {
					c += (f - t) + x
				} else {
					c += (x - t) + f
				}
				f = t
			case int64:
				f += float64(x)
			default:
				break floats
			}
		}
		if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
			f += c
		}
		result = f
	}
	for ; i < len(items); i++ {
		if result, err = pyAdd(result, items[i]); err != nil {
			return nil, err
		}
	}
	return result, nil
}

// stableSort sorts items by less, stably, as Python's sorted() does.
func stableSort(items []any, less func(a, b any) bool) {
	sort.SliceStable(items, func(i, j int) bool { return less(items[i], items[j]) })
}
