package jmespath

import (
	"fmt"
	"strings"

	"github.com/cognito-cli/aws/internal/pyfmt"
)

// The parser is a Pratt parser with the reference's binding powers and
// the same decisions, so that it accepts and rejects the same texts (a
// multiselect hash with a missing comma included) and reports errors at
// the same token.

type nodeKind int

const (
	nSubexpression nodeKind = iota
	nField
	nComparator
	nCurrent
	nExpref
	nFunction
	nFilterProjection
	nFlatten
	nIdentity
	nIndex
	nIndexExpression
	nSlice
	nKeyValPair
	nLiteral
	nMultiSelectDict
	nMultiSelectList
	nOr
	nAnd
	nNot
	nPipe
	nProjection
	nValueProjection
)

// node is an AST node. value holds the field or function name, the
// comparator, the literal, the index (int64 or *big.Int) or the key name.
type node struct {
	kind     nodeKind
	value    any
	children []*node
	slice    [3]any // start, stop, step: nil, int64 or *big.Int
}

func bindingPower(typ string) int {
	switch typ {
	case tPipe:
		return 1
	case tOr:
		return 2
	case tAnd:
		return 3
	case tEq, tGt, tLt, tGte, tLte, tNe:
		return 5
	case tFlatten:
		return 9
	case tStar:
		return 20
	case tFilter:
		return 21
	case tDot:
		return 40
	case tNot:
		return 45
	case tLbrace:
		return 50
	case tLbracket:
		return 55
	case tLparen:
		return 60
	}
	return 0
}

// projectionStop is the binding power below which a token ends a projection.
const projectionStop = 10

// maxFrames approximates Python's recursion limit (1000 frames, some used
// by the CLI itself); deeper expressions fail as they do there.
const maxFrames = 960

// parseError is Python's ParseError (and IncompleteExpressionError when
// incomplete is set).
type parseError struct {
	pos        int
	value      any
	typ        string
	msg        string
	incomplete bool
}

// recursionError is Python's RecursionError.
type recursionError struct{}

func (recursionError) Error() string { return "maximum recursion depth exceeded" }

type parser struct {
	toks   []token
	index  int
	frames int
}

func parse(toks []token) (*node, error) {
	p := &parser{toks: toks}
	n, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if p.current() != tEOF {
		t := p.lookaheadToken(0)
		return nil, &parseError{pos: t.start, value: t.value, typ: t.typ, msg: "Unexpected token: " + pyfmt.Str(t.value)}
	}
	return n, nil
}

// enter counts the Python frames a call stands for; leave undoes it.
func (p *parser) enter(frames int) error {
	p.frames += frames
	if p.frames > maxFrames {
		return recursionError{}
	}
	return nil
}

func (p *parser) leave(frames int) { p.frames -= frames }

func (p *parser) current() string { return p.toks[p.index].typ }

func (p *parser) lookahead(n int) string { return p.lookaheadToken(n).typ }

// lookaheadToken indexes like a Python list: a negative index counts from
// the end; past the end there is nothing but eof.
func (p *parser) lookaheadToken(n int) token {
	i := p.index + n
	if i < 0 {
		i += len(p.toks)
	}
	if i < 0 || i >= len(p.toks) {
		return p.toks[len(p.toks)-1]
	}
	return p.toks[i]
}

func (p *parser) advance() {
	if p.index < len(p.toks)-1 {
		p.index++
	}
}

func (p *parser) expression(bp int) (*node, error) {
	if err := p.enter(2); err != nil {
		return nil, err
	}
	defer p.leave(2)
	left := p.lookaheadToken(0)
	p.advance()
	n, err := p.nud(left)
	if err != nil {
		return nil, err
	}
	cur := p.current()
	for bp < bindingPower(cur) {
		if !hasLed(cur) {
			return nil, errorForToken(p.lookaheadToken(0), "invalid token")
		}
		p.advance()
		if n, err = p.led(cur, n); err != nil {
			return nil, err
		}
		cur = p.current()
	}
	return n, nil
}

