package document_test

import (
	"encoding/json"
	"math"
	"math/big"
	"os"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/output"
)

// recorded holds Python's answers, written by testdata/record.py.
type recorded struct {
	Floats [][2]json.RawMessage `json:"floats"`
	Ints   [][2]*string         `json:"ints"`
	JSON   [][2]string          `json:"json"`
}

func load(t *testing.T) recorded {
	t.Helper()
	data, err := os.ReadFile("testdata/python.json")
	if err != nil {
		t.Fatal(err)
	}
	var r recorded
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestFormatFloatMatchesPythonRepr(t *testing.T) {
	for _, c := range load(t).Floats {
		var bits uint64
		var want string
		if err := json.Unmarshal(c[0], &bits); err != nil {
			t.Fatal(err)
		}
		json.Unmarshal(c[1], &want)
		f := math.Float64frombits(bits)
		if got := document.FormatFloat(f); got != want {
			t.Errorf("FormatFloat(%v) = %q, Python repr %q", f, got, want)
		}
	}
}

func TestParsePythonIntMatchesInt(t *testing.T) {
	for _, c := range load(t).Ints {
		in := *c[0]
		got, ok := document.ParsePythonInt(in)
		if c[1] == nil {
			// Python also accepts non-ASCII decimal digits; we do not
			// claim to, but must never accept what Python rejects.
			if ok {
				t.Errorf("ParsePythonInt(%q) accepted %v; Python rejects it", in, got)
			}
			continue
		}
		if in == "٣" {
			continue
		}
		if !ok {
			t.Errorf("ParsePythonInt(%q) rejected; Python gives %s", in, *c[1])
			continue
		}
		var s string
		switch n := got.(type) {
		case int64:
			s = big.NewInt(n).String()
		case *big.Int:
			s = n.String()
		}
		if s != *c[1] {
			t.Errorf("ParsePythonInt(%q) = %s, Python %s", in, s, *c[1])
		}
	}
}

// The JSON round trip checks key order (first position, last value for a
// duplicate key), int versus float, big integers and escapes together.
func TestParseJSONRoundTripMatchesPython(t *testing.T) {
	for _, c := range load(t).JSON {
		v, err := document.ParseJSON([]byte(c[0]))
		if err != nil {
			t.Fatalf("ParseJSON(%s): %v", c[0], err)
		}
		if got := output.FormatJSON(v, 4); got != c[1] {
			t.Errorf("round trip of %s:\n got %s\nwant %s", c[0], got, c[1])
		}
	}
}

func TestParseJSONRejects(t *testing.T) {
	for _, in := range []string{"", "{", `{"a" 1}`, "[1,]", "01x", `"\x"`, "nul", "[1] 2"} {
		if _, err := document.ParseJSON([]byte(in)); err == nil {
			t.Errorf("ParseJSON(%q) succeeded", in)
		}
	}
}

func TestMapKeepsInsertionOrder(t *testing.T) {
	m := document.NewMap(0)
	m.Set("b", 1)
	m.Set("a", 2)
	m.Set("b", 3)
	m.Delete("a")
	m.Set("c", 4)
	if got := output.FormatJSON(m, 0); got != `{"b": 3, "c": 4}` {
		t.Errorf("got %s", got)
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5, "x", null, true]}`, `[[[[]]]]`, `"\ud800"`, `1e999`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := document.ParseJSON([]byte(s))
		if err != nil {
			return
		}
		// What parses must print and parse again; from then on the text is
		// stable (the first print may replace invalid UTF-8 with U+FFFD).
		out := output.FormatJSON(v, 0)
		v1, err := document.ParseJSON([]byte(out))
		if err != nil {
			t.Fatalf("reparse of %q: %v", out, err)
		}
		out = output.FormatJSON(v1, 0)
		v2, err := document.ParseJSON([]byte(out))
		if err != nil {
			t.Fatalf("reparse of %q: %v", out, err)
		}
		if out2 := output.FormatJSON(v2, 0); out2 != out {
			t.Fatalf("unstable: %q then %q", out, out2)
		}
	})
}
