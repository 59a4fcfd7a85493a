// Package pyjson decodes JSON exactly as the AWS CLI's Python does
// (json.loads with object_pairs_hook=OrderedDict): same accepted texts
// (NaN, Infinity, -Infinity), same values (ordered objects, integers of any
// size, floats) and, above all, the same error messages with line, column
// and character offsets counted in code points, because those messages are
// printed to the user ("Invalid JSON: Expecting value: line 1 column 2
// (char 1)").
//
// The messages follow CPython 3.13's C scanner, which the AWS CLI 2.36.7
// installers bundle; 3.13 reports a trailing comma as "Illegal trailing
// comma before end of array/object" where older Pythons said "Expecting
// value" or "Expecting property name enclosed in double quotes".
package pyjson

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

// maxIntDigits is CPython's default limit on the digits of an integer read
// from text (sys.get_int_max_str_digits()).
const maxIntDigits = 4300

// maxDepth bounds nesting; CPython stops with a RecursionError well before
// stack exhaustion, and so do we.
const maxDepth = 1000

// DecodeError is json.JSONDecodeError: Msg at code-point offset Pos of Doc.
type DecodeError struct {
	Msg    string
	Pos    int // offset in code points
	Line   int // 1-based
	Column int // 1-based
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("%s: line %d column %d (char %d)", e.Msg, e.Line, e.Column, e.Pos)
}

// ValueError is an error Python raises as a plain ValueError while decoding
// (an integer with too many digits). The AWS CLI reports it like a
// DecodeError, after "Invalid JSON: ".
type ValueError struct{ Msg string }

func (e *ValueError) Error() string { return e.Msg }

// RecursionError is raised for nesting deeper than Python allows. It is not
// a ValueError, so the AWS CLI does not report it as invalid JSON.
type RecursionError struct{ Msg string }

func (e *RecursionError) Error() string { return e.Msg }

// Loads decodes s like json.loads(s, object_pairs_hook=OrderedDict). Values
// are document values: nil, bool, string, int64, *big.Int, float64, []any,
// *document.Map. Errors are *DecodeError, *ValueError or *RecursionError.
func Loads(s string) (any, error) {
	d := &decoder{s: []rune(s)}
	if len(d.s) > 0 && d.s[0] == '\ufeff' {
		return nil, d.errAt("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
	}
	idx := d.skipWS(0)
	v, end, err := d.scan(idx, 0)
	if err != nil {
		return nil, err
	}
	end = d.skipWS(end)
	if end != len(d.s) {
		return nil, d.errAt("Extra data", end)
	}
	return v, nil
}

// LoadsBytes decodes bytes as json.loads does for bytes input: the text is
// decoded as UTF-8 first (other encodings that Python detects from NUL
// patterns are treated as UTF-8 here).
func LoadsBytes(b []byte) (any, error) {
	if !utf8.Valid(b) {
		for i := 0; i < len(b); {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, &ValueError{Msg: fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)}
			}
			i += n
		}
	}
	return Loads(string(b))
}

type decoder struct {
	s []rune
}

// stopIteration is the scanner's "no value here" signal, which raw_decode
// turns into "Expecting value" at the position it carries.
type stopIteration struct{ pos int }

func (e *stopIteration) Error() string { return "StopIteration" }

func (d *decoder) errAt(msg string, pos int) *DecodeError {
	line := 1
	last := -1
	for i := 0; i < pos && i < len(d.s); i++ {
		if d.s[i] == '\n' {
			line++
			last = i
		}
	}
	return &DecodeError{Msg: msg, Pos: pos, Line: line, Column: pos - last}
}