func hasLed(typ string) bool {
	switch typ {
	case tDot, tPipe, tOr, tAnd, tLparen, tFilter, tEq, tNe, tGt, tGte, tLt, tLte, tFlatten, tLbracket:
		return true
	}
	return false
}

func pair(kind nodeKind, left, right *node) *node {
	return &node{kind: kind, children: []*node{left, right}}
}

func identity() *node { return &node{kind: nIdentity} }

func (p *parser) nud(t token) (*node, error) {
	switch t.typ {
	case tLiteral:
		return &node{kind: nLiteral, value: t.value}, nil
	case tUnquoted:
		return &node{kind: nField, value: t.value}, nil
	case tQuoted:
		if p.current() == tLparen {
			lp := p.lookaheadToken(0)
			return nil, &parseError{pos: 0, value: lp.value, typ: lp.typ, msg: "Quoted identifier not allowed for function names."}
		}
		return &node{kind: nField, value: t.value}, nil
	case tStar:
		if p.current() == tRbracket {
			return pair(nValueProjection, identity(), identity()), nil
		}
		right, err := p.projectionRHS(bindingPower(tStar))
		if err != nil {
			return nil, err
		}
		return pair(nValueProjection, identity(), right), nil
	case tFilter:
		return p.ledFilter(identity())
	case tLbrace:
		return p.multiSelectHash()
	case tLparen:
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		if err := p.match(tRparen); err != nil {
			return nil, err
		}
		return e, nil
	case tFlatten:
		right, err := p.projectionRHS(bindingPower(tFlatten))
		if err != nil {
			return nil, err
		}
		return pair(nProjection, &node{kind: nFlatten, children: []*node{identity()}}, right), nil
	case tNot:
		e, err := p.expression(bindingPower(tNot))
		if err != nil {
			return nil, err
		}
		return &node{kind: nNot, children: []*node{e}}, nil
	case tLbracket:
		switch {
		case p.current() == tNumber || p.current() == tColon:
			right, err := p.indexExpression()
			if err != nil {
				return nil, err
			}
			return p.projectIfSlice(identity(), right)
		case p.current() == tStar && p.lookahead(1) == tRbracket:
			p.advance()
			p.advance()
			right, err := p.projectionRHS(bindingPower(tStar))
			if err != nil {
				return nil, err
			}
			return pair(nProjection, identity(), right), nil
		}
		return p.multiSelectList()
	case tCurrent:
		return &node{kind: nCurrent}, nil
	case tExpref:
		e, err := p.expression(bindingPower(tExpref))
		if err != nil {
			return nil, err
		}
		return &node{kind: nExpref, children: []*node{e}}, nil
	case tEOF:
		return nil, &parseError{pos: t.start, value: t.value, typ: t.typ, incomplete: true}
	}
	return nil, errorForToken(t, "invalid token")
}

