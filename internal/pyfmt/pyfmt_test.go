package pyfmt

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
)

type recorded struct {
	Docs []struct {
		In           string `json:"in"`
		Repr         string `json:"repr"`
		Str          string `json:"str"`
		Name         string `json:"name"`
		Class        string `json:"class"`
		Truthy       bool   `json:"truthy"`
		OrderedRepr  string `json:"ordered_repr"`
		OrderedStr   string `json:"ordered_str"`
		OrderedClass string `json:"ordered_class"`
	} `json:"docs"`
	Raw []struct {
		Hex       string `json:"hex"`
		Repr      string `json:"repr"`
		BytesRepr string `json:"bytes_repr"`
	} `json:"raw"`
}

// TestRecorded compares with Python 3.13 on the values of testdata/docs.json
// and testdata/raw.json, recorded by testdata/record.py.
func TestRecorded(t *testing.T) {
	data, err := os.ReadFile("testdata/recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec recorded
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Docs) < 30 || len(rec.Raw) < 10 {
		t.Fatalf("only %d docs and %d raw cases", len(rec.Docs), len(rec.Raw))
	}
	ordered := Style{OrderedDict: true}
	for _, c := range rec.Docs {
		v, err := document.ParseJSON([]byte(c.In))
		if err != nil {
			t.Fatalf("%s: %v", c.In, err)
		}
		check := func(what, got, want string) {
			if got != want {
				t.Errorf("%s of %s = %s, Python: %s", what, c.In, got, want)
			}
		}
		check("repr", Repr(v), c.Repr)
		check("str", Str(v), c.Str)
		check("type name", TypeName(v), c.Name)
		check("class", Class(v), c.Class)
		check("ordered repr", ordered.Repr(v), c.OrderedRepr)
		check("ordered str", ordered.Str(v), c.OrderedStr)
		check("ordered class", ordered.Class(v), c.OrderedClass)
		if Truthy(v) != c.Truthy {
			t.Errorf("bool(%s) = %v, Python: %v", c.In, Truthy(v), c.Truthy)
		}
	}
	for _, c := range rec.Raw {
		p, err := hex.DecodeString(c.Hex)
		if err != nil {
			t.Fatal(err)
		}
		if got := StrRepr(string(p)); got != c.Repr {
			t.Errorf("StrRepr(%x) = %s, Python: %s", p, got, c.Repr)
		}
		if got := BytesRepr(p); got != c.BytesRepr {
			t.Errorf("BytesRepr(%x) = %s, Python: %s", p, got, c.BytesRepr)
		}
	}
}

// pyObject stands for a Python object outside the document types.
type pyObject struct{}

func (pyObject) PyType() (string, string) { return "datetime", "date" }
func (pyObject) PyRepr() string           { return "datetime.date(2020, 1, 2)" }

func TestObject(t *testing.T) {
	v := []any{pyObject{}}
	if got, want := Repr(v), "[datetime.date(2020, 1, 2)]"; got != want {
		t.Errorf("Repr = %s, want %s", got, want)
	}
	if got, want := Class(pyObject{}), "<class 'datetime.date'>"; got != want {
		t.Errorf("Class = %s, want %s", got, want)
	}
	if got, want := TypeName(pyObject{}), "date"; got != want {
		t.Errorf("TypeName = %s, want %s", got, want)
	}
}

// TestDeep checks that pathological nesting ends instead of exhausting the
// stack.
func TestDeep(t *testing.T) {
	var v any = []any{}
	for i := 0; i < 3*maxDepth; i++ {
		v = []any{v}
	}
	if s := Repr(v); len(s) > 3*maxDepth {
		t.Errorf("repr of deep nesting is %d bytes long", len(s))
	}
}

func FuzzRepr(f *testing.F) {
	for _, s := range []string{`"it's"`, `{"a":[1,2.5,null]}`, `"\u00a0\ud83d\ude00"`, "\"\xff\"", `[[[{}]]]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = StrRepr(string(data))
		_ = BytesRepr(data)
		if v, err := document.ParseJSON(data); err == nil {
			_ = Repr(v)
			_ = Style{OrderedDict: true}.Str(v)
		}
	})
}
