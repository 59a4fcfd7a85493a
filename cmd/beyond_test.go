package cmd

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/motoserver"
)

// recorded is one request seen by the recording proxy.
type recorded struct {
	op   string
	body map[string]any
}

// recorder is a proxy in front of moto that keeps every request body, so
// tests can assert on what was sent where moto's behaviour differs from
// Cognito's (its update-user-pool-client merges instead of resetting).
type recorder struct {
	mu   sync.Mutex
	reqs []recorded
	srv  *httptest.Server
}

func newRecorder(t *testing.T, target string) *recorder {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	proxy := httputil.NewSingleHostReverseProxy(u)
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(data))
		body := map[string]any{}
		if err := json.Unmarshal(data, &body); err != nil {
			t.Errorf("request body is not a JSON object: %q", data)
		}
		op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "AWSCognitoIdentityProviderService.")
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, recorded{op: op, body: body})
		rec.mu.Unlock()
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

// take returns the requests recorded so far and forgets them.
func (r *recorder) take() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.reqs
	r.reqs = nil
	return out
}

func (r *recorder) ops() []string {
	var out []string
	for _, q := range r.take() {
		out = append(out, q.op)
	}
	return out
}

// setEnv points the SDK (which reads the process environment) at dummy
// credentials and no configuration files.
func setEnv(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	t.Setenv("AWS_DEFAULT_REGION", "us-east-1")
	unsetenv(t, "AWS_REGION")
	unsetenv(t, "AWS_PROFILE")
	t.Setenv("AWS_CONFIG_FILE", "/nonexistent/config")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
	t.Setenv("AWS_PAGER", "")
	t.Setenv("AWS_CLI_FALLBACK", "")
}

// unsetenv removes a variable for the test; t.Setenv could only empty it,
// which the CLI reads as a profile named "".
func unsetenv(t *testing.T, key string) {
	old, had := os.LookupEnv(key)
	t.Setenv(key, "") // marks the test as changing the environment
	os.Unsetenv(key)
	t.Cleanup(func() {
		if had {
			os.Setenv(key, old)
		}
	})
}

type runResult struct {
	stdout, stderr string
	code           int
}

// runIn runs Main in-process; ios may preset streams and fields.
func runIn(ios *IOStreams, args ...string) runResult {
	var out, errb bytes.Buffer
	if ios.In == nil {
		ios.In = strings.NewReader("")
	}
	if ios.Out == nil {
		ios.Out = &out
	}
	if ios.ErrOut == nil {
		ios.ErrOut = &errb
	}
	if ios.Getenv == nil {
		ios.Getenv = os.Getenv
	}
	code := Main(args, ios)
	return runResult{out.String(), errb.String(), code}
}

func run(args ...string) runResult { return runIn(&IOStreams{}, args...) }

func startMoto(t *testing.T, fixture string) (*motoserver.Server, map[string]string) {
	t.Helper()
	if err := motoserver.Available(); err != nil {
		t.Skipf("moto is not available: %v", err)
	}
	m := motoserver.StartT(t)
	if err := m.Reset(); err != nil {
		t.Fatal(err)
	}
	vars, err := m.ApplyFixture(fixture)
	if err != nil {
		t.Fatal(err)
	}
	return m, vars
}

func describeClient(t *testing.T, m *motoserver.Server, pool, client string) map[string]any {
	t.Helper()
	out, err := m.Call("DescribeUserPoolClient", map[string]any{"UserPoolId": pool, "ClientId": client})
	if err != nil {
		t.Fatal(err)
	}
	return out["UserPoolClient"].(map[string]any)
}

