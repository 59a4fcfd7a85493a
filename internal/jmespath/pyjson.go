package jmespath

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

// pyJSONLoads decodes a literal as Python's json.loads does. It differs from
// document.ParseJSON, which reads service responses, in accepting NaN,
// Infinity and -Infinity and in rejecting integers longer than Python's
// int-conversion limit; the lexer's fallback to a string literal depends on
// exactly which texts fail.
func pyJSONLoads(s string) (any, error) {
	d := jsonDecoder{s: s}
	d.space()
	v, err := d.value(0)
	if err != nil {
		return nil, err
	}
	d.space()
	if d.pos != len(d.s) {
		return nil, errJSON
	}
	return v, nil
}

var errJSON = errors.New("invalid JSON")

// The string errors carry the text before the colon of Python's
// JSONDecodeError, which the lexer shows for a bad quoted identifier.
var (
	errJSONControl = errors.New("Invalid control character at")
	errJSONEscape  = errors.New("Invalid \\escape")
	errJSONUEscape = errors.New("Invalid \\uXXXX escape")
)

// jsonDepthError stands for Python's RecursionError on absurd nesting,
// which is not a ValueError and so is no reason to try a string literal.
type jsonDepthError struct{ kind string }

func (e *jsonDepthError) Error() string {
	return "maximum recursion depth exceeded while decoding a JSON " + e.kind + " from a unicode string"
}

// maxJSONDepth is about where CPython's C recursion limit stops json.loads
// (9999 nested containers on their own; the CLI's frames take a few).
const maxJSONDepth = 9990

type jsonDecoder struct {
	s   string
	pos int
}

func (d *jsonDecoder) space() {
	for d.pos < len(d.s) {
		switch d.s[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *jsonDecoder) word(w string) bool {
	if strings.HasPrefix(d.s[d.pos:], w) {
		d.pos += len(w)
		return true
	}
	return false
}

func (d *jsonDecoder) value(depth int) (any, error) {
	if d.pos >= len(d.s) {
		return nil, errJSON
	}
	if depth >= maxJSONDepth {
		switch d.s[d.pos] {
		case '[':
			return nil, &jsonDepthError{"array"}
		case '{':
			return nil, &jsonDepthError{"object"}
		}
	}
	switch c := d.s[d.pos]; {
	case c == '"':
		return d.str()
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case d.word("null"):
		return nil, nil
	case d.word("true"):
		return true, nil
	case d.word("false"):
		return false, nil
	case d.word("NaN"):
		return math.NaN(), nil
	case d.word("Infinity"):
		return math.Inf(1), nil
	case d.word("-Infinity"):
		return math.Inf(-1), nil
	case c == '-' || isDigit(c):
		return d.number()
	}
	return nil, errJSON
}

func (d *jsonDecoder) object(depth int) (any, error) {
	d.pos++
	m := document.NewMap(4)
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == '}' {
		d.pos++
		return m, nil
	}
	for {
		if d.pos >= len(d.s) || d.s[d.pos] != '"' {
			return nil, errJSON
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.space()
		if d.pos >= len(d.s) || d.s[d.pos] != ':' {
			return nil, errJSON
		}
		d.pos++
		d.space()
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		m.Set(k.(string), v)
		d.space()
		if d.pos >= len(d.s) {
			return nil, errJSON
		}
		switch d.s[d.pos] {
		case '}':
			d.pos++
			return m, nil
		case ',':
			d.pos++
			d.space()
		default:
			return nil, errJSON
		}
	}
}

func (d *jsonDecoder) array(depth int) (any, error) {
	d.pos++
	list := []any{}
	d.space()
	if d.pos < len(d.s) && d.s[d.pos] == ']' {
		d.pos++
		return list, nil
	}
	for {
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		list = append(list, v)
		d.space()
		if d.pos >= len(d.s) {
			return nil, errJSON
		}
		switch d.s[d.pos] {
		case ']':
			d.pos++
			return list, nil
		case ',':
			d.pos++
			d.space()
		default:
			return nil, errJSON
		}
	}
}

// number follows Python's NUMBER_RE: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?.
// What the pattern leaves unread is "extra data" for the caller.
func (d *jsonDecoder) number() (any, error) {
	start := d.pos
	if d.s[d.pos] == '-' {
		d.pos++
	}
	if d.pos >= len(d.s) || !isDigit(d.s[d.pos]) {
		return nil, errJSON
	}
	if d.s[d.pos] == '0' {
		d.pos++
	} else {
		for d.pos < len(d.s) && isDigit(d.s[d.pos]) {
			d.pos++
		}
	}
	intEnd := d.pos
	isFloat := false
	if d.pos+1 < len(d.s) && d.s[d.pos] == '.' && isDigit(d.s[d.pos+1]) {
		isFloat = true
		d.pos++
		for d.pos < len(d.s) && isDigit(d.s[d.pos]) {
			d.pos++
		}
	}
	if d.pos < len(d.s) && (d.s[d.pos] == 'e' || d.s[d.pos] == 'E') {
		p := d.pos + 1
		if p < len(d.s) && (d.s[p] == '+' || d.s[p] == '-') {
			p++
		}
		if p < len(d.s) && isDigit(d.s[p]) {
			for p < len(d.s) && isDigit(d.s[p]) {
				p++
			}
			isFloat = true
			d.pos = p
		}
	}
	text := d.s[start:d.pos]
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !math.IsInf(f, 0) && f != 0 {
			return nil, errJSON
		}
		return f, nil
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, nil
	}
	digits := intEnd - start
	if text[0] == '-' {
		digits--
	}
	if digits > maxIntDigits {
		return nil, errJSON // Python raises ValueError: exceeds the limit
	}
	b, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return nil, errJSON
	}
	return normBig(b), nil
}

// str decodes a string as CPython's strict scanner: control characters are
// errors, \u escapes need four hex digits, surrogate pairs combine.
func (d *jsonDecoder) str() (any, error) {
	d.pos++
	var b strings.Builder
	for {
		if d.pos >= len(d.s) {
			return nil, errJSON
		}
		c := d.s[d.pos]
		switch {
		case c == '"':
			d.pos++
			return b.String(), nil
		case c < 0x20:
			return nil, errJSONControl
		case c == '\\':
			if d.pos+1 >= len(d.s) {
				return nil, errJSON
			}
			e := d.s[d.pos+1]
			d.pos += 2
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return nil, errJSONUEscape
				}
				// CPython looks for a low surrogate only with room for
				// it and the closing quote, and then insists on hex.
				if utf16.IsSurrogate(r) && r < 0xdc00 && d.pos+6 < len(d.s) && strings.HasPrefix(d.s[d.pos:], `\u`) {
					save := d.pos
					d.pos += 2
					r2, ok := d.hex4()
					if !ok {
						return nil, errJSONUEscape
					}
					if r2 >= 0xdc00 && r2 <= 0xdfff {
						r = utf16.DecodeRune(r, r2)
					} else {
						d.pos = save
					}
				}
				// A lone surrogate cannot live in a Go string; it becomes U+FFFD.
				b.WriteRune(r)
			default:
				return nil, errJSONEscape
			}
		default:
			r, size := utf8.DecodeRuneInString(d.s[d.pos:])
			b.WriteRune(r)
			d.pos += size
		}
	}
}

func (d *jsonDecoder) hex4() (rune, bool) {
	if d.pos+4 > len(d.s) {
		return 0, false
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := d.s[d.pos+i]
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	d.pos += 4
	return r, true
}