func (p *parser) led(typ string, left *node) (*node, error) {
	switch typ {
	case tDot:
		if p.current() != tStar {
			right, err := p.dotRHS(bindingPower(tDot))
			if err != nil {
				return nil, err
			}
			if left.kind == nSubexpression {
				left.children = append(left.children, right)
				return left, nil
			}
			return pair(nSubexpression, left, right), nil
		}
		p.advance()
		right, err := p.projectionRHS(bindingPower(tDot))
		if err != nil {
			return nil, err
		}
		return pair(nValueProjection, left, right), nil
	case tPipe, tOr, tAnd:
		right, err := p.expression(bindingPower(typ))
		if err != nil {
			return nil, err
		}
		kind := map[string]nodeKind{tPipe: nPipe, tOr: nOr, tAnd: nAnd}[typ]
		return pair(kind, left, right), nil
	case tLparen:
		if left.kind != nField {
			prev := p.lookaheadToken(-2)
			return nil, &parseError{pos: prev.start, value: prev.value, typ: prev.typ, msg: fmt.Sprintf("Invalid function name '%s'", pyfmt.Str(prev.value))}
		}
		var args []*node
		for p.current() != tRparen {
			e, err := p.expression(0)
			if err != nil {
				return nil, err
			}
			if p.current() == tComma {
				p.advance()
			}
			args = append(args, e)
		}
		p.advance()
		return &node{kind: nFunction, value: left.value, children: args}, nil
	case tFilter:
		return p.ledFilter(left)
	case tEq, tNe, tGt, tGte, tLt, tLte:
		right, err := p.expression(bindingPower(typ))
		if err != nil {
			return nil, err
		}
		return &node{kind: nComparator, value: typ, children: []*node{left, right}}, nil
	case tFlatten:
		right, err := p.projectionRHS(bindingPower(tFlatten))
		if err != nil {
			return nil, err
		}
		return pair(nProjection, &node{kind: nFlatten, children: []*node{left}}, right), nil
	case tLbracket:
		t := p.lookaheadToken(0)
		if t.typ == tNumber || t.typ == tColon {
			right, err := p.indexExpression()
			if err != nil {
				return nil, err
			}
			if left.kind == nIndexExpression {
				left.children = append(left.children, right)
				return left, nil
			}
			return p.projectIfSlice(left, right)
		}
		if err := p.match(tStar); err != nil {
			return nil, err
		}
		if err := p.match(tRbracket); err != nil {
			return nil, err
		}
		right, err := p.projectionRHS(bindingPower(tStar))
		if err != nil {
			return nil, err
		}
		return pair(nProjection, left, right), nil
	}
	return nil, errorForToken(p.lookaheadToken(0), "invalid token")
}

func (p *parser) ledFilter(left *node) (*node, error) {
	cond, err := p.expression(0)
	if err != nil {
		return nil, err
	}
	if err := p.match(tRbracket); err != nil {
		return nil, err
	}
	right := identity()
	if p.current() != tFlatten {
		if right, err = p.projectionRHS(bindingPower(tFilter)); err != nil {
			return nil, err
		}
	}
	return &node{kind: nFilterProjection, children: []*node{left, right, cond}}, nil
}

func (p *parser) indexExpression() (*node, error) {
	if p.lookahead(0) == tColon || p.lookahead(1) == tColon {
		return p.sliceExpression()
	}
	n := &node{kind: nIndex, value: p.lookaheadToken(0).value}
	p.advance()
	if err := p.match(tRbracket); err != nil {
		return nil, err
	}
	return n, nil
}

func (p *parser) sliceExpression() (*node, error) {
	var parts [3]any
	index := 0
	cur := p.current()
	for cur != tRbracket && index < 3 {
		switch cur {
		case tColon:
			index++
			if index == 3 {
				return nil, errorForToken(p.lookaheadToken(0), "syntax error")
			}
			p.advance()
		case tNumber:
			parts[index] = p.lookaheadToken(0).value
			p.advance()
		default:
			return nil, errorForToken(p.lookaheadToken(0), "syntax error")
		}
		cur = p.current()
	}
	if err := p.match(tRbracket); err != nil {
		return nil, err
	}
	return &node{kind: nSlice, slice: parts}, nil
}

func (p *parser) projectIfSlice(left, right *node) (*node, error) {
	ie := pair(nIndexExpression, left, right)
	if right.kind != nSlice {
		return ie, nil
	}
	rhs, err := p.projectionRHS(bindingPower(tStar))
	if err != nil {
		return nil, err
	}
	return pair(nProjection, ie, rhs), nil
}

