package pyjson

import (
	"encoding/hex"
	"encoding/json"
	"math"
	"math/big"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
)

// plain encodes a decoded value the way testdata/record.py encodes
// Python's, so both can be compared with reflect.DeepEqual.
func plain(v any) any {
	switch x := v.(type) {
	case nil, bool:
		return x
	case int64:
		return map[string]any{"int": strconv.FormatInt(x, 10)}
	case *big.Int:
		return map[string]any{"int": x.String()}
	case float64:
		return map[string]any{"float": pyFloatRepr(x)}
	case string:
		return map[string]any{"str": hex.EncodeToString([]byte(x))}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case *document.Map:
		pairs := []any{}
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			pairs = append(pairs, []any{k, plain(e)})
		}
		return map[string]any{"obj": pairs}
	}
	return "?"
}

func pyFloatRepr(f float64) string {
	if math.IsNaN(f) {
		return "nan"
	}
	return document.FormatFloat(f)
}

// TestLoadsRecorded compares with Python 3.13's json.loads on the inputs
// of testdata/inputs.json (recorded by testdata/record.py).
func TestLoadsRecorded(t *testing.T) {
	data, err := os.ReadFile("testdata/recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		In    string `json:"in"`
		Value any    `json:"value"`
		Error string `json:"error"`
		Type  string `json:"type"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		v, err := Loads(c.In)
		if c.Error != "" {
			if err == nil {
				t.Errorf("Loads(%q) = %v, want error %q", c.In, v, c.Error)
				continue
			}
			if err.Error() != c.Error {
				t.Errorf("Loads(%q)\n got %q\nwant %q", c.In, err.Error(), c.Error)
			}
			wantType := map[string]string{"JSONDecodeError": "*pyjson.DecodeError", "ValueError": "*pyjson.ValueError", "RecursionError": "*pyjson.RecursionError"}[c.Type]
			if got := reflect.TypeOf(err).String(); got != wantType {
				t.Errorf("Loads(%q): error type %s, want %s", c.In, got, wantType)
			}
			continue
		}
		if err != nil {
			t.Errorf("Loads(%q): %v", c.In, err)
			continue
		}
		// Round-trip through encoding/json to get the recorded file's types.
		b, _ := json.Marshal(plain(v))
		var got any
		_ = json.Unmarshal(b, &got)
		if !reflect.DeepEqual(got, c.Value) {
			t.Errorf("Loads(%q)\n got %v\nwant %v", c.In, got, c.Value)
		}
	}
}

func TestRecursionLimit(t *testing.T) {
	deep := make([]byte, 0, 4000)
	for i := 0; i < 2000; i++ {
		deep = append(deep, '[')
	}
	_, err := Loads(string(deep))
	if _, ok := err.(*RecursionError); !ok {
		t.Errorf("deep nesting: %T %v", err, err)
	}
}

func FuzzLoads(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5,true,null]}`, `[1,]`, `"\ud800\udc00"`, `01`, `-Infinity`, "{\"a\":\n}", `"\u12"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Loads(s)
		if err != nil {
			if de, ok := err.(*DecodeError); ok && (de.Pos < 0 || de.Line < 1 || de.Column < 1) {
				t.Fatalf("bad position %+v", de)
			}
			return
		}
		_ = v
	})
}
