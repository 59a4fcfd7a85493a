package output

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
)

// WriteText prints one value as the AWS CLI's `--output text` does
// (awscli/text.py format_text): a dict's scalar values sorted by key on one
// tab-separated line, then each list or dict value under its key in upper
// case; lists of dicts share one sorted set of scalar columns; a bare scalar
// on a line of its own (`None` for null); an empty dict or list prints
// nothing.
//
// The reference applies text formatting, and --query, to each page of a
// paginated response separately, not to the merged result (REFERENCE.md
// trap 5): a caller with pages calls WriteText once per page with
// query(page) (the first page with the response's non-list members, later
// pages with the result keys only), then, when --max-items truncated the
// result, once more with query({"NextToken": {"NextToken": token}}).
// Without pagination it is called once with query(response).
//
// Output is written as it is produced, like the reference's stream; the
// returned error carries the reference's Python message for inputs it
// cannot format (a list mixing dicts and other values), after the lines
// that precede the failure.
func WriteText(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 32*1024)
	err := formatText(bw, v, "", false, nil)
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing text output: %w", ferr)
	}
	return err
}

// FormatText returns WriteText's output as a string, with the error for
// inputs the reference cannot format.
func FormatText(v any) (string, error) {
	var b strings.Builder
	err := WriteText(&b, v)
	return b.String(), err
}

// formatText is text.py's _format_text; hasID tells an identifier from
// Python's None, scalarKeys non-nil from scalar_keys=None.
func formatText(w *bufio.Writer, v any, id string, hasID bool, scalarKeys []string) error {
	switch t := v.(type) {
	case *document.Map:
		return formatTextDict(w, t, id, hasID, scalarKeys)
	case []any:
		return formatTextList(w, t, id, hasID)
	default:
		w.WriteString(pyfmt.Str(v))
		w.WriteByte('\n')
		return nil
	}
}

func formatTextList(w *bufio.Writer, list []any, id string, hasID bool) error {
	if len(list) == 0 {
		return nil
	}
	hasDict, hasList := false, false
	for _, e := range list {
		switch e.(type) {
		case *document.Map:
			hasDict = true
		case []any:
			hasList = true
		}
	}
	switch {
	case hasDict:
		keys, err := allScalarKeys(list)
		if err != nil {
			return err
		}
		for _, e := range list {
			if err := formatText(w, e, id, hasID, keys); err != nil {
				return err
			}
		}
	case hasList:
		var scalars, nonScalars []any
		for _, e := range list {
			if isContainer(e) {
				nonScalars = append(nonScalars, e)
			} else {
				scalars = append(scalars, e)
			}
		}
		if len(scalars) > 0 {
			formatScalarList(w, scalars, id, hasID)
		}
		for _, e := range nonScalars {
			if err := formatText(w, e, id, hasID, nil); err != nil {
				return err
			}
		}
	default:
		formatScalarList(w, list, id, hasID)
	}
	return nil
}

func formatScalarList(w *bufio.Writer, list []any, id string, hasID bool) {
	if hasID {
		up := pyUpper(id)
		for _, e := range list {
			w.WriteString(up)
			w.WriteByte('\t')
			w.WriteString(pyfmt.Str(e))
			w.WriteByte('\n')
		}
		return
	}
	for i, e := range list {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(pyfmt.Str(e))
	}
	w.WriteByte('\n')
}

// allScalarKeys is text.py's _all_scalar_keys: every key holding a scalar
// in any element, sorted. Elements that are not dicts fail as in Python.
func allScalarKeys(list []any) ([]string, error) {
	seen := map[string]bool{}
	keys := []string{}
	for _, e := range list {
		m, ok := e.(*document.Map)
		if !ok {
			return nil, fmt.Errorf("'%s' object has no attribute 'items'", pyfmt.TypeName(e))
		}
		for _, k := range m.Keys() {
			v, _ := m.Get(k)
			if !isContainer(v) && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys) // code point order, as Python's sorted()
	return keys, nil
}

func formatTextDict(w *bufio.Writer, m *document.Map, id string, hasID bool, scalarKeys []string) error {
	var scalars []string
	type pair struct {
		key string
		val any
	}
	var nonScalars []pair
	if scalarKeys == nil {
		for _, k := range sortedKeys(m) {
			v, _ := m.Get(k)
			if isContainer(v) {
				nonScalars = append(nonScalars, pair{k, v})
			} else {
				scalars = append(scalars, pyfmt.Str(v))
			}
		}
	} else {
		inScalar := make(map[string]bool, len(scalarKeys))
		for _, k := range scalarKeys {
			inScalar[k] = true
			if v, ok := m.Get(k); ok {
				scalars = append(scalars, pyfmt.Str(v))
			} else {
				scalars = append(scalars, "")
			}
		}
		for _, k := range sortedKeys(m) {
			if !inScalar[k] {
				v, _ := m.Get(k)
				nonScalars = append(nonScalars, pair{k, v})
			}
		}
	}
	if len(scalars) > 0 {
		if hasID {
			w.WriteString(pyUpper(id))
			w.WriteByte('\t')
		}
		w.WriteString(strings.Join(scalars, "\t"))
		w.WriteByte('\n')
	}
	for _, p := range nonScalars {
		if err := formatText(w, p.val, p.key, true, nil); err != nil {
			return err
		}
	}
	return nil
}
