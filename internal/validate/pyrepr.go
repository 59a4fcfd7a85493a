package validate

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

// PyStr renders a document value as Python's str() does. Validation
// messages interpolate values with str(), so a string prints bare while
// strings nested in lists and dicts print with repr() quoting.
func PyStr(v any) string { return pyStr(v, false) }

// PyRepr renders a document value as Python's repr() does, treating maps
// as plain dicts and lists as lists.
func PyRepr(v any) string { return pyRepr(v, false) }

// pyStr and pyRepr with ordered set render maps as the OrderedDicts the
// AWS CLI builds from JSON text given on the command line. The repr is
// Python 3.12's and later: OrderedDict({'a': 1}), OrderedDict() when empty.
func pyStr(v any, ordered bool) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v, ordered)
}

func pyRepr(v any, ordered bool) string {
	var b strings.Builder
	writeRepr(&b, v, ordered, 0)
	return b.String()
}

// maxReprDepth stops runaway recursion on pathological nesting.
const maxReprDepth = 10000

func writeRepr(b *strings.Builder, v any, ordered bool, depth int) {
	if depth > maxReprDepth {
		b.WriteString("...")
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("None")
	case bool:
		if x {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case string:
		writeStrRepr(b, x)
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case int:
		b.WriteString(strconv.Itoa(x))
	case *big.Int:
		if x == nil {
			b.WriteString("None")
		} else {
			b.WriteString(x.String())
		}
	case float64:
		b.WriteString(document.FormatFloat(x))
	case []byte:
		writeBytesRepr(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, e, ordered, depth+1)
		}
		b.WriteByte(']')
	case *document.Map:
		if ordered {
			if x.Len() == 0 {
				b.WriteString("OrderedDict()")
				return
			}
			b.WriteString("OrderedDict(")
			defer b.WriteByte(')')
		}
		b.WriteByte('{')
		for i, k := range x.Keys() {
			if i > 0 {
				b.WriteString(", ")
			}
			writeStrRepr(b, k)
			b.WriteString(": ")
			e, _ := x.Get(k)
			writeRepr(b, e, ordered, depth+1)
		}
		b.WriteByte('}')
	default:
		// Not a document value; never produced by the parsers.
		b.WriteString("<unknown>")
	}
}

// PyTypeName is str(type(v)) for a document value.
func PyTypeName(v any) string { return pyTypeName(v, false) }

func pyTypeName(v any, ordered bool) string {
	switch v.(type) {
	case nil:
		return "<class 'NoneType'>"
	case bool:
		return "<class 'bool'>"
	case string:
		return "<class 'str'>"
	case int64, int, *big.Int:
		return "<class 'int'>"
	case float64:
		return "<class 'float'>"
	case []byte:
		return "<class 'bytes'>"
	case []any:
		return "<class 'list'>"
	case *document.Map:
		if ordered {
			return "<class 'collections.OrderedDict'>"
		}
		return "<class 'dict'>"
	}
	return "<class 'object'>"
}

// writeStrRepr quotes like Python's unicode_repr: single quotes unless the
// text holds a single quote and no double quote; printable characters are
// kept, others escaped as \xNN, \uNNNN or \UNNNNNNNN.
func writeStrRepr(b *strings.Builder, s string) {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// Invalid UTF-8 cannot come from Python text; show the byte
			// the way a surrogate escape would.
			b.WriteString(`\udc`)
			b.WriteString(hex2(s[i]))
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
			b.WriteString(hex2(byte(r)))
		case r < 0x7f:
			b.WriteRune(r)
		case pyPrintable(r):
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case r <= 0xffff:
			b.WriteString(`\u`)
			b.WriteString(hexN(uint32(r), 4))
		default:
			b.WriteString(`\U`)
			b.WriteString(hexN(uint32(r), 8))
		}
	}
	b.WriteByte(quote)
}

// pyPrintable follows str.isprintable for non-ASCII characters: everything
// except the Other (Cc, Cf, Cs, Co, Cn) and Separator (Zs, Zl, Zp)
// categories.
func pyPrintable(r rune) bool {
	if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Cs, unicode.Co, unicode.Zs, unicode.Zl, unicode.Zp) {
		return false
	}
	// Unassigned code points (Cn) belong to no category Go knows.
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}

// writeBytesRepr quotes like Python's bytes repr: b'...'.
func writeBytesRepr(b *strings.Builder, p []byte) {
	quote := byte('\'')
	if containsByte(p, '\'') && !containsByte(p, '"') {
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
			b.WriteString(hex2(c))
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
}

func containsByte(p []byte, c byte) bool {
	for _, x := range p {
		if x == c {
			return true
		}
	}
	return false
}

const hexDigits = "0123456789abcdef"

func hex2(c byte) string {
	return string([]byte{hexDigits[c>>4], hexDigits[c&0xf]})
}

func hexN(v uint32, n int) string {
	out := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = hexDigits[v&0xf]
		v >>= 4
	}
	return string(out)
}
