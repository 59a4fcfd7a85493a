package model

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
)

// The compiled-in tables must say exactly what the vendored botocore files
// say: every shape and operation, decoded here from service-2.json with
// encoding/json (structure members in file order), equals the static data.
func TestTablesMatchVendoredModel(t *testing.T) {
	raw, err := os.ReadFile("botocore/service-2.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := document.ParseJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	root := v.(*document.Map)
	m := New()

	shapes, _ := root.Get("shapes")
	sm := shapes.(*document.Map)
	if sm.Len() != len(shapeTable) {
		t.Errorf("%d shapes in the file, %d in the table", sm.Len(), len(shapeTable))
	}
	for _, name := range sm.Keys() {
		sv, _ := sm.Get(name)
		s := sv.(*document.Map).Copy()
		var members []*Member
		if mv, ok := s.Get("members"); ok {
			members = []*Member{}
			mm := mv.(*document.Map)
			for _, mn := range mm.Keys() {
				ref, _ := mm.Get(mn)
				mem := &Member{Name: mn}
				redecode(t, ref, mem)
				members = append(members, mem)
			}
			s.Delete("members")
		}
		want := &Shape{}
		redecode(t, s, want)
		want.Name, want.Members = name, members
		if got := m.Shape(name); !reflect.DeepEqual(got, want) {
			t.Errorf("shape %s:\n got %+v\nwant %+v", name, got, want)
		}
	}

	ops, _ := root.Get("operations")
	om := ops.(*document.Map)
	if om.Len() != len(operationTable) {
		t.Errorf("%d operations in the file, %d in the table", om.Len(), len(operationTable))
	}
	for _, name := range om.Keys() {
		ov, _ := om.Get(name)
		want := &Operation{}
		redecode(t, ov, want)
		if got := m.Operation(name); !reflect.DeepEqual(got, want) {
			t.Errorf("operation %s:\n got %+v\nwant %+v", name, got, want)
		}
	}
	if m.Shape("NoSuchShape") != nil || m.Operation("NoSuchOperation") != nil {
		t.Error("unknown names must give nil")
	}
}

func redecode(t *testing.T, v any, into any) {
	t.Helper()
	var b []byte
	b = appendJSON(b, v)
	if err := json.Unmarshal(b, into); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
}

func appendJSON(b []byte, v any) []byte {
	switch t := v.(type) {
	case *document.Map:
		b = append(b, '{')
		for i, k := range t.Keys() {
			if i > 0 {
				b = append(b, ',')
			}
			kb, _ := json.Marshal(k)
			b = append(append(b, kb...), ':')
			e, _ := t.Get(k)
			b = appendJSON(b, e)
		}
		return append(b, '}')
	case []any:
		b = append(b, '[')
		for i, e := range t {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, e)
		}
		return append(b, ']')
	default:
		vb, _ := json.Marshal(t)
		return append(b, vb...)
	}
}

// Command names and paginators come from the same files.
func TestCLINamesAndPaginators(t *testing.T) {
	names := OperationNames()
	cli := CLINames()
	if len(cli) != len(names) || !sort.StringsAreSorted(cli) || !sort.StringsAreSorted(names) {
		t.Fatalf("names: %d model, %d CLI, sorted %v/%v", len(names), len(cli), sort.StringsAreSorted(names), sort.StringsAreSorted(cli))
	}
	for _, n := range names {
		c := XformName(n, '-')
		if back, ok := OperationByCLIName(c); !ok || back != n {
			t.Errorf("OperationByCLIName(%q) = %q, %v; want %q", c, back, ok, n)
		}
	}
	if _, ok := OperationByCLIName("no-such-op"); ok {
		t.Error("unknown command name found")
	}
	for _, tc := range []struct{ op, cli string }{
		{"UpdateUserPoolClient", "update-user-pool-client"},
		{"AdminListUserAuthEvents", "admin-list-user-auth-events"},
	} {
		if got, _ := OperationByCLIName(tc.cli); got != tc.op {
			t.Errorf("OperationByCLIName(%q) = %q", tc.cli, got)
		}
	}

	raw, err := os.ReadFile("botocore/paginators-1.json")
	if err != nil {
		t.Fatal(err)
	}
	var pag struct {
		Pagination map[string]struct {
			InputToken  string `json:"input_token"`
			OutputToken string `json:"output_token"`
			LimitKey    string `json:"limit_key"`
			ResultKey   string `json:"result_key"`
		} `json:"pagination"`
	}
	if err := json.Unmarshal(raw, &pag); err != nil {
		t.Fatal(err)
	}
	count := 0
	for _, n := range names {
		got, ok := PaginatorFor(n)
		want, wok := pag.Pagination[n]
		if ok != wok || got != (Paginator{want.InputToken, want.OutputToken, want.LimitKey, want.ResultKey}) {
			t.Errorf("PaginatorFor(%s) = %+v, %v; file says %+v, %v", n, got, ok, want, wok)
		}
		if ok {
			count++
		}
	}
	if count != len(pag.Pagination) {
		t.Errorf("%d paginators found, file has %d", count, len(pag.Pagination))
	}
}

func BenchmarkOperationLookup(b *testing.B) {
	m := New()
	b.ReportAllocs()
	for b.Loop() {
		name, _ := OperationByCLIName("update-user-pool-client")
		op := m.Operation(name)
		in := m.Shape(op.Input.Shape)
		for _, mem := range in.Members {
			_ = m.Shape(mem.Shape)
		}
	}
}
