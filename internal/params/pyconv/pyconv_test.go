package pyconv

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
)

// TestRecorded compares with Python's int(), float(), repr() and
// base64.b64decode() on testdata/inputs.json (recorded by
// testdata/record.py).
func TestRecorded(t *testing.T) {
	data, err := os.ReadFile("testdata/recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []map[string]string
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		in := c["in"]
		if got := pyfmt.StrRepr(in); got != c["repr"] {
			t.Errorf("Repr(%q) = %s, want %s", in, got, c["repr"])
		}
		if got := pyfmt.BytesRepr([]byte(in)); got != c["bytes_repr"] {
			t.Errorf("BytesRepr(%q) = %s, want %s", in, got, c["bytes_repr"])
		}
		v, err := Int(in)
		switch {
		case c["int_error"] != "":
			if err == nil || err.Error() != c["int_error"] {
				t.Errorf("Int(%q) = %v, %v; want error %q", in, v, err, c["int_error"])
			}
		case err != nil:
			t.Errorf("Int(%q): %v", in, err)
		default:
			var s string
			switch x := v.(type) {
			case int64:
				s = fmt.Sprint(x)
			case *big.Int:
				s = x.String()
			}
			if s != c["int"] {
				t.Errorf("Int(%q) = %s, want %s", in, s, c["int"])
			}
		}
		f, err := Float(in)
		switch {
		case c["float_error"] != "":
			if err == nil || err.Error() != c["float_error"] {
				t.Errorf("Float(%q) = %v, %v; want error %q", in, f, err, c["float_error"])
			}
		case err != nil:
			t.Errorf("Float(%q): %v", in, err)
		default:
			got := document.FormatFloat(f)
			if f != f {
				got = "nan"
			}
			if got != c["float"] {
				t.Errorf("Float(%q) = %s, want %s", in, got, c["float"])
			}
		}
		b, err := B64Decode(in)
		switch want := c["b64_error"]; {
		case want == "binascii.Error":
			if _, ok := err.(*BinasciiError); !ok {
				t.Errorf("B64Decode(%q) = %x, %v; want a binascii.Error", in, b, err)
			}
		case want != "":
			if err == nil || err.Error() != want {
				t.Errorf("B64Decode(%q) = %x, %v; want %q", in, b, err, want)
			}
		case err != nil:
			t.Errorf("B64Decode(%q): %v", in, err)
		default:
			if hex.EncodeToString(b) != c["b64"] {
				t.Errorf("B64Decode(%q) = %x, want %s", in, b, c["b64"])
			}
		}
	}
}

func FuzzInt(f *testing.F) {
	for _, s := range []string{" 7 ", "1_0", "abc", "٣", "-0", "1__0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = Int(s)
		_, _ = Float(s)
		_, _ = B64Decode(s)
	})
}