func (p *parser) multiSelectList() (*node, error) {
	if err := p.enter(1); err != nil {
		return nil, err
	}
	defer p.leave(1)
	var exprs []*node
	for {
		e, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		exprs = append(exprs, e)
		if p.current() == tRbracket {
			break
		}
		if err := p.match(tComma); err != nil {
			return nil, err
		}
	}
	p.advance()
	return &node{kind: nMultiSelectList, children: exprs}, nil
}

// multiSelectHash, like the reference, goes on to the next pair when a
// value is followed by neither a comma nor a closing brace.
func (p *parser) multiSelectHash() (*node, error) {
	if err := p.enter(1); err != nil {
		return nil, err
	}
	defer p.leave(1)
	var pairs []*node
	for {
		key := p.lookaheadToken(0)
		if err := p.matchMultiple([]string{tQuoted, tUnquoted}); err != nil {
			return nil, err
		}
		if err := p.match(tColon); err != nil {
			return nil, err
		}
		v, err := p.expression(0)
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, &node{kind: nKeyValPair, value: key.value, children: []*node{v}})
		if p.current() == tComma {
			p.advance()
		} else if p.current() == tRbrace {
			p.advance()
			break
		}
	}
	return &node{kind: nMultiSelectDict, children: pairs}, nil
}

func (p *parser) projectionRHS(bp int) (*node, error) {
	if err := p.enter(1); err != nil {
		return nil, err
	}
	defer p.leave(1)
	cur := p.current()
	switch {
	case bindingPower(cur) < projectionStop:
		return identity(), nil
	case cur == tLbracket, cur == tFilter:
		return p.expression(bp)
	case cur == tDot:
		p.advance()
		return p.dotRHS(bp)
	}
	return nil, errorForToken(p.lookaheadToken(0), "syntax error")
}

func (p *parser) dotRHS(bp int) (*node, error) {
	if err := p.enter(1); err != nil {
		return nil, err
	}
	defer p.leave(1)
	switch p.current() {
	case tQuoted, tUnquoted, tStar:
		return p.expression(bp)
	case tLbracket:
		p.advance()
		return p.multiSelectList()
	case tLbrace:
		p.advance()
		return p.multiSelectHash()
	}
	t := p.lookaheadToken(0)
	allowed := []string{tQuoted, tUnquoted, tLbracket, tLbrace}
	return nil, errorForToken(t, fmt.Sprintf("Expecting: %s, got: %s", reprList(allowed), t.typ))
}

func (p *parser) match(typ string) error {
	if p.current() == typ {
		p.advance()
		return nil
	}
	return errorMaybeEOF(typ, p.lookaheadToken(0))
}

func (p *parser) matchMultiple(types []string) error {
	cur := p.current()
	for _, t := range types {
		if cur == t {
			p.advance()
			return nil
		}
	}
	return errorMaybeEOF(reprList(types), p.lookaheadToken(0))
}

func errorForToken(t token, reason string) error {
	return &parseError{pos: t.start, value: t.value, typ: t.typ, msg: reason}
}

func errorMaybeEOF(expected string, t token) error {
	if t.typ == tEOF {
		return &parseError{pos: t.start, value: t.value, typ: t.typ, incomplete: true}
	}
	return &parseError{pos: t.start, value: t.value, typ: t.typ, msg: fmt.Sprintf("Expecting: %s, got: %s", expected, t.typ)}
}

func (e *parseError) Error() string { return e.msg }

// message is str() of the Python exception once the expression is set.
func (e *parseError) message(expr string) string {
	if e.incomplete {
		n := len([]rune(expr))
		return fmt.Sprintf("Invalid jmespath expression: Incomplete expression:\n\"%s\"\n%s^", expr, strings.Repeat(" ", n+1))
	}
	return fmt.Sprintf("%s: Parse error at column %d, token \"%s\" (%s), for expression:\n\"%s\"\n%s^",
		e.msg, e.pos, pyfmt.Str(e.value), strings.ToUpper(e.typ), expr, strings.Repeat(" ", e.pos+1))
}
