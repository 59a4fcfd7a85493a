package skeleton

import (
	"bufio"
	"encoding/json"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
)

// knownDifferences are reference behaviours not reproduced, with the reason.
var knownDifferences = map[string]string{
	"{UserPoolId: x, ClientId: y, ReadAttributes: !!set {a, b}}": "a Python set (printed in hash order) has no document value; rejected as invalid YAML",
}

type loaderCase struct {
	Option string `json:"option"`
	Input  string `json:"input"`
	Exit   int    `json:"exit"`
	Stderr string `json:"stderr"`
}

// pyStr is Python's str() of a loaded scalar, as botocore's validation
// messages print it.
func pyStr(v any) string {
	switch t := v.(type) {
	case nil:
		return "None"
	case bool:
		if t {
			return "True"
		}
		return "False"
	case string:
		return t
	case int64:
		return strconv.FormatInt(t, 10)
	case *big.Int:
		return t.String()
	case float64:
		return document.FormatFloat(t)
	case []byte:
		return "b'" + string(t) + "'"
	case YAMLTimestamp:
		return t.String()
	}
	return "?"
}

// TestLoadersMatchReference replays testdata/loaders.jsonl, recorded from the
// reference by testdata/record_loaders.py.
func TestLoadersMatchReference(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "loaders.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var c loaderCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		n++
		load := LoadJSON
		if c.Option == "--cli-input-yaml" {
			load = LoadYAML
		}
		doc, err := load(c.Input)
		msg := strings.TrimSpace(c.Stderr)
		switch {
		case c.Exit == 252 && (strings.HasPrefix(msg, "Error parsing parameter") || strings.HasPrefix(msg, "Only one")):
			ce, ok := err.(*clierr.Error)
			if !ok || ce.Exit != 252 || ce.Message != msg {
				t.Errorf("%s %q: got %v, want error %q", c.Option, c.Input, err, msg)
			}
		case knownDifferences[c.Input] != "":
			t.Logf("%s %q: known difference: %s", c.Option, c.Input, knownDifferences[c.Input])
		case c.Exit == 255 && msg == "keywords must be strings":
			ce, ok := err.(*clierr.Error)
			if !ok || ce.Exit != 255 || ce.Message != msg {
				t.Errorf("%s %q: got %v, want runtime error %q", c.Option, c.Input, err, msg)
			}
		case c.Exit == 252 && strings.HasPrefix(msg, "Parameter validation failed:"):
			if err != nil {
				t.Errorf("%s %q: %v, want a loaded document", c.Option, c.Input, err)
				continue
			}
			checkValidation(t, c, doc, msg)
		case c.Exit == 255 && strings.Contains(msg, "Could not connect"):
			// Loaded and valid: the request was attempted.
			if err != nil {
				t.Errorf("%s %q: %v, want a loaded document", c.Option, c.Input, err)
			}
		default:
			t.Logf("%s %q: reference exit %d not replayed: %s", c.Option, c.Input, c.Exit, msg)
		}
	}
	if n < 40 {
		t.Fatalf("only %d loader cases", n)
	}
}

// checkValidation compares what the document holds with the reference's
// validation messages for the lines this package can judge.
func checkValidation(t *testing.T, c loaderCase, doc *document.Map, msg string) {
	t.Helper()
	const typ = "\nInvalid type for parameter ReadAttributes, value: "
	const tail = ", valid types: <class 'list'>, <class 'tuple'>"
	if i := strings.Index(msg, typ); i >= 0 {
		want := msg[i+len(typ):]
		want = want[:strings.Index(want, tail)+len(tail)]
		v, _ := doc.Get("ReadAttributes")
		got := pyStr(v) + ", type: " + pyfmt.Class(v) + tail
		if f, ok := v.(float64); ok && math.IsNaN(f) {
			got = "nan, type: <class 'float'>" + tail
		}
		if got != want {
			t.Errorf("%s %q: ReadAttributes is %q, reference: %q", c.Option, c.Input, got, want)
		}
	}
	for _, line := range strings.Split(msg, "\n")[1:] {
		const unknown = "Unknown parameter in input: \""
		switch {
		case strings.HasPrefix(line, unknown):
			key := strings.TrimPrefix(line, unknown)
			key = key[:strings.IndexByte(key, '"')]
			if _, ok := doc.Get(key); !ok {
				t.Errorf("%s %q: no key %q; keys %v", c.Option, c.Input, key, doc.Keys())
			}
		}
	}
}

