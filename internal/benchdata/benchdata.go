// Package benchdata makes the service responses the benchmarks decode and
// print: list-users bodies of any size, shaped like the ones moto returns,
// and a describe-user-pool-client body. It is used by tests only.
package benchdata

import (
	"fmt"
	"strconv"
)

// PageSize is moto's (and Cognito's) default list-users page.
const PageSize = 60

// User is the JSON of the i-th user, as moto writes it.
func User(i int) []byte {
	return fmt.Appendf(nil, `{"Username": "user%05d", "Attributes": [{"Name": "email", "Value": "user%05d@example.com"}, `+
		`{"Name": "sub", "Value": "%08x-f923-429a-8def-%012x"}], "UserCreateDate": %d.124, "UserLastModifiedDate": %d.5, `+
		`"Enabled": true, "UserStatus": "CONFIRMED", "MFAOptions": []}`, i, i, i*2654435761&0xffffffff, i, 1795319669+i, 1795319669+i)
}

// ListUsers is a list-users body with users [from, to) and, when more
// remain before total, a PaginationToken naming the next start.
func ListUsers(from, to, total int) []byte {
	b := []byte(`{"Users": [`)
	for i := from; i < to; i++ {
		if i > from {
			b = append(b, ", "...)
		}
		b = append(b, User(i)...)
	}
	b = append(b, ']')
	if to < total {
		b = append(b, `, "PaginationToken": "`...)
		b = strconv.AppendInt(b, int64(to), 10)
		b = append(b, '"')
	}
	return append(b, '}')
}

// DescribeUserPoolClient is moto's answer for a client with a few settings.
const DescribeUserPoolClient = `{"UserPoolClient": {"UserPoolId": "us-east-1_17e6704f62aa408ca832f3f8301eca24", ` +
	`"ClientName": "C", "ClientId": "ed8af19f9a154db49e1818802f", "RefreshTokenValidity": 30, ` +
	`"AllowedOAuthFlowsUserPoolClient": false, "EnableTokenRevocation": true, ` +
	`"EnablePropagateAdditionalUserContextData": false, "AuthSessionValidity": 3}}`

// Sizes are the user counts the scaling benchmarks run: 200 and 2,000,
// and 20,000 too when BENCH_LARGE is set (make bench sets it).
func Sizes(getenv func(string) string) []int {
	if getenv("BENCH_LARGE") != "" {
		return []int{200, 2000, 20000}
	}
	return []int{200, 2000}
}
