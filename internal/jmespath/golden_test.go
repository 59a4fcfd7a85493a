package jmespath

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
)

// knownDeviations are recorded cases this package cannot reproduce, with
// the reason.
var knownDeviations = map[string]string{
	// A lone surrogate cannot be held in a Go string; it becomes U+FFFD.
	"`\"\\ud800\"`": "lone surrogate",
}

// address is an object address in a Python repr, which varies by run.
var address = regexp.MustCompile(`object at 0x[0-9a-f]+`)

func sameText(got, want string) bool {
	return address.ReplaceAllString(got, "object at ADDR") == address.ReplaceAllString(want, "object at ADDR")
}

func loadJSON(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := document.ParseJSON(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func str(m *document.Map, k string) string {
	v, _ := m.Get(k)
	s, _ := v.(string)
	return s
}

// TestGolden compares every case of testdata/cases.json with what Python's
// jmespath 1.0.1 answered (testdata/golden.json, written by record.py).
func TestGolden(t *testing.T) {
	diffAgainst(t, "testdata/cases.json", "testdata/golden.json")
}

func diffAgainst(t *testing.T, casesPath, goldenPath string) {
	groups := loadJSON(t, casesPath).([]any)
	golden := loadJSON(t, goldenPath).(*document.Map)
	cases, _ := golden.Get("cases")
	for _, c := range cases.([]any) {
		m := c.(*document.Map)
		expr := str(m, "expression")
		if _, skip := knownDeviations[expr]; skip {
			continue
		}
		gi, _ := m.Get("group")
		given, _ := groups[gi.(int64)].(*document.Map).Get("given")
		got, err := run(expr, given)
		want := str(m, "result")
		wantErr := str(m, "error")
		phase := str(m, "phase")
		if wantErr != "" {
			var ce *clierr.Error
			if !errors.As(err, &ce) {
				t.Errorf("%q: got result %s, want %s error %q", expr, got, phase, wantErr)
				continue
			}
			wantExit := clierr.ExitRuntime
			if phase == "compile" {
				wantExit = clierr.ExitUsage
			}
			if !sameText(ce.Message, wantErr) || ce.Exit != wantExit {
				t.Errorf("%q: got error (exit %d)\n%s\nwant (exit %d)\n%s", expr, ce.Exit, ce.Message, wantExit, wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: got error %v, want %s", expr, err, want)
			continue
		}
		if !sameText(got, want) {
			t.Errorf("%q:\n got %s\nwant %s", expr, got, want)
		}
	}
}

func run(expr string, data any) (string, error) {
	q, err := Compile(expr)
	if err != nil {
		return "", err
	}
	r, err := q.Search(data)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	compactJSON(&b, r, 0)
	return b.String(), nil
}

// TestRandomGolden covers testdata/random.json (made by gen_random.py),
// recorded from Python the same way.
func TestRandomGolden(t *testing.T) {
	diffAgainst(t, "testdata/random.json", "testdata/random_golden.json")
}
