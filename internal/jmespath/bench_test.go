package jmespath

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/benchdata"
	"github.com/cognito-cli/aws/internal/response"
	"github.com/cognito-cli/aws/model"
)

// BenchmarkQuery runs s8's --query, and a filter with a projection, over
// a list-users result of n users.
func BenchmarkQuery(b *testing.B) {
	m := model.New()
	for _, c := range []struct{ name, expr string }{
		{"projection", "Users[].Username"},
		{"filter", "Users[?Enabled && UserStatus=='CONFIRMED'].{u: Username, e: Attributes[?Name=='email'] | [0].Value}"},
	} {
		q, err := Compile(c.expr)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range benchdata.Sizes(os.Getenv) {
			v, err := response.DecodeWith(m, m.Shape("ListUsersResponse"), benchdata.ListUsers(0, n, n), response.Options{Location: time.UTC})
			if err != nil {
				b.Fatal(err)
			}
			b.Run(fmt.Sprintf("%s/users=%d", c.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := q.Search(v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile("Users[?Enabled && UserStatus=='CONFIRMED'].{u: Username, e: Attributes[?Name=='email'] | [0].Value}"); err != nil {
			b.Fatal(err)
		}
	}
}