func TestPreserveExistingClient(t *testing.T) {
	m, v := startMoto(t, "pool+client")
	setEnv(t) // after moto starts: moto must not inherit these
	rec := newRecorder(t, m.Endpoint())
	pool, client := v["POOL_ID"], v["CLIENT_ID"]
	before := describeClient(t, m, pool, client)
	if len(before) < 10 {
		t.Fatalf("fixture client has too few attributes to prove anything: %v", before)
	}

	// Without the option the request holds only what was given: the
	// reference's behaviour, which Cognito answers by resetting the rest.
	r := run("cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", client,
		"--client-name", "renamed", "--endpoint-url", rec.srv.URL)
	if r.code != 0 {
		t.Fatalf("plain update: %d %s", r.code, r.stderr)
	}
	reqs := rec.take()
	want := map[string]any{"UserPoolId": pool, "ClientId": client, "ClientName": "renamed"}
	if len(reqs) != 1 || reqs[0].op != "UpdateUserPoolClient" || !reflect.DeepEqual(reqs[0].body, want) {
		t.Fatalf("plain update sent %+v, want only %v", reqs, want)
	}
	plainBody := reqs[0].body
	if ref := referenceCLI(t); ref != nil {
		cmd := ref("cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", client,
			"--client-name", "renamed", "--endpoint-url", rec.srv.URL)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("reference CLI: %v\n%s", err, out)
		}
		refReqs := rec.take()
		if len(refReqs) != 1 || !reflect.DeepEqual(refReqs[0].body, plainBody) {
			t.Fatalf("reference sent %+v, we sent %v", refReqs, plainBody)
		}
	}

	// With it: a describe, then an update carrying every other attribute
	// as it was, minus what the update cannot take.
	r = run("cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", client,
		"--client-name", "renamed-again", "--cli-preserve-existing", "--endpoint-url", rec.srv.URL)
	if r.code != 0 {
		t.Fatalf("preserving update: %d %s", r.code, r.stderr)
	}
	reqs = rec.take()
	if len(reqs) != 2 || reqs[0].op != "DescribeUserPoolClient" || reqs[1].op != "UpdateUserPoolClient" {
		t.Fatalf("calls %+v, want a describe then an update", reqs)
	}
	if want := map[string]any{"UserPoolId": pool, "ClientId": client}; !reflect.DeepEqual(reqs[0].body, want) {
		t.Fatalf("describe sent %v, want %v", reqs[0].body, want)
	}
	current := describeClient(t, m, pool, client)
	expect := map[string]any{}
	for k, val := range current {
		expect[k] = val
	}
	for _, readOnly := range []string{"ClientSecret", "CreationDate", "LastModifiedDate"} {
		delete(expect, readOnly)
	}
	expect["ClientName"] = "renamed-again"
	if !reflect.DeepEqual(reqs[1].body, expect) {
		t.Fatalf("preserving update sent\n%v\nwant\n%v", reqs[1].body, expect)
	}
	for _, k := range []string{"CallbackURLs", "AllowedOAuthScopes", "ExplicitAuthFlows", "TokenValidityUnits", "LogoutURLs"} {
		if _, ok := reqs[1].body[k]; !ok {
			t.Errorf("preserving update dropped %s", k)
		}
	}
	// The output is the update's own response.
	var resp map[string]map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &resp); err != nil || resp["UserPoolClient"]["ClientName"] != "renamed-again" {
		t.Fatalf("output %q (%v)", r.stdout, err)
	}

	// Command-line values win over current ones, whole.
	r = run("cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", client,
		"--callback-urls", "https://new.example/cb", "--cli-preserve-existing", "--endpoint-url", rec.srv.URL)
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	reqs = rec.take()
	if got := reqs[len(reqs)-1].body; !reflect.DeepEqual(got["CallbackURLs"], []any{"https://new.example/cb"}) || got["ClientName"] != "renamed-again" {
		t.Fatalf("override: %v", got)
	}
}

// moto's update-user-pool resets what it is not given, as Cognito does, so
// here the state itself shows the difference.
func TestPreserveExistingUserPool(t *testing.T) {
	m, v := startMoto(t, "pool")
	setEnv(t) // after moto starts: moto must not inherit these
	pool := v["POOL_ID"]
	setup := map[string]any{"UserPoolId": pool, "AutoVerifiedAttributes": []any{"email"},
		"EmailVerificationSubject": "Hello", "UserPoolTags": map[string]any{"team": "a"}}
	state := func() map[string]any {
		out, err := m.Call("DescribeUserPool", map[string]any{"UserPoolId": pool})
		if err != nil {
			t.Fatal(err)
		}
		return out["UserPool"].(map[string]any)
	}
	update := func(extra ...string) {
		t.Helper()
		args := append([]string{"cognito-idp", "update-user-pool", "--user-pool-id", pool,
			"--sms-authentication-message", "Code {####}", "--endpoint-url", m.Endpoint()}, extra...)
		if r := run(args...); r.code != 0 || r.stdout != "" {
			t.Fatalf("update-user-pool: %d %q %s", r.code, r.stdout, r.stderr)
		}
	}

	if _, err := m.Call("UpdateUserPool", setup); err != nil {
		t.Fatal(err)
	}
	update()
	s := state()
	if s["AutoVerifiedAttributes"] != nil || s["UserPoolTags"] != nil || s["EmailVerificationSubject"] == "Hello" {
		t.Fatalf("without the option the pool should be reset: %v", s)
	}

	if _, err := m.Call("UpdateUserPool", setup); err != nil {
		t.Fatal(err)
	}
	update("--cli-preserve-existing")
	s = state()
	if !reflect.DeepEqual(s["AutoVerifiedAttributes"], []any{"email"}) || s["EmailVerificationSubject"] != "Hello" ||
		!reflect.DeepEqual(s["UserPoolTags"], map[string]any{"team": "a"}) || s["SmsAuthenticationMessage"] != "Code {####}" {
		t.Fatalf("with the option the pool should keep its settings: %v", s)
	}
}

