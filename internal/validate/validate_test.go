package validate

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/model"
)

// golden is what testdata/record.py captured from the reference CLI.
type golden struct {
	RC     int    `json:"rc"`
	Stderr string `json:"stderr"`
}

func inputShape(t *testing.T, m *model.Model, cliOp string) *model.Shape {
	t.Helper()
	name, ok := model.OperationByCLIName(cliOp)
	if !ok {
		t.Fatalf("no operation %s", cliOp)
	}
	return m.Shape(m.Operation(name).Input.Shape)
}

func str(m *document.Map, k string) string {
	v, _ := m.Get(k)
	s, _ := v.(string)
	return s
}

func TestReferenceGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := document.ParseJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	graw, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]golden
	if err := json.Unmarshal(graw, &gold); err != nil {
		t.Fatal(err)
	}
	m := model.New()
	cases := doc.([]any)
	if len(cases) != len(gold) {
		t.Fatalf("%d cases but %d golden results: rerun testdata/record.py", len(cases), len(gold))
	}
	for _, c := range cases {
		c := c.(*document.Map)
		name := str(c, "name")
		t.Run(name, func(t *testing.T) {
			g, ok := gold[name]
			if !ok {
				t.Fatalf("no golden result: rerun testdata/record.py")
			}
			in, _ := c.Get("input")
			params := in.(*document.Map).Copy()
			if bv, ok := c.Get("bytes"); ok {
				b := bv.(*document.Map)
				data, err := base64.StdEncoding.DecodeString(str(b, "b64"))
				if err != nil {
					t.Fatal(err)
				}
				params.Set(str(b, "member"), data)
			}
			err := Validate(m, inputShape(t, m, str(c, "op")), params)
			const prefix = "\nParameter validation failed:\n"
			if !strings.HasPrefix(g.Stderr, prefix) {
				if err != nil {
					t.Fatalf("reference accepted the input (%q), we report:\n%v", g.Stderr, err)
				}
				return
			}
			want := strings.TrimSuffix(g.Stderr[1:], "\n")
			if err == nil {
				t.Fatalf("reference reports\n%s\nwe accept the input", want)
			}
			var ce *clierr.Error
			if !errors.As(err, &ce) || ce.Exit != clierr.ExitUsage || ce.Code != "ParamValidation" {
				t.Fatalf("want a ParamValidation error, got %#v", err)
			}
			if ce.Message != want {
				t.Errorf("message mismatch\n got: %q\nwant: %q", ce.Message, want)
			}
		})
	}
}

// Cases from the recorded transcripts of the conformance suite.
func TestTranscripts(t *testing.T) {
	m := model.New()
	shape := inputShape(t, m, "update-user-pool-client")

	// err-validation-several
	p := document.NewMap(5)
	p.Set("UserPoolId", "us-east-1_bdd640fb06674ad19c80317fa3b1799d")
	p.Set("ClientId", "")
	p.Set("ClientName", "")
	p.Set("AccessTokenValidity", int64(0))
	p.Set("IdTokenValidity", int64(-5))
	want := "Parameter validation failed:\n" +
		"Invalid length for parameter ClientId, value: 0, valid min length: 1\n" +
		"Invalid length for parameter ClientName, value: 0, valid min length: 1\n" +
		"Invalid value for parameter AccessTokenValidity, value: 0, valid min value: 1\n" +
		"Invalid value for parameter IdTokenValidity, value: -5, valid min value: 1"
	if err := Validate(m, shape, p); err == nil || err.Error() != want {
		t.Errorf("err-validation-several: got %v", err)
	}

	// fileb-on-string
	p = document.NewMap(3)
	p.Set("UserPoolId", "us-east-1_bdd640fb06674ad19c80317fa3b1799d")
	p.Set("ClientId", "43b7a3a69a8d4a03980d7b71d8")
	p.Set("ClientName", []byte("hello world"))
	want = "Parameter validation failed:\n" +
		"Invalid type for parameter ClientName, value: b'hello world', type: <class 'bytes'>, valid types: <class 'str'>"
	if err := Validate(m, shape, p); err == nil || err.Error() != want {
		t.Errorf("fileb-on-string: got %v", err)
	}

	// sh-unknown-nested-key
	pool := inputShape(t, m, "update-user-pool")
	pp := document.NewMap(2)
	pp.Set("MinimumLength", int64(10))
	pp.Set("Foo", int64(1))
	pol := document.NewMap(1)
	pol.Set("PasswordPolicy", pp)
	p = document.NewMap(2)
	p.Set("UserPoolId", "us-east-1_bdd640fb06674ad19c80317fa3b1799d")
	p.Set("Policies", pol)
	want = "Parameter validation failed:\n" +
		`Unknown parameter in Policies.PasswordPolicy: "Foo", must be one of: MinimumLength, RequireUppercase, RequireLowercase, RequireNumbers, RequireSymbols, PasswordHistorySize, TemporaryPasswordValidityDays`
	if err := Validate(m, pool, p); err == nil || err.Error() != want {
		t.Errorf("sh-unknown-nested-key: got %v", err)
	}
}