func TestMergeCommandLineWins(t *testing.T) {
	doc, err := LoadJSON(`{"UserPoolId": "p", "ClientName": "doc", "AllowedOAuthFlows": ["implicit"], "Foo": 1}`)
	if err != nil {
		t.Fatal(err)
	}
	cli := document.NewMap(2)
	cli.Set("AllowedOAuthFlows", []any{"code", "client_credentials"})
	cli.Set("ClientId", "c")
	got := Merge(cli, doc)
	if k := strings.Join(got.Keys(), ","); k != "AllowedOAuthFlows,ClientId,UserPoolId,ClientName,Foo" {
		t.Errorf("keys %s", k)
	}
	if v, _ := got.Get("AllowedOAuthFlows"); len(v.([]any)) != 2 {
		t.Errorf("AllowedOAuthFlows = %v, want the command line's", v)
	}
	if cli.Len() != 2 || doc.Len() != 4 {
		t.Error("Merge modified its arguments")
	}
}

// TestSkeletonsLoadBack feeds every input skeleton back through the loaders:
// both must give a map with the input shape's members, in order.
func TestSkeletonsLoadBack(t *testing.T) {
	m := model.New()
	for _, op := range model.OperationNames() {
		o := m.Operation(op)
		js, err := InputJSON(m, op)
		if err != nil {
			t.Fatal(err)
		}
		jd, err := LoadJSON(js)
		if err != nil {
			t.Errorf("%s: json skeleton does not load: %v", op, err)
			continue
		}
		ys, err := YAMLInput(m, op)
		if err != nil {
			t.Fatal(err)
		}
		yd, err := LoadYAML(ys)
		if err != nil {
			t.Errorf("%s: yaml skeleton does not load: %v\n%s", op, err, ys)
			continue
		}
		var want []string
		if o.Input != nil {
			for _, mem := range m.Shape(o.Input.Shape).Members {
				want = append(want, mem.Name)
			}
		}
		w := strings.Join(want, ",")
		if g := strings.Join(jd.Keys(), ","); g != w {
			t.Errorf("%s: json keys %s, want %s", op, g, w)
		}
		if g := strings.Join(yd.Keys(), ","); g != w {
			t.Errorf("%s: yaml keys %s, want %s", op, g, w)
		}
	}
}

func TestDocOverview(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>Set to <code>true</code> to use OAuth 2.0 features.</p>", "Set to true to use OAuth 2."},
		{"<p>Unclosed <b>tag</p>", "<p>Unclosed <b>tag</p>."},
		{"a &lt;b&gt; c: d", "a <b> c."},
		{"&nbsp;x", "&nbsp;x."},
		{"line\none\u2028two", "line one two."},
		{"", ""},
		{"...", ""},
	} {
		if got := docOverview(c.in); got != c.want {
			t.Errorf("docOverview(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzLoadJSON(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5, "x", null, true]}`, `[1]`, `{`, `{"a": {"b": {}}}`, "\"\\ud800\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := LoadJSON(s)
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
		if err != nil {
			if _, ok := err.(*clierr.Error); !ok {
				t.Fatalf("error of type %T", err)
			}
		}
	})
}

func FuzzLoadYAML(f *testing.F) {
	for _, s := range []string{"a: 1\nb: [x, 'y']\n", "a: &x [1]\nb: *x\n", "<<: {a: 1}\n", "a: !!binary aGk=\n", "- x", "a: b: c", "a: 2020-01-01\n", "{a: 0x1F, b: .inf}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := LoadYAML(s)
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
		if err != nil {
			if _, ok := err.(*clierr.Error); !ok {
				t.Fatalf("error of type %T", err)
			}
		}
	})
}
