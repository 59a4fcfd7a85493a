// Package shorthand parses the AWS CLI's shorthand syntax
// (`AccessToken=hours,IdToken=days`, `Key=[a,b]`, `Key={A=1}`) into
// document values, reproducing awscli.shorthand: the same grammar, the
// same backtracking between csv lists and key=value pairs, the same escape
// rules and the same error messages with their caret line.
//
// Parse is shape-agnostic: every scalar is a string. Convert applies the
// model afterwards, as the AWS CLI's BackCompatVisitor does.
package shorthand

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/cognito-cli/aws/internal/document"
)

// Error is any shorthand parse error; its text follows "Error parsing
// parameter '--x': ".
type Error interface {
	error
	shorthandError()
}

// SyntaxError is ShorthandParseSyntaxError: Expected was not found at Index
// (a code-point offset) of Input.
type SyntaxError struct {
	Input    string
	Expected string
	Actual   string
	Index    int
}

func (*SyntaxError) shorthandError() {}

// Error prints the message as AWS CLI 2.36.7 does: its syntax errors echo
// the input with one extra leading space, so the caret, counted from the
// start of the input, sits one column left of the character it means.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("Expected: '%s', received: '%s' for input:\n%s",
		e.Expected, e.Actual, errorLocation(e.Input, e.Index, " "))
}

// DuplicateKeyError is DuplicateKeyInObjectError: a top-level key given
// twice.
type DuplicateKeyError struct {
	Key   string
	Input string
	Index int
}

func (*DuplicateKeyError) shorthandError() {}

func (e *DuplicateKeyError) Error() string {
	return fmt.Sprintf("Second instance of key \"%s\" encountered for input:\n%s\n"+
		"This is often because there is a preceding \",\" instead of a space.",
		e.Key, errorLocation(e.Input, e.Index, ""))
}

// MessageError is a shorthand error carrying a plain message (document
// types, file loading inside `key@=`).
type MessageError struct{ Msg string }

func (*MessageError) shorthandError() {}

func (e *MessageError) Error() string { return e.Msg }

// errorLocation is ShorthandParseError._error_location: the input up to the
// end of the line holding index, a caret line, then the rest of the input.
func errorLocation(input string, index int, lead string) string {
	rs := []rune(input)
	if index > len(rs) {
		index = len(rs)
	}
	consumed, remaining, spaces := rs, []rune(nil), index
	if k := lastIndex(rs[:index], '\n'); k >= 0 {
		spaces = index - k - 1
	}
	if k := indexOf(rs[index:], '\n'); k >= 0 {
		consumed = rs[:index+k]
		remaining = rs[index+k:]
	}
	return lead + string(consumed) + "\n" + strings.Repeat(" ", spaces) + "^" + string(remaining)
}

func lastIndex(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

func indexOf(rs []rune, r rune) int {
	for i, c := range rs {
		if c == r {
			return i
		}
	}
	return -1
}

// FileResolver loads the value of a `key@=value` pair: ok is false when
// value names no file (no file:// or fileb:// prefix) and is kept as is.
type FileResolver func(value string) (loaded any, ok bool, err error)

// Parser parses shorthand. Its zero value keeps `@=` values verbatim.
type Parser struct {
	// ResolveFile, when set, loads file:// and fileb:// values of keys
	// written with `@=`.
	ResolveFile FileResolver
}

// Parse parses s with a zero Parser.
func Parse(s string) (any, error) { return (&Parser{}).Parse(s) }

// Parse parses one shorthand argument into a *document.Map whose values
// are strings, []any and *document.Map. Errors implement Error.
func (p *Parser) Parse(s string) (any, error) {
	st := &state{in: []rune(s), orig: s, resolve: p.ResolveFile}
	v, err := st.parameter()
	if err != nil {
		return nil, err
	}
	return v, nil
}

// eof stands for _EOF: no character.
const eof rune = -1

type state struct {
	in      []rune
	orig    string
	i       int
	resolve FileResolver
	// fromFile is set while the values of a `key@=` pair are read.
	fromFile bool
}

func (s *state) atEOF() bool { return s.i >= len(s.in) }

func (s *state) current() rune {
	if s.i < len(s.in) {
		return s.in[s.i]
	}
	return eof
}

func (s *state) syntaxErr(expected, actual string) *SyntaxError {
	return &SyntaxError{Input: s.orig, Expected: expected, Actual: actual, Index: s.i}
}

// isStringWhitespace is Python's string.whitespace.
func isStringWhitespace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
}

// isPySpace is the re module's \s and str.isspace().
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

func (s *state) consumeWhitespace() {
	for s.i < len(s.in) && isStringWhitespace(s.in[s.i]) {
		s.i++
	}
}

