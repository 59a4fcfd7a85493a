package jmespath

import (
	"errors"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
)

// The expected texts below are the reference's stderr from the recorded
// conformance transcripts (/tmp/allref.txt), minus the
// "\naws: [ERROR]: An error occurred (ParamValidation): " / "\naws: [ERROR]: "
// prefixes the command layer prints.
func TestTranscriptErrors(t *testing.T) {
	// Case out-query-bad-syntax: exit 252.
	_, err := Compile("UserPool.SchemaAttributes[?")
	var ce *clierr.Error
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a clierr.Error", err)
	}
	want := "Bad value for --query UserPool.SchemaAttributes[?: Invalid jmespath expression: Incomplete expression:\n" +
		"\"UserPool.SchemaAttributes[?\"\n" +
		"                            ^"
	if ce.Exit != clierr.ExitUsage || ce.Code != "ParamValidation" || ce.Message != want {
		t.Errorf("got exit %d code %q\n%s\nwant\n%s", ce.Exit, ce.Code, ce.Message, want)
	}

	// Case out-query-unknown-function: compiles, fails at evaluation with 255.
	q, err := Compile("foo(UserPool)")
	if err != nil {
		t.Fatal(err)
	}
	pool := document.NewMap(1)
	pool.Set("UserPool", document.NewMap(0))
	_, err = q.Search(pool)
	if !errors.As(err, &ce) || ce.Exit != clierr.ExitRuntime || ce.Code != "" || ce.Message != "Unknown function: foo()" {
		t.Errorf("got %#v", err)
	}
}

// Cases out-query-functions, out-query-literal and out-text-query-flat.
func TestTranscriptResults(t *testing.T) {
	clients := []any{}
	for _, n := range []string{"alpha", "beta", "gamma"} {
		c := document.NewMap(2)
		c.Set("ClientName", n)
		c.Set("ClientId", "id-"+n)
		clients = append(clients, c)
	}
	doc := document.NewMap(1)
	doc.Set("UserPoolClients", clients)
	for _, tc := range []struct{ expr, want string }{
		{"sort_by(UserPoolClients, &ClientName)[-1].ClientName", `"gamma"`},
		{"join(`, `, UserPoolClients[].ClientName)", `"alpha, beta, gamma"`},
		{"`{\"a\": [1, 2.5, true, null]}`", `{"a":[1,2.5,true,null]}`},
		{"UserPoolClients[?ClientName==`nope`]", `[]`},
		{"UserPoolClients[0].Missing", `null`},
		{"length(UserPoolClients)", `3`},
	} {
		got, err := run(tc.expr, doc)
		if err != nil || got != tc.want {
			t.Errorf("%s: got %s, %v; want %s", tc.expr, got, err, tc.want)
		}
	}
}

// Values keep their Go types: integers stay int64 (or *big.Int), floats
// stay float64, and maps keep their order.
func TestValueKinds(t *testing.T) {
	doc, err := document.ParseJSON([]byte(`{"z": 1, "a": 1.0, "big": 123456789012345678901234567890, "l": [3, 1, 2]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		expr  string
		check func(any) bool
	}{
		{"z", func(v any) bool { _, ok := v.(int64); return ok }},
		{"a", func(v any) bool { _, ok := v.(float64); return ok }},
		{"big", func(v any) bool { b := bigOf(v); return b != nil && b.String() == "123456789012345678901234567890" }},
		{"length(l)", func(v any) bool { return v == int64(3) }},
		{"sum(l)", func(v any) bool { return v == int64(6) }},
		{"avg(l)", func(v any) bool { return v == float64(2) }},
		{"max(l)", func(v any) bool { return v == int64(3) }},
		{"{b: a, a: z}", func(v any) bool {
			m, ok := v.(*document.Map)
			return ok && strings.Join(m.Keys(), ",") == "b,a"
		}},
		{"keys(@)", func(v any) bool { return pyfmt.Str(v) == "['z', 'a', 'big', 'l']" }},
	} {
		q, err := Compile(tc.expr)
		if err != nil {
			t.Fatal(err)
		}
		v, err := q.Search(doc)
		if err != nil || !tc.check(v) {
			t.Errorf("%s: got %#v, %v", tc.expr, v, err)
		}
	}
}

// Deep nesting fails cleanly where Python runs out of recursion depth,
// at compile time (252) or while searching (255).
func TestRecursionBound(t *testing.T) {
	var ce *clierr.Error
	_, err := Compile(strings.Repeat("(", 100000) + "a" + strings.Repeat(")", 100000))
	if !errors.As(err, &ce) || ce.Exit != clierr.ExitUsage || !strings.HasSuffix(ce.Message, ": maximum recursion depth exceeded") {
		t.Errorf("parens: got %v", err)
	}
	q, err := Compile(strings.Repeat("a|", 50000) + "a")
	if err != nil {
		t.Fatalf("pipes: %v", err)
	}
	_, err = q.Search(document.NewMap(0))
	if !errors.As(err, &ce) || ce.Exit != clierr.ExitRuntime || ce.Message != "maximum recursion depth exceeded" {
		t.Errorf("pipes: got %v", err)
	}
	// Shallow enough for Python is fine here too.
	if _, err := Compile(strings.Repeat("(", 200) + "a" + strings.Repeat(")", 200)); err != nil {
		t.Errorf("200 parens: %v", err)
	}
}

func TestLexerErrorCaret(t *testing.T) {
	// LexerError does not shift its caret for a quote; the position counts
	// characters, not bytes.
	// Expected text from Python's jmespath 1.0.1.
	_, err := Compile(`"日本" # x`)
	want := "Bad value for --query \"日本\" # x: Bad jmespath expression: Unknown token #:\n\"日本\" # x\n     ^"
	if err == nil || err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
}

// Python's json.loads gives up on literals nested about 10000 deep with a
// RecursionError, which the CLI reports as a bad --query.
func TestDeepLiteral(t *testing.T) {
	const n = 20000
	for _, tc := range []struct{ open, close, kind string }{
		{"[", "]", "array"},
		{`{"a":`, "}", "object"},
	} {
		expr := "`" + strings.Repeat(tc.open, n) + "1" + strings.Repeat(tc.close, n) + "`"
		_, err := Compile(expr)
		want := ": maximum recursion depth exceeded while decoding a JSON " + tc.kind + " from a unicode string"
		if err == nil || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("%s: got %.200v", tc.kind, err)
		}
	}
	if _, err := Compile("`" + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "`"); err != nil {
		t.Errorf("5000 deep: %.200v", err)
	}
}