func isWS(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func (d *decoder) skipWS(i int) int {
	for i < len(d.s) && isWS(d.s[i]) {
		i++
	}
	return i
}

// scan is scan_once: it reads one value at idx and returns it with the
// offset just past it.
func (d *decoder) scan(idx, depth int) (any, int, error) {
	v, end, err := d.scanOnce(idx, depth)
	if si, ok := err.(*stopIteration); ok {
		return nil, 0, d.errAt("Expecting value", si.pos)
	}
	return v, end, err
}

func (d *decoder) hasWord(idx int, w string) bool {
	// CPython checks idx + len(w) - 1 < length before comparing.
	if idx+len(w) > len(d.s) {
		return false
	}
	for i, c := range w {
		if d.s[idx+i] != c {
			return false
		}
	}
	return true
}

func (d *decoder) scanOnce(idx, depth int) (any, int, error) {
	if idx >= len(d.s) {
		return nil, 0, &stopIteration{pos: idx}
	}
	switch d.s[idx] {
	case '"':
		return d.str(idx + 1)
	case '{':
		if depth >= maxDepth {
			return nil, 0, &RecursionError{Msg: "maximum recursion depth exceeded while decoding a JSON object from a unicode string"}
		}
		return d.object(idx+1, depth+1)
	case '[':
		if depth >= maxDepth {
			return nil, 0, &RecursionError{Msg: "maximum recursion depth exceeded while decoding a JSON array from a unicode string"}
		}
		return d.array(idx+1, depth+1)
	case 'n':
		if d.hasWord(idx, "null") {
			return nil, idx + 4, nil
		}
	case 't':
		if d.hasWord(idx, "true") {
			return true, idx + 4, nil
		}
	case 'f':
		if d.hasWord(idx, "false") {
			return false, idx + 5, nil
		}
	case 'N':
		if d.hasWord(idx, "NaN") {
			return math.NaN(), idx + 3, nil
		}
	case 'I':
		if d.hasWord(idx, "Infinity") {
			return math.Inf(1), idx + 8, nil
		}
	case '-':
		if d.hasWord(idx, "-Infinity") {
			return math.Inf(-1), idx + 9, nil
		}
	}
	return d.number(idx)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// number is _match_number_unicode: the JSON number grammar, stopping (not
// failing) where the grammar ends, so "01" reads 0 and leaves "Extra data".
func (d *decoder) number(start int) (any, int, error) {
	s := d.s
	idx := start
	end := len(s) - 1
	if s[idx] == '-' {
		idx++
		if idx > end {
			return nil, 0, &stopIteration{pos: start}
		}
	}
	switch c := s[idx]; {
	case c >= '1' && c <= '9':
		idx++
		for idx <= end && isDigit(s[idx]) {
			idx++
		}
	case c == '0':
		idx++
	default:
		return nil, 0, &stopIteration{pos: start}
	}
	isFloat := false
	if idx < end && s[idx] == '.' && isDigit(s[idx+1]) {
		isFloat = true
		idx += 2
		for idx <= end && isDigit(s[idx]) {
			idx++
		}
	}
	if idx < end && (s[idx] == 'e' || s[idx] == 'E') {
		eStart := idx
		idx++
		if idx < end && (s[idx] == '-' || s[idx] == '+') {
			idx++
		}
		for idx <= end && isDigit(s[idx]) {
			idx++
		}
		if isDigit(s[idx-1]) {
			isFloat = true
		} else {
			idx = eStart
		}
	}
	text := string(s[start:idx])
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !math.IsInf(f, 0) && f != 0 {
			return nil, 0, &ValueError{Msg: fmt.Sprintf("could not convert string to float: %q", text)}
		}
		return f, idx, nil // overflow gives ±inf and underflow 0, as in Python
	}
	digits := len(strings.TrimPrefix(text, "-"))
	if digits > maxIntDigits {
		return nil, 0, &ValueError{Msg: fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits, digits)}
	}
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, idx, nil
	}
	b, _ := new(big.Int).SetString(text, 10)
	return b, idx, nil
}

func (d *decoder) object(idx, depth int) (any, int, error) {
	s := d.s
	end := len(s) - 1
	m := document.NewMap(4)
	idx = d.skipWS(idx)
	if idx <= end && s[idx] == '}' {
		return m, idx + 1, nil
	}
	for {
		if idx > end || s[idx] != '"' {
			return nil, 0, d.errAt("Expecting property name enclosed in double quotes", idx)
		}
		k, next, err := d.str(idx + 1)
		if err != nil {
			return nil, 0, err
		}
		idx = d.skipWS(next)
		if idx > end || s[idx] != ':' {
			return nil, 0, d.errAt("Expecting ':' delimiter", idx)
		}
		idx = d.skipWS(idx + 1)
		v, next, err := d.scan(idx, depth)
		if err != nil {
			return nil, 0, err
		}
		m.Set(k.(string), v)
		idx = d.skipWS(next)
		if idx <= end && s[idx] == '}' {
			return m, idx + 1, nil
		}
		if idx > end || s[idx] != ',' {
			return nil, 0, d.errAt("Expecting ',' delimiter", idx)
		}
		comma := idx
		idx = d.skipWS(idx + 1)
		if idx <= end && s[idx] == '}' {
			return nil, 0, d.errAt("Illegal trailing comma before end of object", comma)
		}
	}
}

