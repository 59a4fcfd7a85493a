package jmespath

import (
	"errors"
	"math/big"

	"github.com/cognito-cli/aws/internal/document"
)

// errSliceStep is Python's ValueError for a zero slice step.
var errSliceStep = errors.New("slice step cannot be zero")

// interpreter mirrors TreeInterpreter; frames stands for Python's
// recursion depth (each visit is two frames).
type interpreter struct {
	frames int
}

func (in *interpreter) visit(n *node, v any) (any, error) {
	in.frames += 2
	defer func() { in.frames -= 2 }()
	if in.frames > maxFrames {
		return nil, recursionError{}
	}
	switch n.kind {
	case nSubexpression, nIndexExpression, nPipe:
		result := v
		for _, c := range n.children {
			var err error
			if result, err = in.visit(c, result); err != nil {
				return nil, err
			}
		}
		return result, nil
	case nField:
		if m, ok := v.(*document.Map); ok {
			r, _ := m.Get(n.value.(string))
			return r, nil
		}
		return nil, nil
	case nComparator:
		return in.comparator(n, v)
	case nCurrent, nIdentity:
		return v, nil
	case nExpref:
		return &exprefVal{node: n.children[0]}, nil
	case nFunction:
		args := make([]any, len(n.children))
		for i, c := range n.children {
			a, err := in.visit(c, v)
			if err != nil {
				return nil, err
			}
			args[i] = a
		}
		return in.call(n.value.(string), args)
	case nFilterProjection:
		base, err := in.visit(n.children[0], v)
		if err != nil {
			return nil, err
		}
		list, ok := base.([]any)
		if !ok {
			return nil, nil
		}
		collected := []any{}
		for _, e := range list {
			c, err := in.visit(n.children[2], e)
			if err != nil {
				return nil, err
			}
			if isFalse(c) {
				continue
			}
			cur, err := in.visit(n.children[1], e)
			if err != nil {
				return nil, err
			}
			if cur != nil {
				collected = append(collected, cur)
			}
		}
		return collected, nil
	case nFlatten:
		base, err := in.visit(n.children[0], v)
		if err != nil {
			return nil, err
		}
		list, ok := base.([]any)
		if !ok {
			return nil, nil
		}
		merged := []any{}
		for _, e := range list {
			if sub, ok := e.([]any); ok {
				merged = append(merged, sub...)
			} else {
				merged = append(merged, e)
			}
		}
		return merged, nil
	case nIndex:
		list, ok := v.([]any)
		if !ok {
			return nil, nil
		}
		i, ok := n.value.(int64)
		if !ok { // a *big.Int is out of range for any list
			return nil, nil
		}
		if i < 0 {
			i += int64(len(list))
		}
		if i < 0 || i >= int64(len(list)) {
			return nil, nil
		}
		return list[i], nil
	case nSlice:
		list, ok := v.([]any)
		if !ok {
			return nil, nil
		}
		return pySlice(list, n.slice)
	case nKeyValPair:
		return in.visit(n.children[0], v)
	case nLiteral:
		return n.value, nil
	case nMultiSelectDict:
		if v == nil {
			return nil, nil
		}
		m := document.NewMap(len(n.children))
		for _, c := range n.children {
			r, err := in.visit(c, v)
			if err != nil {
				return nil, err
			}
			m.Set(c.value.(string), r)
		}
		return m, nil
	case nMultiSelectList:
		if v == nil {
			return nil, nil
		}
		collected := make([]any, 0, len(n.children))
		for _, c := range n.children {
			r, err := in.visit(c, v)
			if err != nil {
				return nil, err
			}
			collected = append(collected, r)
		}
		return collected, nil
	case nOr:
		m, err := in.visit(n.children[0], v)
		if err != nil {
			return nil, err
		}
		if isFalse(m) {
			return in.visit(n.children[1], v)
		}
		return m, nil
	case nAnd:
		m, err := in.visit(n.children[0], v)
		if err != nil {
			return nil, err
		}
		if isFalse(m) {
			return m, nil
		}
		return in.visit(n.children[1], v)
	case nNot:
		r, err := in.visit(n.children[0], v)
		if err != nil {
			return nil, err
		}
		return pyNot(r), nil
	case nProjection, nValueProjection:
		base, err := in.visit(n.children[0], v)
		if err != nil {
			return nil, err
		}
		var elems []any
		if n.kind == nProjection {
			list, ok := base.([]any)
			if !ok {
				return nil, nil
			}
			elems = list
		} else {
			m, ok := base.(*document.Map)
			if !ok {
				return nil, nil
			}
			for _, k := range m.Keys() {
				e, _ := m.Get(k)
				elems = append(elems, e)
			}
		}
		collected := []any{}
		for _, e := range elems {
			cur, err := in.visit(n.children[1], e)
			if err != nil {
				return nil, err
			}
			if cur != nil {
				collected = append(collected, cur)
			}
		}
		return collected, nil
	}
	return nil, errors.New("unknown node")
}

