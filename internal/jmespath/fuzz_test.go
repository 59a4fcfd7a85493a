package jmespath

import (
	"testing"

	"github.com/cognito-cli/aws/internal/document"
)

// FuzzQuery compiles and runs arbitrary expressions over a fixed document:
// nothing may panic or hang, and every failure must be a clierr error.
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{
		"foo.bar", "UserPoolClients[?ClientName==`web-app`].ClientId", "{a: b c: d}",
		"sort_by(people, &age)[-1]", "@(foo)", "a[::-1]", "merge(`{}`, `[[1, 2]]`)",
		"to_number(' ١٢ ')", "`[NaN]` == `[NaN]`", "max_by(@, &a)", "\"\\u12\"",
		"people[*].[name, age] | [0][1]", "!!`0`", "foo[99999999999999999999:0:-1]",
	} {
		f.Add(seed)
	}
	doc, err := document.ParseJSON([]byte(`{"foo": {"bar": [1, 2.5, "x", null, true, {"a": 1}]},
		"people": [{"name": "a", "age": 3}, {"name": "b", "age": 1.5}, {"name": 1}],
		"UserPoolClients": [{"ClientName": "web-app", "ClientId": "1"}], "a": [[1, [2]], "s", {}],
		"big": 123456789012345678901234567890}`))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		q, err := Compile(expr)
		if err != nil {
			if err.Error() == "" {
				t.Errorf("empty compile error for %q", expr)
			}
			return
		}
		if _, err := q.Search(doc); err != nil && err.Error() == "" {
			t.Errorf("empty search error for %q", expr)
		}
	})
}
