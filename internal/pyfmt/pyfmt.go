// Package pyfmt prints document values the way Python prints the objects
// the AWS CLI holds: repr(), str(), type names and truthiness. Error
// messages and the text and table formats show these, so every package that
// imitates them uses this one implementation.
package pyfmt

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

// Object is implemented by values that stand for a Python object other
// than the JSON-like document types (a jmespath expression reference, a
// YAML datetime): TypeName and Class ask it for its type.
type Object interface {
	// PyType is type(v): its module ("" for builtins) and name.
	PyType() (module, name string)
}

// Reprer is implemented by such values when their repr can be shown;
// Repr and Str ask it.
type Reprer interface {
	// PyRepr is repr(v).
	PyRepr() string
}

// Style selects how dicts print. The zero Style is what json.loads
// returns: plain dicts. OrderedDict is for the values the CLI parses from
// JSON text on the command line (object_pairs_hook=OrderedDict).
type Style struct {
	// OrderedDict prints dicts as Python 3.12's OrderedDict repr,
	// OrderedDict({'a': 1}) (OrderedDict() when empty), and names their
	// type collections.OrderedDict.
	OrderedDict bool
}

// Repr is repr(v) with plain dicts.
func Repr(v any) string { return Style{}.Repr(v) }

// Str is str(v) with plain dicts: strings bare, everything else as repr.
func Str(v any) string { return Style{}.Str(v) }

// TypeName is type(v).__name__ with plain dicts: 'str', 'NoneType'.
func TypeName(v any) string { return Style{}.TypeName(v) }

// Class is str(type(v)) with plain dicts: "<class 'str'>".
func Class(v any) string { return Style{}.Class(v) }

// Repr is repr(v).
func (s Style) Repr(v any) string {
	var b strings.Builder
	s.AppendRepr(&b, v)
	return b.String()
}

// Str is str(v): a str prints bare; for every other document type str and
// repr agree (containers show their items with repr, floats as repr).
func (s Style) Str(v any) string {
	if t, ok := v.(string); ok {
		return t
	}
	return s.Repr(v)
}

// maxDepth stops the printer on nesting no parser produces (they stop near
// 10000 levels), where Python itself would raise RecursionError.
const maxDepth = 10100

// AppendRepr writes repr(v) to b.
func (s Style) AppendRepr(b *strings.Builder, v any) { s.appendRepr(b, v, 0) }

func (s Style) appendRepr(b *strings.Builder, v any, depth int) {
	if depth > maxDepth {
		b.WriteString("...")
		return
	}
	switch t := v.(type) {
	case nil:
		b.WriteString("None")
	case bool:
		if t {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case string:
		appendStrRepr(b, t)
	case int64:
		b.WriteString(strconv.FormatInt(t, 10))
	case int:
		b.WriteString(strconv.Itoa(t))
	case *big.Int:
		if t == nil {
			b.WriteString("None")
		} else {
			b.WriteString(t.String())
		}
	case float64:
		b.WriteString(document.FormatFloat(t))
	case []byte:
		appendBytesRepr(b, t)
	case []any:
		b.WriteByte('[')
		for i, e := range t {
			if i > 0 {
				b.WriteString(", ")
			}
			s.appendRepr(b, e, depth+1)
		}
		b.WriteByte(']')
	case *document.Map:
		if s.OrderedDict {
			if t.Len() == 0 {
				b.WriteString("OrderedDict()")
				return
			}
			b.WriteString("OrderedDict(")
		}
		b.WriteByte('{')
		for i, k := range t.Keys() {
			if i > 0 {
				b.WriteString(", ")
			}
			appendStrRepr(b, k)
			b.WriteString(": ")
			e, _ := t.Get(k)
			s.appendRepr(b, e, depth+1)
		}
		b.WriteByte('}')
		if s.OrderedDict {
			b.WriteByte(')')
		}
	case Reprer:
		b.WriteString(t.PyRepr())
	default:
		// Not a value any parser produces.
		b.WriteString("<unknown>")
	}
}

// TypeName is type(v).__name__.
func (s Style) TypeName(v any) string {
	_, name := s.pyType(v)
	return name
}

// Class is str(type(v)): "<class 'int'>", "<class 'collections.OrderedDict'>".
func (s Style) Class(v any) string {
	module, name := s.pyType(v)
	if module != "" {
		name = module + "." + name
	}
	return "<class '" + name + "'>"
}

func (s Style) pyType(v any) (module, name string) {
	switch t := v.(type) {
	case nil:
		return "", "NoneType"
	case bool:
		return "", "bool"
	case string:
		return "", "str"
	case int64, int, *big.Int:
		return "", "int"
	case float64:
		return "", "float"
	case []byte:
		return "", "bytes"
	case []any:
		return "", "list"
	case *document.Map:
		if s.OrderedDict {
			return "collections", "OrderedDict"
		}
		return "", "dict"
	case Object:
		return t.PyType()
	}
	return "", "object"
}

// StrRepr is repr() of a str: single quotes unless the text holds a single
// quote and no double quote; printable characters kept, others escaped as
// \xNN, \uNNNN or \UNNNNNNNN. A byte that is not UTF-8 prints as the
// surrogate escape Python's command-line decoding gives it (\udcNN).
func StrRepr(s string) string {
	var b strings.Builder
	appendStrRepr(&b, s)
	return b.String()
}

func appendStrRepr(b *strings.Builder, s string) {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\udc`)
			appendHex(b, uint32(s[i]), 2)
			i++
			continue
		}
		i += size
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			appendHex(b, uint32(r), 2)
		case r < 0x7f || isPrintable(r):
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x`)
			appendHex(b, uint32(r), 2)
		case r <= 0xffff:
			b.WriteString(`\u`)
			appendHex(b, uint32(r), 4)
		default:
			b.WriteString(`\U`)
			appendHex(b, uint32(r), 8)
		}
	}
	b.WriteByte(quote)
}

// isPrintable is str.isprintable for a non-ASCII character: letters,
// marks, numbers, punctuation and symbols; no separators, format or
// private-use characters, nothing unassigned.
func isPrintable(r rune) bool {
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}

// BytesRepr is repr() of a bytes value: b'...'.
func BytesRepr(p []byte) string {
	var b strings.Builder
	appendBytesRepr(&b, p)
	return b.String()
}

func appendBytesRepr(b *strings.Builder, p []byte) {
	quote := byte('\'')
	if strings.IndexByte(string(p), '\'') >= 0 && strings.IndexByte(string(p), '"') < 0 {
		quote = '"'
	}
	b.WriteByte('b')
	b.WriteByte(quote)
	for _, c := range p {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c >= 0x7f:
			b.WriteString(`\x`)
			appendHex(b, uint32(c), 2)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
}

const hexDigits = "0123456789abcdef"

// appendHex writes v as n lower-case hex digits.
func appendHex(b *strings.Builder, v uint32, n int) {
	for i := n - 1; i >= 0; i-- {
		b.WriteByte(hexDigits[(v>>(4*uint(i)))&0xf])
	}
}

// Truthy is bool(v).
func Truthy(v any) bool {
	switch t := v.(type) {
	case nil:
		return false
	case bool:
		return t
	case string:
		return t != ""
	case int64:
		return t != 0
	case int:
		return t != 0
	case *big.Int:
		return t != nil && t.Sign() != 0
	case float64:
		return t != 0
	case []byte:
		return len(t) > 0
	case []any:
		return len(t) > 0
	case *document.Map:
		return t.Len() > 0
	}
	return true
}
