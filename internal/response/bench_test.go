package response

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/benchdata"
	"github.com/cognito-cli/aws/model"
)

// BenchmarkDecodeListUsers decodes one list-users body of n users (the
// merged result of a full pagination is the same size); ns/user and B/user
// stay flat when decoding is linear (make bench prints them).
func BenchmarkDecodeListUsers(b *testing.B) {
	m := model.New()
	shape := m.Shape("ListUsersResponse")
	for _, n := range benchdata.Sizes(os.Getenv) {
		body := benchdata.ListUsers(0, n, n)
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := DecodeWith(m, shape, body, Options{Location: time.UTC}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeDescribeUserPoolClient is the one-call scenarios' decode.
func BenchmarkDecodeDescribeUserPoolClient(b *testing.B) {
	m := model.New()
	shape := m.Shape("DescribeUserPoolClientResponse")
	body := []byte(benchdata.DescribeUserPoolClient)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeWith(m, shape, body, Options{Location: time.UTC}); err != nil {
			b.Fatal(err)
		}
	}
}
