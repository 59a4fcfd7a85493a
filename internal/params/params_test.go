package params

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/params/pyjson"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
)

// recorded is one case of testdata/unpack_recorded.json, written by
// testdata/record.py from the reference AWS CLI: the request body it sent,
// or its exit code and stderr.
type recorded struct {
	Name   string          `json:"name"`
	Op     string          `json:"op"`
	Param  string          `json:"param"`
	Value  json.RawMessage `json:"value"`
	Exit   int             `json:"exit"`
	Body   string          `json:"body"`
	Stderr string          `json:"stderr"`
}

func findMember(t *testing.T, m *model.Model, op, cliName string) (*model.Shape, *model.Member) {
	t.Helper()
	name, ok := model.OperationByCLIName(op)
	if !ok {
		t.Fatalf("no operation %s", op)
	}
	in := m.Shape(m.Operation(name).Input.Shape)
	for _, mem := range in.Members {
		if "--"+model.XformName(mem.Name, '-') == cliName {
			return in, mem
		}
	}
	t.Fatalf("%s has no %s", op, cliName)
	return nil, nil
}

// toPlain turns a document value into what the request body holds, with
// structures compared without order (botocore writes them in model order).
func toPlain(v any) any {
	switch x := v.(type) {
	case *document.Map:
		out := map[string]any{}
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			out[k] = toPlain(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = toPlain(e)
		}
		return out
	case []byte:
		return base64.StdEncoding.EncodeToString(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case *big.Int:
		return x.String()
	case float64:
		if math.IsNaN(x) {
			return "NaN"
		}
		return document.FormatFloat(x)
	}
	return v
}

// valStr is str() of a value as botocore's validation messages print it.
func valStr(v any) string { return pyfmt.Str(v) }

var invalidType = regexp.MustCompile(`(?s)Invalid type for parameter ([^,]+), value: (.*), type: <class`)

// at walks a validation path ("AnalyticsConfiguration.ApplicationId",
// "ReadAttributes[1]") below the top-level member.
func at(v any, path string) (any, bool) {
	segs := strings.Split(path, ".")
	first := segs[0]
	if i := strings.IndexByte(first, '['); i >= 0 {
		segs[0] = first[i:]
	} else {
		segs = segs[1:]
	}
	for _, seg := range segs {
		key := seg
		idx := []int{}
		if i := strings.IndexByte(seg, '['); i >= 0 {
			key = seg[:i]
			for _, p := range strings.Split(seg[i+1:len(seg)-1], "][") {
				n, _ := strconv.Atoi(p)
				idx = append(idx, n)
			}
		}
		if key != "" {
			mp, ok := v.(*document.Map)
			if !ok {
				return nil, false
			}
			if v, ok = mp.Get(key); !ok {
				return nil, false
			}
		}
		for _, n := range idx {
			l, ok := v.([]any)
			if !ok || n >= len(l) {
				return nil, false
			}
			v = l[n]
		}
	}
	return v, true
}

// translate turns 2.9.19's error text into 2.36.7's (REFERENCE.md): its
// shorthand syntax errors echo the input with one extra leading space.
func translate(msg string) string {
	if strings.Contains(msg, ": Expected: '") {
		return strings.Replace(msg, "for input:\n", "for input:\n ", 1)
	}
	return msg
}

func TestUnpackRecorded(t *testing.T) {
	data, err := os.ReadFile("testdata/unpack_recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []recorded
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	t.Chdir("testdata")
	m := model.New()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			in, mem := findMember(t, m, c.Op, c.Param)
			shape := m.MemberShape(mem)
			var raw any
			var list []string
			if json.Unmarshal(c.Value, &list) == nil {
				raw = list
			} else {
				var s string
				if err := json.Unmarshal(c.Value, &s); err != nil {
					t.Fatal(err)
				}
				raw = s
			}
			got, err := Unpack(m, shape, c.Param, raw)
			if err == nil {
				req := document.NewMap(1)
				req.Set(mem.Name, got)
				err = DecodeBlobs(m, in, req)
				got, _ = req.Get(mem.Name)
			}
			want := strings.TrimSuffix(strings.TrimPrefix(c.Stderr, "\n"), "\n")
			switch {
			case c.Exit == 0:
				if err != nil {
					t.Fatalf("Unpack: %v; want success", err)
				}
				body, jerr := pyjson.Loads(c.Body)
				if jerr != nil {
					t.Fatal(jerr)
				}
				wantV, _ := body.(*document.Map).Get(mem.Name)
				g, w := toPlain(got), toPlain(wantV)
				if fmt.Sprintf("%#v", g) != fmt.Sprintf("%#v", w) {
					t.Errorf("value\n got %#v\nwant %#v", g, w)
				}
			case strings.HasPrefix(want, "Parameter validation failed:"):
				// The reference built a value and its validation rejected it:
				// compare the value it printed with ours.
				if err != nil {
					t.Fatalf("Unpack: %v; want a value that fails validation", err)
				}
				if sm := invalidType.FindStringSubmatch(want); sm != nil {
					v, ok := at(got, sm[1])
					if !ok {
						t.Fatalf("no %s in %s", sm[1], pyfmt.Repr(got))
					}
					if s := valStr(v); s != sm[2] {
						t.Errorf("value at %s = %s, want %s", sm[1], s, sm[2])
					}
				}
			default:
				ce, ok := err.(*clierr.Error)
				if !ok {
					t.Fatalf("err = %#v (%v), want exit %d: %s", err, err, c.Exit, want)
				}
				if ce.Exit != c.Exit || ce.Message != translate(want) {
					t.Errorf("got exit %d\n%s\nwant exit %d\n%s", ce.Exit, ce.Message, c.Exit, translate(want))
				}
				if c.Exit == clierr.ExitUsage && ce.Code != "ParamValidation" {
					t.Errorf("code %q", ce.Code)
				}
			}
		})
	}
}

// FuzzUnpack feeds arbitrary text to parameters of every kind; no input may
// panic, and every failure must be a clierr.Error.
func FuzzUnpack(f *testing.F) {
	for _, s := range []string{"AccessToken=hours", "{}", "[1,]", " 7 ", "a=[{b=1}]", "file://", "RecoveryMechanisms={Priority=x}"} {
		f.Add(s)
	}
	m := model.New()
	params := []struct{ op, member string }{
		{"UpdateUserPoolClient", "TokenValidityUnits"},
		{"UpdateUserPoolClient", "AccessTokenValidity"},
		{"UpdateUserPoolClient", "ReadAttributes"},
		{"UpdateUserPoolClient", "RefreshTokenRotation"},
		{"UpdateUserPool", "AccountRecoverySetting"},
		{"UpdateUserPool", "UserPoolTags"},
		{"CreateUserPool", "Schema"},
		{"CompleteWebAuthnRegistration", "Credential"},
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.HasPrefix(s, "file") {
			return // no reading of arbitrary paths
		}
		for _, p := range params {
			in := m.Shape(m.Operation(p.op).Input.Shape)
			shape := m.MemberShape(in.FindMember(p.member))
			var raw any = s
			if shape.Type == "list" {
				raw = strings.Fields(s)
				if len(raw.([]string)) == 0 {
					continue
				}
			}
			_, err := Unpack(m, shape, "--x", raw)
			if err != nil {
				if _, ok := err.(*clierr.Error); !ok {
					t.Fatalf("%s %q: %T %v", p.member, s, err, err)
				}
			}
		}
	})
}
