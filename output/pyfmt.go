package output

import (
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

//go:generate sh -c "/usr/bin/python3 gen_eastasian.py > eastasian_table.go"

// The text and table formatters print values with Python's str(); these
// helpers reproduce it for document values.

// pyStr is Python's str(v).
func pyStr(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v)
}

// pyRepr is Python's repr(v); containers print their elements with repr.
func pyRepr(v any) string {
	var b strings.Builder
	appendRepr(&b, v)
	return b.String()
}

func appendRepr(b *strings.Builder, v any) {
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
		b.WriteString(t.String())
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
			appendRepr(b, e)
		}
		b.WriteByte(']')
	case *document.Map:
		b.WriteByte('{')
		for i, k := range t.Keys() {
			if i > 0 {
				b.WriteString(", ")
			}
			appendStrRepr(b, k)
			b.WriteString(": ")
			e, _ := t.Get(k)
			appendRepr(b, e)
		}
		b.WriteByte('}')
	default:
		appendStrRepr(b, "<unknown>")
	}
}

// appendStrRepr quotes s as Python's repr(str) does: single quotes unless
// the text holds a single quote and no double quote; non-printable
// characters escaped as \xNN, \uNNNN or \UNNNNNNNN.
func appendStrRepr(b *strings.Builder, s string) {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b.WriteByte(quote)
	for _, r := range s {
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
			b.WriteString(hex2(r))
		case r < 0x7f:
			b.WriteRune(r)
		case pyPrintable(r):
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x`)
			b.WriteString(hex2(r))
		case r <= 0xffff:
			b.WriteString(`\u`)
			b.WriteString(padHex(r, 4))
		default:
			b.WriteString(`\U`)
			b.WriteString(padHex(r, 8))
		}
	}
	b.WriteByte(quote)
}

// pyPrintable approximates str.isprintable for one character: letters,
// marks, numbers, punctuation and symbols; no separators but the space.
func pyPrintable(r rune) bool {
	if r == utf8.RuneError {
		return true
	}
	return unicode.IsPrint(r)
}

func hex2(r rune) string { return padHex(r, 2) }

func padHex(r rune, n int) string {
	s := strconv.FormatInt(int64(r), 16)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// appendBytesRepr is Python's repr(bytes): b'...'.
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
			b.WriteString(hex2(rune(c)))
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
}

// pyTypeName is type(v).__name__ for the Python value v stands for.
func pyTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case string:
		return "str"
	case int64, int, *big.Int:
		return "int"
	case float64:
		return "float"
	case []byte:
		return "bytes"
	case []any:
		return "list"
	case *document.Map:
		return "dict"
	}
	return "object"
}

// pyTruthy is Python's bool(v).
func pyTruthy(v any) bool {
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
		return t.Sign() != 0
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

// isContainer is true for the values the formatters treat as non-scalar
// (Python's list and dict).
func isContainer(v any) bool {
	switch v.(type) {
	case []any, *document.Map:
		return true
	}
	return false
}

// upperSpecial returns the unconditional full upper-case mappings of
// Unicode's SpecialCasing.txt that Go's per-rune mapping lacks, for the
// letters likely in a key: Python's str.upper uses them.
func upperSpecial(r rune) (string, bool) {
	switch r {
	case 'ß':
		return "SS", true
	case 'ŉ':
		return "ʼN", true
	case 'ǰ':
		return "J̌", true
	case 'ΐ':
		return "Ϊ́", true
	case 'ΰ':
		return "Ϋ́", true
	case 'և':
		return "ԵՒ", true
	case 'ẖ':
		return "H̱", true
	case 'ẗ':
		return "T̈", true
	case 'ẘ':
		return "W̊", true
	case 'ẙ':
		return "Y̊", true
	case 'ẚ':
		return "Aʾ", true
	case 'ﬀ':
		return "FF", true
	case 'ﬁ':
		return "FI", true
	case 'ﬂ':
		return "FL", true
	case 'ﬃ':
		return "FFI", true
	case 'ﬄ':
		return "FFL", true
	case 'ﬅ', 'ﬆ':
		return "ST", true
	case 'ﬓ':
		return "ՄՆ", true
	case 'ﬔ':
		return "ՄԵ", true
	case 'ﬕ':
		return "ՄԻ", true
	case 'ﬖ':
		return "ՎՆ", true
	case 'ﬗ':
		return "ՄԽ", true
	}
	return "", false
}

// pyUpper is Python's str.upper.
func pyUpper(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	for _, r := range s {
		if m, ok := upperSpecial(r); ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// textWidth is the table formatter's get_text_length: East Asian wide,
// full-width and ambiguous characters count as two cells.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0xA1 && isWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	i := sort.Search(len(wideRanges), func(i int) bool { return wideRanges[i][1] >= r })
	return i < len(wideRanges) && wideRanges[i][0] <= r
}

// sortedKeys returns m's keys in Python's sorted() order (code points,
// which byte order of valid UTF-8 matches).
func sortedKeys(m *document.Map) []string {
	keys := append([]string(nil), m.Keys()...)
	sort.Strings(keys)
	return keys
}
