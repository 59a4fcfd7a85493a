package skeleton

import (
	"strings"
	"testing"

	"github.com/cognito-cli/aws/model"
)

// docOverview stops decoding at the first sentence; for every documentation
// string in the model that must give what decoding the whole text (and so
// checking all of it is well-formed) gives.
func TestOverviewStopsEarlyOnlyWhereExact(t *testing.T) {
	m := model.New()
	docs := map[string]bool{}
	seen := map[string]bool{}
	var walk func(name string)
	walk = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		s := m.Shape(name)
		docs[s.Documentation] = true
		for _, mem := range s.Members {
			docs[mem.Documentation] = true
			walk(mem.Shape)
		}
		for _, r := range []*model.Ref{s.Member, s.Key, s.Value} {
			if r != nil {
				docs[r.Documentation] = true
				walk(r.Shape)
			}
		}
	}
	for _, name := range model.OperationNames() {
		op := m.Operation(name)
		docs[op.Documentation] = true
		for _, r := range []*model.Ref{op.Input, op.Output} {
			if r != nil {
				walk(r.Shape)
			}
		}
	}
	if len(docs) < 500 {
		t.Fatalf("only %d documentation strings found", len(docs))
	}
	full := func(doc string) string {
		content := stripXML(doc)
		if i := strings.IndexAny(content, ".:"); i >= 0 {
			content = content[:i]
		}
		if content != "" {
			content += "."
		}
		content = strings.ReplaceAll(content, "\n", " ")
		return strings.ReplaceAll(content, "\u2028", " ")
	}
	for doc := range docs {
		if got, want := docOverview(doc), full(doc); got != want {
			t.Errorf("overview of %.80q...: early stop gives %q, full decode %q", doc, got, want)
		}
	}
}