func (s *state) expect(c rune, ws bool) error {
	if ws {
		s.consumeWhitespace()
	}
	if s.i >= len(s.in) {
		return s.syntaxErr(string(c), "EOF")
	}
	if a := s.in[s.i]; a != c {
		return s.syntaxErr(string(c), string(a))
	}
	s.i++
	if ws {
		s.consumeWhitespace()
	}
	return nil
}

func (s *state) parameter() (any, error) {
	params := document.NewMap(4)
	k, v, err := s.keyval()
	if err != nil {
		return nil, err
	}
	params.Set(k, v)
	last := s.i
	for s.i < len(s.in) {
		if err := s.expect(',', true); err != nil {
			return nil, err
		}
		k, v, err := s.keyval()
		if err != nil {
			return nil, err
		}
		if _, dup := params.Get(k); dup {
			return nil, &DuplicateKeyError{Key: k, Input: s.orig, Index: last + 1}
		}
		params.Set(k, v)
		last = s.i
	}
	return params, nil
}

func (s *state) keyval() (string, any, error) {
	key := s.key()
	// `key@=value` loads value from a file (AWS CLI v2 shorthand).
	s.fromFile = false
	save := s.i
	if err := s.expect('@', true); err == nil {
		s.fromFile = true
	} else {
		s.i = save
	}
	if err := s.expect('=', true); err != nil {
		return "", nil, err
	}
	v, err := s.values()
	s.fromFile = false
	if err != nil {
		return "", nil, err
	}
	return key, v, nil
}

func isKeyChar(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') ||
		r == '-' || r == '_' || r == '.' || r == '#' || r == '/' || r == ':'
}

func (s *state) key() string {
	start := s.i
	for s.i < len(s.in) && isKeyChar(s.in[s.i]) {
		s.i++
	}
	return string(s.in[start:s.i])
}

func (s *state) values() (any, error) {
	switch {
	case s.atEOF():
		return s.resolveValue("")
	case s.current() == '[':
		return s.explicitList()
	case s.current() == '{':
		return s.hashLiteral()
	}
	return s.csvValue()
}

func (s *state) csvValue() (any, error) {
	first, err := s.firstValue()
	if err != nil {
		return nil, err
	}
	s.consumeWhitespace()
	if s.atEOF() || s.in[s.i] != ',' {
		return first, nil
	}
	if err := s.expect(',', true); err != nil {
		return nil, err
	}
	list := []any{first}
	for {
		cur, err := s.secondValue()
		if err == nil {
			s.consumeWhitespace()
			if s.atEOF() {
				list = append(list, cur)
				break
			}
			err = s.expect(',', true)
			if err == nil {
				list = append(list, cur)
				continue
			}
		}
		if _, ok := err.(*SyntaxError); !ok {
			return nil, err
		}
		// The item was really the next key: back up to the comma before it.
		if s.atEOF() {
			return nil, err
		}
		for s.i >= 0 && s.in[s.i] != ',' {
			s.i--
		}
		if s.i < 0 {
			// Python would index from the end here; the comma consumed
			// above makes this unreachable.
			s.i = 0
		}
		break
	}
	if len(list) == 1 {
		return first, nil
	}
	return list, nil
}

func (s *state) explicitList() (any, error) {
	if err := s.expect('[', true); err != nil {
		return nil, err
	}
	values := []any{}
	for s.current() != ']' {
		v, err := s.explicitValues()
		if err != nil {
			return nil, err
		}
		values = append(values, v)
		s.consumeWhitespace()
		if s.current() != ']' {
			if err := s.expect(',', false); err != nil {
				return nil, err
			}
			s.consumeWhitespace()
		}
	}
	if err := s.expect(']', false); err != nil {
		return nil, err
	}
	return values, nil
}

func (s *state) explicitValues() (any, error) {
	switch s.current() {
	case '[':
		return s.explicitList()
	case '{':
		return s.hashLiteral()
	}
	return s.firstValue()
}

func (s *state) hashLiteral() (any, error) {
	if err := s.expect('{', true); err != nil {
		return nil, err
	}
	m := document.NewMap(4)
	for s.current() != '}' {
		k := s.key()
		if err := s.expect('=', true); err != nil {
			return nil, err
		}
		v, err := s.explicitValues()
		if err != nil {
			return nil, err
		}
		s.consumeWhitespace()
		if s.current() != '}' {
			if err := s.expect(',', false); err != nil {
				return nil, err
			}
			s.consumeWhitespace()
		}
		m.Set(k, v)
	}
	if err := s.expect('}', false); err != nil {
		return nil, err
	}
	return m, nil
}

func (s *state) firstValue() (any, error) {
	switch s.current() {
	case '\'':
		return s.quoted('\'')
	case '"':
		return s.quoted('"')
	}
	return s.value()
}