// The document validator names nested values by their bare key, and only
// bytes can be wrong inside a document built from our value types.
func TestDocumentBytes(t *testing.T) {
	m := model.New()
	shape := inputShape(t, m, "create-managed-login-branding")
	inner := document.NewMap(1)
	inner.Set("blob", []byte("x"))
	settings := document.NewMap(1)
	settings.Set("outer", []any{inner})
	p := document.NewMap(3)
	p.Set("UserPoolId", "p")
	p.Set("ClientId", "c")
	p.Set("Settings", settings)
	rep := Report(m, shape, p)
	want := "Invalid type for document parameter blob, value: b'x', type: <class 'bytes'>, valid types: <class 'str'>, <class 'int'>, <class 'bool'>, <class 'float'>, <class 'list'>, <class 'dict'>"
	if len(rep) != 1 || rep[0] != want {
		t.Errorf("got %q", rep)
	}
}

func TestNilShapeAndParams(t *testing.T) {
	m := model.New()
	if err := Validate(m, nil, nil); err != nil {
		t.Fatal(err)
	}
	shape := inputShape(t, m, "update-user-pool-client")
	err := Validate(m, shape, document.NewMap(0))
	if err == nil || !strings.Contains(err.Error(), `Missing required parameter in input: "UserPoolId"`) {
		t.Fatalf("got %v", err)
	}
}

// Objects parsed from JSON text on the command line are OrderedDicts in the
// AWS CLI (argprocess: json.loads(object_pairs_hook=OrderedDict); the
// installed reference shows "type: <class 'collections.OrderedDict'>" for
// --read-attributes '[{"a":1}]'). The expected text is what Python 3.12 and
// 3.13 print for str() of such a value, the interpreters current AWS CLI v2
// builds ship with (3.11 still printed OrderedDict([('a', 1)])).
func TestJSONMembersOrderedDict(t *testing.T) {
	m := model.New()
	shape := inputShape(t, m, "update-user-pool-client")
	inner := document.NewMap(1)
	inner.Set("b", []any{int64(1), document.NewMap(0)})
	obj := document.NewMap(2)
	obj.Set("a", inner)
	obj.Set("it's", nil)
	p := document.NewMap(4)
	p.Set("UserPoolId", "p")
	p.Set("ClientId", "c")
	p.Set("ReadAttributes", []any{obj})
	p.Set("ClientName", obj) // not from JSON text: a plain dict
	rep := ReportWith(m, shape, p, Options{JSONMembers: map[string]bool{"ReadAttributes": true}})
	want := []string{
		`Invalid type for parameter ReadAttributes[0], value: OrderedDict({'a': OrderedDict({'b': [1, OrderedDict()]}), "it's": None}), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>`,
		`Invalid type for parameter ClientName, value: {'a': {'b': [1, {}]}, "it's": None}, type: <class 'dict'>, valid types: <class 'str'>`,
	}
	if strings.Join(rep, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(rep, "\n"), strings.Join(want, "\n"))
	}
}