func (in *interpreter) comparator(n *node, v any) (any, error) {
	left, err := in.visit(n.children[0], v)
	if err != nil {
		return nil, err
	}
	right, err := in.visit(n.children[1], v)
	if err != nil {
		return nil, err
	}
	op := n.value.(string)
	switch op {
	case tEq:
		return jmesEqual(left, right), nil
	case tNe:
		return !jmesEqual(left, right), nil
	}
	// Ordering is only for numbers and strings; anything else gives null.
	if !comparable(left) || !comparable(right) {
		return nil, nil
	}
	sym := map[string]string{tLt: "<", tGt: ">", tLte: "<=", tGte: ">="}[op]
	c, ok, err := pyOrder(left, right, sym)
	if err != nil {
		return nil, err
	}
	if !ok { // NaN: every ordering is false
		return false, nil
	}
	switch op {
	case tLt:
		return c < 0, nil
	case tGt:
		return c > 0, nil
	case tLte:
		return c <= 0, nil
	}
	return c >= 0, nil
}

func comparable(v any) bool {
	_, isStr := v.(string)
	return isStr || isNumber(v)
}

// jmesEqual is _equals: Python's == except that the numbers 0 and 1 never
// equal a boolean at the top level.
func jmesEqual(x, y any) bool {
	if isNumber(x) && isZeroOrOne(x) {
		if _, ok := y.(bool); ok {
			return false
		}
	} else if isNumber(y) && isZeroOrOne(y) {
		if _, ok := x.(bool); ok {
			return false
		}
	}
	return pyEqual(x, y)
}

func isZeroOrOne(v any) bool {
	return pyEqual(v, int64(0)) || pyEqual(v, int64(1))
}

// isFalse is JMESPath falsiness as the reference computes it.
func isFalse(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case bool:
		return !t
	case string:
		return t == ""
	case []any:
		return len(t) == 0
	case *document.Map:
		return t.Len() == 0
	}
	return false
}

// pyNot is `not v` in Python, except that numbers are never false.
func pyNot(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case bool:
		return !t
	case string:
		return t == ""
	case []byte:
		return len(t) == 0
	case []any:
		return len(t) == 0
	case *document.Map:
		return t.Len() == 0
	}
	return false
}

// pySlice is list[start:stop:step] with Python's clamping rules.
func pySlice(list []any, parts [3]any) (any, error) {
	step := int64(1)
	if parts[2] != nil {
		step = clampIndex(parts[2])
		if step == 0 {
			return nil, errSliceStep
		}
	}
	n := int64(len(list))
	adjust := func(p any, def int64) int64 {
		if p == nil {
			return def
		}
		i := clampIndex(p)
		if i < 0 {
			i += n
			if i < 0 {
				if step < 0 {
					return -1
				}
				return 0
			}
		} else if i >= n {
			if step < 0 {
				return n - 1
			}
			return n
		}
		return i
	}
	var start, stop int64
	if step > 0 {
		start, stop = adjust(parts[0], 0), adjust(parts[1], n)
	} else {
		start, stop = adjust(parts[0], n-1), adjust(parts[1], -1)
	}
	out := []any{}
	if step > 0 {
		for i := start; i < stop; i += step {
			out = append(out, list[i])
		}
	} else {
		for i := start; i > stop; i += step {
			out = append(out, list[i])
		}
	}
	return out, nil
}

// clampIndex turns a slice bound into an int64; beyond ±2^62 the result
// is the same as Python's unbounded integers once clamped to the list.
func clampIndex(v any) int64 {
	const limit = 1 << 62
	switch t := v.(type) {
	case int64:
		if t > limit {
			return limit
		}
		if t < -limit {
			return -limit
		}
		return t
	case *big.Int:
		if t.Sign() > 0 {
			return limit
		}
		return -limit
	}
	return 0
}

// containsExpref reports whether an expression reference is part of a
// result.
func containsExpref(v any, depth int) bool {
	if depth > reprDepth {
		return false
	}
	switch t := v.(type) {
	case *exprefVal:
		return true
	case []any:
		for _, e := range t {
			if containsExpref(e, depth+1) {
				return true
			}
		}
	case *document.Map:
		for _, k := range t.Keys() {
			e, _ := t.Get(k)
			if containsExpref(e, depth+1) {
				return true
			}
		}
	}
	return false
}
