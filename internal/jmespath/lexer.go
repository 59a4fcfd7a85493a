package jmespath

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Token types carry the Python lexer's names: parse errors print them
// upper-cased.
const (
	tEOF      = "eof"
	tUnquoted = "unquoted_identifier"
	tQuoted   = "quoted_identifier"
	tLiteral  = "literal"
	tRbracket = "rbracket"
	tRparen   = "rparen"
	tComma    = "comma"
	tRbrace   = "rbrace"
	tNumber   = "number"
	tCurrent  = "current"
	tExpref   = "expref"
	tColon    = "colon"
	tPipe     = "pipe"
	tOr       = "or"
	tAnd      = "and"
	tEq       = "eq"
	tGt       = "gt"
	tLt       = "lt"
	tGte      = "gte"
	tLte      = "lte"
	tNe       = "ne"
	tFlatten  = "flatten"
	tStar     = "star"
	tFilter   = "filter"
	tDot      = "dot"
	tNot      = "not"
	tLbrace   = "lbrace"
	tLbracket = "lbracket"
	tLparen   = "lparen"
)

// token is one lexeme; start counts characters (code points), as Python
// indexes strings.
type token struct {
	typ   string
	value any
	start int
}

// lexError is Python's LexerError.
type lexError struct {
	pos     int
	message string
}

var simpleTokens = map[rune]string{
	'.': tDot, '*': tStar, ']': tRbracket, ',': tComma, ':': tColon,
	'@': tCurrent, '(': tLparen, ')': tRparen, '{': tLbrace, '}': tRbrace,
}

func isIdentStart(r rune) bool {
	return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

func isIdentChar(r rune) bool { return isIdentStart(r) || (r >= '0' && r <= '9') }

type lexer struct {
	chars []rune
	pos   int
	cur   rune // -1 at the end, Python's None
}

// next mirrors Lexer._next: at the last character the position stays put.
func (l *lexer) next() rune {
	if l.pos >= len(l.chars)-1 {
		l.cur = -1
	} else {
		l.pos++
		l.cur = l.chars[l.pos]
	}
	return l.cur
}

// tokenize returns every token of expr, ending with eof.
func tokenize(expr string) ([]token, *lexError, error) {
	l := &lexer{chars: []rune(expr)}
	l.cur = l.chars[0]
	var toks []token
	for l.cur != -1 {
		c := l.cur
		if typ, ok := simpleTokens[c]; ok {
			toks = append(toks, token{typ, string(c), l.pos})
			l.next()
			continue
		}
		switch {
		case isIdentStart(c):
			start := l.pos
			var b strings.Builder
			b.WriteRune(c)
			for isIdentChar(l.next()) {
				b.WriteRune(l.cur)
			}
			toks = append(toks, token{tUnquoted, b.String(), start})
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			l.next()
		case c == '[':
			start := l.pos
			switch l.next() {
			case ']':
				l.next()
				toks = append(toks, token{tFlatten, "[]", start})
			case '?':
				l.next()
				toks = append(toks, token{tFilter, "[?", start})
			default:
				toks = append(toks, token{tLbracket, "[", start})
			}
		case c == '\'':
			start := l.pos
			s, lerr := l.consumeUntil('\'')
			if lerr != nil {
				return nil, lerr, nil
			}
			toks = append(toks, token{tLiteral, strings.ReplaceAll(s, `\'`, `'`), start})
		case c == '|':
			toks = append(toks, l.matchOrElse('|', tOr, tPipe))
		case c == '&':
			toks = append(toks, l.matchOrElse('&', tAnd, tExpref))
		case c == '`':
			t, lerr, err := l.consumeLiteral()
			if lerr != nil || err != nil {
				return nil, lerr, err
			}
			toks = append(toks, t)
		case c >= '0' && c <= '9' || c == '-':
			start := l.pos
			digits := l.consumeNumber()
			if digits == "-" {
				return nil, &lexError{start, "Unknown token '-'"}, nil
			}
			n, err := lexNumber(digits)
			if err != nil {
				return nil, nil, err
			}
			toks = append(toks, token{tNumber, n, start})
		case c == '"':
			t, lerr := l.consumeQuotedIdentifier()
			if lerr != nil {
				return nil, lerr, nil
			}
			toks = append(toks, t)
		case c == '<':
			toks = append(toks, l.matchOrElse('=', tLte, tLt))
		case c == '>':
			toks = append(toks, l.matchOrElse('=', tGte, tGt))
		case c == '!':
			toks = append(toks, l.matchOrElse('=', tNe, tNot))
		case c == '=':
			start := l.pos
			if l.next() == '=' {
				toks = append(toks, token{tEq, "==", start})
				l.next()
			} else {
				return nil, &lexError{start, "Unknown token '='"}, nil
			}
		default:
			return nil, &lexError{l.pos, "Unknown token " + string(c)}, nil
		}
	}
	toks = append(toks, token{tEOF, "", len(l.chars)})
	return toks, nil, nil
}

// lexNumber is int(buff), including Python's limit on digit strings.
func lexNumber(digits string) (any, error) {
	n := len(strings.TrimPrefix(digits, "-"))
	if n > maxIntDigits {
		return nil, fmt.Errorf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits, n)
	}
	b, _ := new(big.Int).SetString(digits, 10)
	return normBig(b), nil
}