func (d *decoder) array(idx, depth int) (any, int, error) {
	s := d.s
	end := len(s) - 1
	list := []any{}
	idx = d.skipWS(idx)
	if idx <= end && s[idx] == ']' {
		return list, idx + 1, nil
	}
	for {
		v, next, err := d.scan(idx, depth)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, v)
		idx = d.skipWS(next)
		if idx <= end && s[idx] == ']' {
			return list, idx + 1, nil
		}
		if idx > end || s[idx] != ',' {
			return nil, 0, d.errAt("Expecting ',' delimiter", idx)
		}
		comma := idx
		idx = d.skipWS(idx + 1)
		if idx <= end && s[idx] == ']' {
			return nil, 0, d.errAt("Illegal trailing comma before end of array", comma)
		}
	}
}

func hexVal(r rune) (rune, bool) {
	switch {
	case r >= '0' && r <= '9':
		return r - '0', true
	case r >= 'a' && r <= 'f':
		return r - 'a' + 10, true
	case r >= 'A' && r <= 'F':
		return r - 'A' + 10, true
	}
	return 0, false
}

// str is scanstring_unicode in strict mode; end is just past the opening
// quote.
func (d *decoder) str(end int) (any, int, error) {
	s := d.s
	n := len(s)
	begin := end - 1
	var b strings.Builder
	for {
		next := end
		var c rune
		for ; next < n; next++ {
			c = s[next]
			if c == '"' || c == '\\' {
				break
			}
			if c <= 0x1f {
				return nil, 0, d.errAt("Invalid control character at", next)
			}
		}
		if next == n {
			return nil, 0, d.errAt("Unterminated string starting at", begin)
		}
		writeRunes(&b, s[end:next])
		next++
		if c == '"' {
			return b.String(), next, nil
		}
		if next == n {
			return nil, 0, d.errAt("Unterminated string starting at", begin)
		}
		c = s[next]
		if c != 'u' {
			end = next + 1
			switch c {
			case '"', '\\', '/':
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			default:
				return nil, 0, d.errAt("Invalid \\escape", end-2)
			}
			b.WriteRune(c)
			continue
		}
		next++
		end = next + 4
		if end >= n {
			return nil, 0, d.errAt("Invalid \\uXXXX escape", next-1)
		}
		c = 0
		for ; next < end; next++ {
			h, ok := hexVal(s[next])
			if !ok {
				return nil, 0, d.errAt("Invalid \\uXXXX escape", end-5)
			}
			c = c<<4 | h
		}
		if c >= 0xd800 && c <= 0xdbff && end+6 < n && s[next] == '\\' && s[next+1] == 'u' {
			next += 2
			end += 6
			var c2 rune
			for ; next < end; next++ {
				h, ok := hexVal(s[next])
				if !ok {
					return nil, 0, d.errAt("Invalid \\uXXXX escape", end-5)
				}
				c2 = c2<<4 | h
			}
			if c2 >= 0xdc00 && c2 <= 0xdfff {
				c = 0x10000 + ((c - 0xd800) << 10) | (c2 - 0xdc00)
			} else {
				end -= 6
			}
		}
		writeRune(&b, c)
	}
}

func writeRunes(b *strings.Builder, rs []rune) {
	for _, r := range rs {
		writeRune(b, r)
	}
}

// writeRune keeps lone surrogates (which Python strings may hold) as their
// generalized UTF-8 bytes instead of replacing them with U+FFFD.
func writeRune(b *strings.Builder, r rune) {
	if r >= 0xd800 && r <= 0xdfff {
		b.WriteByte(byte(0xe0 | r>>12))
		b.WriteByte(byte(0x80 | (r>>6)&0x3f))
		b.WriteByte(byte(0x80 | r&0x3f))
		return
	}
	b.WriteRune(r)
}
