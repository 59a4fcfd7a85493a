// Package pyconv reproduces the few Python built-ins whose behaviour and
// error text the AWS CLI shows when it converts command-line strings:
// int(), float() and base64.b64decode(). Their messages quote values with
// pyfmt.
package pyconv

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/pyfmt"
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
		return nil, &ValueError{Msg: "invalid literal for int() with base 10: " + truncate(pyfmt.StrRepr(s), 200)}
	}
	return v, nil
}

// IntBytes is Python's int(b) for a bytes value.
func IntBytes(b []byte) (any, error) {
	v, ok := parseInt(string(b))
	if !ok {
		return nil, &ValueError{Msg: "invalid literal for int() with base 10: " + truncate(pyfmt.BytesRepr(b), 200)}
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
		return 0, &ValueError{Msg: "could not convert string to float: " + pyfmt.StrRepr(s)}
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

// B64Decode is base64.b64decode(s) without validate for a str: only ASCII
// text is accepted, then it decodes as B64DecodeBytes.
func B64Decode(s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return nil, &ValueError{Msg: "string argument should contain only ASCII characters"}
		}
	}
	return B64DecodeBytes(s)
}

// B64DecodeBytes is base64.b64decode(b) without validate for bytes (given
// as a string): bytes outside the alphabet, non-ASCII ones included, are
// skipped, decoding stops at a complete padding sequence, and a leftover
// partial quantum is an error, as in CPython's a2b_base64.
func B64DecodeBytes(s string) ([]byte, error) {
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

// IntOf is Python's int(v) for the values a command line can produce:
// text, bytes, or an integer already converted. Anything else is the
// TypeError Python raises.
func IntOf(v any) (any, error) {
	switch x := v.(type) {
	case string:
		return Int(x)
	case []byte:
		return IntBytes(x)
	case int64:
		return x, nil
	}
	return nil, &TypeError{Msg: fmt.Sprintf("int() argument must be a string, a bytes-like object or a real number, not '%s'", pyfmt.TypeName(v))}
}

// FloatOf is Python's float(v) for text and numbers; anything else is the
// TypeError Python raises.
func FloatOf(v any) (any, error) {
	switch x := v.(type) {
	case string:
		return Float(x)
	case int64:
		return float64(x), nil
	case float64:
		return x, nil
	}
	return nil, &TypeError{Msg: fmt.Sprintf("float() argument must be a string or a real number, not '%s'", pyfmt.TypeName(v))}
}