func (l *lexer) consumeNumber() string {
	var b strings.Builder
	b.WriteRune(l.cur)
	for {
		r := l.next()
		if r < '0' || r > '9' {
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (l *lexer) matchOrElse(expected rune, matchType, elseType string) token {
	start := l.pos
	cur := l.cur
	if l.next() == expected {
		l.next()
		return token{matchType, string(cur) + string(expected), start}
	}
	return token{elseType, string(cur), start}
}

// consumeUntil reads up to the closing delimiter; a backslash keeps itself
// and the character after it.
func (l *lexer) consumeUntil(delim rune) (string, *lexError) {
	start := l.pos
	var b strings.Builder
	l.next()
	for l.cur != delim {
		if l.cur == '\\' {
			b.WriteByte('\\')
			l.next()
		}
		if l.cur == -1 {
			return "", &lexError{start, fmt.Sprintf("Unclosed %c delimiter", delim)}
		}
		b.WriteRune(l.cur)
		l.next()
	}
	l.next()
	return b.String(), nil
}

// consumeLiteral reads a `json` literal. Text that is not JSON is taken as
// the contents of a JSON string (JEP-12's deprecated form), as the
// reference does: `web-app` is "web-app".
func (l *lexer) consumeLiteral() (token, *lexError, error) {
	start := l.pos
	raw, lerr := l.consumeUntil('`')
	if lerr != nil {
		return token{}, lerr, nil
	}
	lexeme := strings.ReplaceAll(raw, "\\`", "`")
	v, err := pyJSONLoads(lexeme)
	var deep *jsonDepthError
	if errors.As(err, &deep) {
		return token{}, nil, err
	}
	if err != nil {
		v, err = pyJSONLoads(`"` + strings.TrimLeftFunc(lexeme, pyIsSpace) + `"`)
		if err != nil {
			return token{}, &lexError{start, "Bad token " + lexeme}, nil
		}
	}
	return token{tLiteral, v, start}, nil, nil
}

func (l *lexer) consumeQuotedIdentifier() (token, *lexError) {
	start := l.pos
	raw, lerr := l.consumeUntil('"')
	if lerr != nil {
		return token{}, lerr
	}
	v, err := pyJSONLoads(`"` + raw + `"`)
	if err != nil {
		msg := err.Error()
		if !errors.Is(err, errJSONControl) && !errors.Is(err, errJSONEscape) && !errors.Is(err, errJSONUEscape) {
			msg = "Expecting value"
		}
		return token{}, &lexError{start, msg}
	}
	return token{tQuoted, v, start}, nil
}
