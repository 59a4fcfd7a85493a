// Package pyconv reproduces the few Python built-ins whose behaviour and
// error text the AWS CLI shows when it converts command-line strings:
// int(), float(), repr() of str and bytes, and base64.b64decode().
package pyconv

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxIntDigits is CPython's default sys.get_int_max_str_digits().
const maxIntDigits = 4300

// ValueError is Python's ValueError with its message.
type ValueError struct{ Msg string }

func (e *ValueError) Error() string { return e.Msg }

// TypeError is Python's TypeError with its message.
type TypeError struct{ Msg string }

func (e *TypeError) Error() string { return e.Msg }

// BinasciiError is binascii.Error, raised for malformed base64.
type BinasciiError struct{ Msg string }

func (e *BinasciiError) Error() string { return e.Msg }

// TypeName is Python's type(v).__name__ for a document value.
func TypeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case string:
		return "str"
	case []byte:
		return "bytes"
	case int64, int, *big.Int:
		return "int"
	case float64:
		return "float"
	case []any:
		return "list"
	default:
		return "dict"
	}
}

// isSpace is Python's str.isspace() for one character.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// normalize is CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: a
// non-ASCII string has its Unicode spaces turned into ' ', its decimal
// digits into ASCII digits and anything else into '?'. ASCII strings are
// left alone, which is why int('\x1c5') fails while int('\xa05') works.
func normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case isSpace(r):
			b.WriteByte(' ')
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + digitValue(r)))
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// digitValue is the decimal value of a Unicode Nd character; Nd characters
// come in runs that start at a zero.
func digitValue(r rune) int {
	start := r
	for start > 0 && unicode.IsDigit(start-1) {
		start--
	}
	return int(r-start) % 10
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// digitsWithUnderscores reports whether s is one or more ASCII digits with
// single underscores only between digits (PEP 515).
func digitsWithUnderscores(s string) bool {
	if s == "" {
		return false
	}
	prevDigit := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			prevDigit = true
		case c == '_' && prevDigit && i+1 < len(s):
			prevDigit = false
		default:
			return false
		}
	}
	return prevDigit
}

// Int is Python's int(s) in base 10: surrounding whitespace, a sign, digit
// underscores and Unicode digits are accepted. It returns int64, or
// *big.Int when the value does not fit.
func Int(s string) (any, error) {
	v, ok := parseInt(normalize(s))
	if !ok {
		return nil, &ValueError{Msg: "invalid literal for int() with base 10: " + truncate(Repr(s), 200)}
	}
	return v, nil
}

// IntBytes is Python's int(b) for a bytes value.
func IntBytes(b []byte) (any, error) {
	v, ok := parseInt(string(b))
	if !ok {
		return nil, &ValueError{Msg: "invalid literal for int() with base 10: " + truncate(BytesRepr(b), 200)}
	}
	return v, nil
}

func parseInt(s string) (any, bool) {
	i, j := 0, len(s)
	for i < j && isASCIISpace(s[i]) {
		i++
	}
	for j > i && isASCIISpace(s[j-1]) {
		j--
	}
	s = s[i:j]
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if !digitsWithUnderscores(s) {
		return nil, false
	}
	s = strings.ReplaceAll(s, "_", "")
	if len(s) > maxIntDigits {
		return nil, false
	}
	if neg {
		s = "-" + s
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	b, ok := new(big.Int).SetString(s, 10)
	return b, ok
}

// Float is Python's float(s).
func Float(s string) (float64, error) {
	f, ok := parseFloat(normalize(s))
	if !ok {
		return 0, &ValueError{Msg: "could not convert string to float: " + Repr(s)}
	}
	return f, nil
}

func parseFloat(s string) (float64, bool) {
	s = strings.TrimFunc(s, func(r rune) bool { return r < 0x80 && isASCIISpace(byte(r)) })
	body := s
	sign := 1.0
	if body != "" && (body[0] == '+' || body[0] == '-') {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		return math.Inf(int(sign)), true
	case "nan":
		return math.NaN(), true
	}
	mant, exp := body, ""
	if k := strings.IndexAny(body, "eE"); k >= 0 {
		mant, exp = body[:k], body[k+1:]
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			exp = exp[1:]
		}
		if !digitsWithUnderscores(exp) {
			return 0, false
		}
	}
	intPart, frac, hasDot := strings.Cut(mant, ".")
	switch {
	case !hasDot:
		if !digitsWithUnderscores(intPart) {
			return 0, false
		}
	case intPart == "":
		if !digitsWithUnderscores(frac) {
			return 0, false
		}
	default:
		if !digitsWithUnderscores(intPart) || (frac != "" && !digitsWithUnderscores(frac)) {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil && !math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// Repr is Python's repr() of a str.
func Repr(s string) string {
	quote := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, "\"") {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			// An undecodable byte reaches Python as a surrogate escape.
			fmt.Fprintf(&b, "\\udc%02x", s[i])
			i++
			continue
		}
		i += n
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
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x80 || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r < 0x10000:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// BytesRepr is Python's repr() of a bytes value: b'...'.
func BytesRepr(p []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(p), '\'') >= 0 && strings.IndexByte(string(p), '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
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
			fmt.Fprintf(&b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// B64Decode is base64.b64decode(s) without validate: characters outside the
// alphabet are skipped, decoding stops at a complete padding sequence, and
// a leftover partial quantum is an error, as in CPython's a2b_base64.
func B64Decode(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return nil, &ValueError{Msg: "string argument should contain only ASCII characters"}
		}
	}
	out := make([]byte, 0, len(s)*3/4)
	quad, pads := 0, 0
	var left byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					return out, nil
				}
			}
			continue
		}
		v, ok := b64val(c)
		if !ok {
			continue
		}
		pads = 0
		switch quad {
		case 0:
			quad, left = 1, v
		case 1:
			out = append(out, left<<2|v>>4)
			quad, left = 2, v&0x0f
		case 2:
			out = append(out, left<<4|v>>2)
			quad, left = 3, v&0x03
		case 3:
			out = append(out, left<<6|v)
			quad, left = 0, 0
		}
	}
	switch quad {
	case 0:
		return out, nil
	case 1:
		n := 0
		for i := 0; i < len(s); i++ {
			if _, ok := b64val(s[i]); ok {
				n++
			}
		}
		return nil, &BinasciiError{Msg: fmt.Sprintf("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", n)}
	default:
		return nil, &BinasciiError{Msg: "Incorrect padding"}
	}
}

func b64val(c byte) (byte, bool) {
	switch {
	case c >= 'A' && c <= 'Z':
		return c - 'A', true
	case c >= 'a' && c <= 'z':
		return c - 'a' + 26, true
	case c >= '0' && c <= '9':
		return c - '0' + 52, true
	case c == '+':
		return 62, true
	case c == '/':
		return 63, true
	}
	return 0, false
}
