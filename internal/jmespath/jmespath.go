// Package jmespath evaluates --query expressions over document values the
// way the reference CLI does with Python's jmespath 1.0.1: the same
// grammar (legacy `bare word` literals, a multiselect hash without commas),
// key order kept, integers and floats kept apart, Python's arithmetic and
// comparisons, and the same error texts.
package jmespath

import (
	"errors"
	"strings"

	"github.com/cognito-cli/aws/internal/clierr"
)

// Query is a compiled expression.
type Query struct {
	expr string
	root *node
}

// Compile parses expr. A syntax error is a ParamValidation error whose
// message is the reference's "Bad value for --query <expr>: <detail>".
func Compile(expr string) (*Query, error) {
	root, err := compile(expr)
	if err != nil {
		return nil, clierr.ParamValidation("Bad value for --query %s: %s", expr, err.Error())
	}
	return &Query{expr: expr, root: root}, nil
}

// compileError is the text of the exception Python's jmespath.compile
// raises.
type compileError struct{ msg string }

func (e *compileError) Error() string { return e.msg }

func compile(expr string) (*node, error) {
	if expr == "" {
		return nil, &compileError{"Invalid JMESPath expression: cannot be empty."}
	}
	toks, lerr, err := tokenize(expr)
	if lerr != nil {
		// LexerError's caret is not shifted for the opening quote.
		return nil, &compileError{"Bad jmespath expression: " + lerr.message + ":\n" + expr + "\n" + spaces(lerr.pos) + "^"}
	}
	if err != nil {
		return nil, &compileError{err.Error()}
	}
	root, err := parse(toks)
	if err != nil {
		var pe *parseError
		if errors.As(err, &pe) {
			return nil, &compileError{pe.message(expr)}
		}
		return nil, &compileError{err.Error()}
	}
	return root, nil
}

func spaces(n int) string { return strings.Repeat(" ", n) }

// String returns the expression as written.
func (q *Query) String() string { return q.expr }

// Search evaluates the query against v, a document value. The result
// shares structure with v, so callers must not modify it in place. A failure during evaluation (unknown function,
// wrong argument count or type, Python's TypeError or ValueError) is a
// Runtime error carrying the reference's message.
func (q *Query) Search(v any) (any, error) {
	in := &interpreter{}
	r, err := in.visit(q.root, v)
	if err != nil {
		return nil, clierr.Runtime("%s", err.Error())
	}
	if containsExpref(r, 0) {
		// The JSON formatter cannot serialise an expression reference.
		return nil, clierr.Runtime("Circular reference detected")
	}
	return r, nil
}