func TestPreserveExistingOnlyWhereSupported(t *testing.T) {
	setEnv(t)
	r := run("cognito-idp", "describe-user-pool", "--user-pool-id", "p", "--cli-preserve-existing",
		"--endpoint-url", "http://127.0.0.1:9")
	if r.code != 252 || !strings.HasSuffix(r.stderr, "aws: [ERROR]: Unknown options: --cli-preserve-existing\n") {
		t.Fatalf("%d %q", r.code, r.stderr)
	}
}

func TestDryRunSendsNothing(t *testing.T) {
	m, v := startMoto(t, "pool+client")
	setEnv(t) // after moto starts: moto must not inherit these
	rec := newRecorder(t, m.Endpoint())
	pool, client := v["POOL_ID"], v["CLIENT_ID"]
	before := describeClient(t, m, pool, client)

	r := run("cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", client,
		"--client-name", "dry", "--access-token-validity", "5", "--cli-dry-run", "--endpoint-url", rec.srv.URL)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("dry run: %d %s", r.code, r.stderr)
	}
	if ops := rec.ops(); len(ops) != 0 {
		t.Fatalf("dry run sent %v", ops)
	}
	want := "{\n" +
		"    \"Operation\": \"UpdateUserPoolClient\",\n" +
		"    \"Region\": \"us-east-1\",\n" +
		"    \"Endpoint\": \"" + rec.srv.URL + "\",\n" +
		"    \"Body\": {\n" +
		"        \"UserPoolId\": \"" + pool + "\",\n" +
		"        \"ClientId\": \"" + client + "\",\n" +
		"        \"ClientName\": \"dry\",\n" +
		"        \"AccessTokenValidity\": 5\n" +
		"    }\n" +
		"}\n"
	if r.stdout != want {
		t.Fatalf("dry run printed\n%s\nwant\n%s", r.stdout, want)
	}
	if after := describeClient(t, m, pool, client); !reflect.DeepEqual(after, before) {
		t.Fatalf("dry run changed the client:\n%v\n%v", before, after)
	}

	// With --cli-preserve-existing the read is made, the write is not, and
	// the merged request is shown (here as YAML).
	r = run("cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", client,
		"--client-name", "dry", "--cli-dry-run", "--cli-preserve-existing", "--output", "yaml", "--endpoint-url", rec.srv.URL)
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	if ops := rec.ops(); !reflect.DeepEqual(ops, []string{"DescribeUserPoolClient"}) {
		t.Fatalf("dry run with preserve sent %v", ops)
	}
	for _, line := range []string{"Operation: UpdateUserPoolClient\n", "  ClientName: dry\n", "  - https://example.com/callback\n", "Region: us-east-1\n"} {
		if !strings.Contains(r.stdout, line) {
			t.Errorf("yaml dry run lacks %q:\n%s", line, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "CreationDate") {
		t.Errorf("read-only member in the merged request:\n%s", r.stdout)
	}
	if after := describeClient(t, m, pool, client); !reflect.DeepEqual(after, before) {
		t.Fatal("dry run with preserve changed the client")
	}

	// A create: nothing is created; no credentials are needed.
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	r = run("cognito-idp", "create-user-pool", "--pool-name", "never", "--cli-dry-run", "--output", "text", "--endpoint-url", rec.srv.URL)
	if r.code != 0 {
		t.Fatalf("create dry run: %d %s", r.code, r.stderr)
	}
	if ops := rec.ops(); len(ops) != 0 {
		t.Fatalf("create dry run sent %v", ops)
	}
	pools, err := m.Call("ListUserPools", map[string]any{"MaxResults": 60})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(pools["UserPools"].([]any)); n != 1 {
		t.Fatalf("%d pools after a dry-run create, want 1", n)
	}

	// Validation still applies.
	r = run("cognito-idp", "create-user-pool", "--pool-name", "", "--cli-dry-run", "--endpoint-url", rec.srv.URL)
	if r.code != 252 || !strings.Contains(r.stderr, "Invalid length for parameter PoolName") {
		t.Fatalf("invalid dry run: %d %s", r.code, r.stderr)
	}
}

// Without --endpoint-url the SDK's endpoint rules give the regional URL.
func TestDryRunResolvesEndpoint(t *testing.T) {
	setEnv(t)
	r := run("cognito-idp", "list-users", "--user-pool-id", "eu-west-3_abc", "--region", "eu-west-3",
		"--page-size", "5", "--cli-dry-run", "--output", "text")
	want := "https://cognito-idp.eu-west-3.amazonaws.com\tListUsers\teu-west-3\nBODY\t5\teu-west-3_abc\n"
	if r.code != 0 || r.stdout != want {
		t.Fatalf("%d %q %s\nwant %q", r.code, r.stdout, r.stderr, want)
	}
}

func TestProgressLine(t *testing.T) {
	m, v := startMoto(t, "pool+users")
	setEnv(t) // after moto starts: moto must not inherit these
	args := []string{"cognito-idp", "list-users", "--user-pool-id", v["POOL_ID"], "--page-size", "1",
		"--query", "Users[].Username", "--endpoint-url", m.Endpoint()}
	clock := func() func() time.Time {
		now := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
		return func() time.Time { now = now.Add(time.Second); return now }
	}

	plain := run(args...)
	if plain.code != 0 || plain.stderr != "" {
		t.Fatalf("%d %s", plain.code, plain.stderr)
	}
	// Not a terminal: nothing on stderr, however slow.
	if r := runIn(&IOStreams{Now: clock()}, args...); r.stderr != "" || r.stdout != plain.stdout {
		t.Fatalf("non-terminal stderr %q", r.stderr)
	}
	// A terminal: the line appears once past the threshold, on stderr only,
	// and is erased at the end.
	r := runIn(&IOStreams{StderrTTY: true, Now: clock()}, args...)
	if r.code != 0 || r.stdout != plain.stdout {
		t.Fatalf("stdout changed: %q vs %q", r.stdout, plain.stdout)
	}
	if !strings.Contains(r.stderr, "\rpages 2, items 2\x1b[K") || !strings.Contains(r.stderr, "\rpages 5, items 5\x1b[K") ||
		strings.Contains(r.stderr, "pages 1,") || !strings.HasSuffix(r.stderr, "\r") {
		t.Fatalf("progress stderr %q", r.stderr)
	}
	// Page-by-page text output on the same terminal: the line is erased
	// before every page printed, so stdout never lands on it.
	textArgs := append(append([]string(nil), args...), "--output", "text")
	plainText := run(textArgs...)
	var both bytes.Buffer
	r = runIn(&IOStreams{Out: &both, ErrOut: &both, StderrTTY: true, Now: clock()}, textArgs...)
	if r.code != 0 {
		t.Fatalf("%d", r.code)
	}
	line := regexp.MustCompile(`\rpages \d+, items \d+ *\x1b\[K\r *\r`)
	if got := line.ReplaceAllString(both.String(), ""); got != plainText.stdout {
		t.Fatalf("interleaved output %q, want %q", both.String(), plainText.stdout)
	}
}

// referenceCLI returns a runner for the installed reference CLI, or nil.
func referenceCLI(t *testing.T) func(args ...string) *exec.Cmd {
	const bin, data = "/usr/bin/aws", "/tmp/awsdata"
	if _, err := os.Stat(bin); err != nil {
		return nil
	}
	if _, err := os.Stat(data); err != nil {
		return nil
	}
	return func(args ...string) *exec.Cmd {
		c := exec.Command(bin, args...)
		c.Env = append(os.Environ(), "AWS_DATA_PATH="+data)
		return c
	}
}
