package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/benchdata"
)

// benchService answers DescribeUserPoolClient, UpdateUserPoolClient and
// ListUsers (pages of 60 over users users) as moto would.
func benchService(b *testing.B, users int) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		switch strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "AWSCognitoIdentityProviderService.") {
		case "ListUsers":
			var req struct{ PaginationToken string }
			if err := json.Unmarshal(body, &req); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			from, _ := strconv.Atoi(req.PaginationToken)
			w.Write(benchdata.ListUsers(from, min(from+benchdata.PageSize, users), users))
		default:
			io.WriteString(w, benchdata.DescribeUserPoolClient)
		}
	}))
	b.Cleanup(srv.Close)
	return srv.URL
}

// benchMain runs Main in-process b.N times; output goes to io.Discard.
func benchMain(b *testing.B, args ...string) {
	dir := b.TempDir()
	env := map[string]string{
		"HOME": dir, "AWS_CONFIG_FILE": dir + "/config", "AWS_SHARED_CREDENTIALS_FILE": dir + "/credentials",
		"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
		"AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "AWS_CA_BUNDLE": "",
	}
	// The SDK reads the process environment.
	for k, v := range env {
		b.Setenv(k, v)
	}
	ios := &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard, Getenv: func(k string) string { return env[k] }}
	want := Main(args, ios)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if code := Main(args, ios); code != want {
			b.Fatalf("exit code %d, first run gave %d", code, want)
		}
	}
}

// s5's flags: shorthand, lists, booleans and integers.
var s5Args = []string{"cognito-idp", "update-user-pool-client", "--user-pool-id", "P", "--client-id", "C",
	"--client-name", "bench", "--refresh-token-validity", "30", "--access-token-validity", "60", "--id-token-validity", "60",
	"--token-validity-units", "AccessToken=minutes,IdToken=minutes,RefreshToken=days",
	"--explicit-auth-flows", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH",
	"--supported-identity-providers", "COGNITO", "--callback-urls", "myapp://cb", "--logout-urls", "myapp://out",
	"--allowed-o-auth-flows", "code", "--allowed-o-auth-scopes", "openid", "email",
	"--prevent-user-existence-errors", "ENABLED", "--allowed-o-auth-flows-user-pool-client", "--enable-token-revocation"}

// BenchmarkMain is the bench scenarios run in-process: everything a run
// does except process start-up and package init (see the README's
// Performance section for those). s1–s3 are offline; s5dry builds and
// validates s5's request without sending it; the others talk to a
// loopback fake of the service.
func BenchmarkMain(b *testing.B) {
	op := []string{"cognito-idp", "update-user-pool-client"}
	b.Run("s1-skeleton", func(b *testing.B) { benchMain(b, append(op, "--generate-cli-skeleton")...) })
	b.Run("s2-skeleton-yaml", func(b *testing.B) { benchMain(b, append(op, "--generate-cli-skeleton", "yaml-input")...) })
	b.Run("s3-missing-arg", func(b *testing.B) { benchMain(b, append(op, "--user-pool-id", "P")...) })
	b.Run("s5dry-request", func(b *testing.B) {
		benchMain(b, append(append([]string{}, s5Args...), "--cli-dry-run", "--endpoint-url", "http://127.0.0.1:9")...)
	})
	url := benchService(b, 0)
	describe := []string{"cognito-idp", "describe-user-pool-client", "--user-pool-id", "P", "--client-id", "C", "--endpoint-url", url}
	b.Run("s4-describe-json", func(b *testing.B) { benchMain(b, append(describe, "--output", "json")...) })
	b.Run("s5-update", func(b *testing.B) {
		benchMain(b, append(append([]string{}, s5Args...), "--output", "json", "--endpoint-url", url)...)
	})
	b.Run("s6-describe-table", func(b *testing.B) { benchMain(b, append(describe, "--output", "table")...) })
}

// BenchmarkListUsers is s7 and s8 (full pagination, pages of 60) over
// a growing pool; make bench divides by the user count.
func BenchmarkListUsers(b *testing.B) {
	for _, n := range benchdata.Sizes(os.Getenv) {
		url := benchService(b, n)
		args := []string{"cognito-idp", "list-users", "--user-pool-id", "U", "--endpoint-url", url}
		b.Run(fmt.Sprintf("s7-json/users=%d", n), func(b *testing.B) { benchMain(b, append(args, "--output", "json")...) })
		b.Run(fmt.Sprintf("s8-text-query/users=%d", n), func(b *testing.B) {
			benchMain(b, append(args, "--output", "text", "--query", "Users[].Username")...)
		})
	}
}