func (s *state) secondValue() (any, error) {
	switch s.current() {
	case '\'':
		return s.quoted('\'')
	case '"':
		return s.quoted('"')
	}
	n := matchWord(s.in[s.i:], isSecondFollow)
	if n == 0 {
		return nil, s.syntaxErr("<second>", "<none>")
	}
	return s.word(n)
}

// value is _value: a bare word, or "" when none starts here.
func (s *state) value() (any, error) {
	n := matchWord(s.in[s.i:], isFirstFollow)
	if n == 0 {
		return s.resolveValue("")
	}
	return s.word(n)
}

// word consumes n characters of a bare word: "\," becomes ",", any other
// backslash stays, and trailing whitespace is dropped.
func (s *state) word(n int) (any, error) {
	w := string(s.in[s.i : s.i+n])
	s.i += n
	w = strings.ReplaceAll(w, `\,`, ",")
	w = strings.TrimRightFunc(w, isPySpace)
	return s.resolveValue(w)
}

func (s *state) resolveValue(v string) (any, error) {
	if !s.fromFile || s.resolve == nil {
		return v, nil
	}
	loaded, ok, err := s.resolve(v)
	if err != nil {
		return nil, &MessageError{Msg: err.Error()}
	}
	if !ok {
		return v, nil
	}
	return loaded, nil
}

// isStartWord is the first character class of a bare word.
func isStartWord(r rune) bool {
	return r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') ||
		(r >= '-' && r <= '<') || (r >= '>' && r <= 'Z') || (r >= '\\' && r <= 'z') ||
		(r >= '|' && r <= 0xffff)
}

// isFirstFollow: later characters of a first value (no ',', ']', '}',
// quotes).
func isFirstFollow(r rune) bool {
	return isPySpace(r) || r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') ||
		(r >= '-' && r <= '\\') || (r >= '^' && r <= '|') || (r >= '~' && r <= 0xffff)
}

// isSecondFollow: later characters of a later csv item (no ',', '=',
// quotes).
func isSecondFollow(r rune) bool {
	return isPySpace(r) || r == '!' || (r >= '#' && r <= '&') || (r >= '(' && r <= '+') ||
		(r >= '-' && r <= '<') || (r >= '>' && r <= 0xffff)
}

// matchWord matches ((\\,)|[start])((\\,)|[follow])* at the start of rs
// and returns its length.
func matchWord(rs []rune, follow func(rune) bool) int {
	n := 0
	for n < len(rs) {
		if rs[n] == '\\' && n+1 < len(rs) && rs[n+1] == ',' {
			n += 2
			continue
		}
		ok := false
		if n == 0 {
			ok = isStartWord(rs[n])
		} else {
			ok = follow(rs[n])
		}
		if !ok {
			break
		}
		n++
	}
	return n
}

// quoted consumes a quoted value. The regex '(?:\\\\|\\'|[^'])*' backtracks,
// so its match is found as the first success in the regex engine's order:
// end[i] is where a match continuing at i ends, computed right to left.
func (s *state) quoted(q rune) (any, error) {
	rs := s.in[s.i:]
	n := len(rs)
	// The engine's first path is the greedy one; when it meets an
	// unescaped closing quote, that is the match.
	for i := 1; i < n; {
		if rs[i] == '\\' && i+1 < n && (rs[i+1] == '\\' || rs[i+1] == q) {
			i += 2
			continue
		}
		if rs[i] == q {
			return s.takeQuoted(q, i+1)
		}
		i++
	}
	end := make([]int, n+1)
	end[n] = -1
	for i := n - 1; i >= 1; i-- {
		r := -1
		if rs[i] == '\\' && i+1 < n && (rs[i+1] == '\\' || rs[i+1] == q) {
			r = end[i+2]
		}
		if r < 0 && rs[i] != q {
			r = end[i+1]
		}
		if r < 0 && rs[i] == q {
			r = i + 1
		}
		end[i] = r
	}
	m := -1
	if n >= 2 {
		m = end[1]
	}
	if m < 0 {
		name := "singled quoted"
		if q == '"' {
			name = "double quoted"
		}
		return nil, s.syntaxErr("<"+name+">", "<none>")
	}
	return s.takeQuoted(q, m)
}

// takeQuoted consumes a quoted value of m characters and unescapes it.
func (s *state) takeQuoted(q rune, m int) (any, error) {
	v := string(s.in[s.i+1 : s.i+m-1])
	s.i += m
	v = strings.ReplaceAll(v, `\`+string(q), string(q))
	v = strings.ReplaceAll(v, `\\`, `\`)
	return s.resolveValue(v)
}
