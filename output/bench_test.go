package output

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/benchdata"
	"github.com/cognito-cli/aws/internal/response"
	"github.com/cognito-cli/aws/model"
)

// listUsers is the decoded result of a list-users call with n users.
func listUsers(b *testing.B, n int) any {
	m := model.New()
	v, err := response.DecodeWith(m, m.Shape("ListUsersResponse"), benchdata.ListUsers(0, n, n), response.Options{Location: time.UTC})
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// BenchmarkFormat prints a list-users result of n users in every format.
func BenchmarkFormat(b *testing.B) {
	formats := []struct {
		name  string
		write func(io.Writer, any) error
	}{
		{"json", WriteJSON},
		{"text", WriteText},
		{"table", func(w io.Writer, v any) error { return WriteTableWidth(w, "ListUsers", v, false, DefaultTableWidth) }},
		{"yaml", WriteYAML},
		{"yaml-stream", WriteYAMLStream},
	}
	for _, n := range benchdata.Sizes(os.Getenv) {
		v := listUsers(b, n)
		for _, f := range formats {
			b.Run(fmt.Sprintf("%s/users=%d", f.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := f.write(io.Discard, v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
