package jmespath

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/output"
)

// TestCompliance runs every case of the official JMESPath compliance suite
// (testdata/compliance, copied by testdata/vendor_compliance.sh). Results
// are compared as JSON with numbers normalised, since the suite does not
// tell 1 from 1.0; errors must be of the kind the suite names: a syntax
// error at Compile, every other error at Search.
func TestCompliance(t *testing.T) {
	files, err := filepath.Glob("testdata/compliance/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no compliance files: %v", err)
	}
	total := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var suites []struct {
			Given json.RawMessage `json:"given"`
			Cases []struct {
				Expression string          `json:"expression"`
				Result     json.RawMessage `json:"result"`
				Error      string          `json:"error"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(data, &suites); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, s := range suites {
			given, err := document.ParseJSON(s.Given)
			if err != nil {
				t.Fatalf("%s: given: %v", file, err)
			}
			for _, c := range s.Cases {
				total++
				name := filepath.Base(file) + ": " + c.Expression
				q, cerr := Compile(c.Expression)
				if c.Error == "syntax" {
					if cerr == nil {
						t.Errorf("%s: compiled; want a syntax error", name)
					}
					continue
				}
				if cerr != nil {
					t.Errorf("%s: compile: %v", name, cerr)
					continue
				}
				got, serr := q.Search(given)
				if c.Error != "" {
					var ce *clierr.Error
					if serr == nil || !errors.As(serr, &ce) {
						t.Errorf("%s: got %s; want a %s error", name, output.FormatJSON(got, 0), c.Error)
					}
					continue
				}
				if serr != nil {
					t.Errorf("%s: %v", name, serr)
					continue
				}
				want, err := document.ParseJSON(c.Result)
				if err != nil {
					t.Fatalf("%s: result: %v", name, err)
				}
				if g, w := canonical(got), canonical(want); g != w {
					t.Errorf("%s:\n got %s\nwant %s", name, g, w)
				}
			}
		}
	}
	if total < 800 {
		t.Errorf("ran %d cases; the suite has more than 800", total)
	}
}

// canonical prints v as JSON with sorted keys and every number as a float,
// so that only what the suite specifies is compared.
func canonical(v any) string {
	var norm func(any) any
	norm = func(v any) any {
		switch t := v.(type) {
		case *document.Map:
			m := map[string]any{}
			for _, k := range t.Keys() {
				e, _ := t.Get(k)
				m[k] = norm(e)
			}
			return m
		case []any:
			out := make([]any, len(t))
			for i, e := range t {
				out[i] = norm(e)
			}
			return out
		case int64:
			return float64(t)
		}
		return v
	}
	b, _ := json.Marshal(norm(v))
	return strings.TrimSpace(string(b))
}
