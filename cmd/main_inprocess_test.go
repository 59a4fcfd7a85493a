package cmd

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// usageBlock is the usage text as the transcripts show it.
const usageBlock = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n" +
	"To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n"

// runMain runs Main in-process with buffers and the given environment
// (nothing inherited from the test process).
func runMain(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	dir := t.TempDir()
	full := map[string]string{
		"HOME":                        dir,
		"AWS_CONFIG_FILE":             filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED":   "true",
	}
	for k, v := range env {
		full[k] = v
	}
	// The SDK reads the process environment; keep it in step.
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
		"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_DEFAULT_OUTPUT",
		"AWS_CLI_ERROR_FORMAT", "AWS_EC2_METADATA_DISABLED", "HOME", "AWS_ENDPOINT_URL", "AWS_MAX_ATTEMPTS"} {
		t.Setenv(k, full[k])
	}
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(k string) string { return full[k] }}
	code = Main(args, ios)
	return out.String(), errOut.String(), code
}

var testCreds = map[string]string{"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"}

func with(base map[string]string, kv ...string) map[string]string {
	m := map[string]string{}
	for k, v := range base {
		m[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// fakeService answers every call with status and body, as moto would.
func fakeService(t *testing.T, status int, body string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Expected texts below are the conformance transcripts (case ids given)
// recorded with the reference CLI 2.36.7.
func TestMainErrorsAsTranscripts(t *testing.T) {
	pool := "us-east-1_bdd640fb06674ad19c80317fa3b1799d"
	cases := []struct {
		id     string
		env    map[string]string
		args   []string
		stderr string
		code   int
	}{
		{"err-expected-argument", testCreds,
			[]string{"cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", "c", "--client-name", "-dash"},
			"\naws: [ERROR]: An error occurred (ParamValidation): argument --client-name: expected one argument\n\n" + usageBlock, 252},
		{"err-invalid-operation", testCreds, []string{"cognito-idp", "update-user-pool-clientz"},
			"\naws: [ERROR]: An error occurred (ParamValidation): argument operation: Found invalid choice 'update-user-pool-clientz'\n\n" +
				"Maybe you meant:\n\n  * update-user-pool-client\n  * delete-user-pool-client\n  * create-user-pool-client\n\n" + usageBlock, 252},
		{"glob-binary-format", testCreds, []string{"cognito-idp", "describe-user-pool", "--user-pool-id", pool, "--cli-binary-format", "hex"},
			"\naws: [ERROR]: An error occurred (ParamValidation): argument --cli-binary-format: Found invalid choice 'hex'\n\n\n" + usageBlock, 252},
		{"glob-profile-not-found", testCreds, []string{"cognito-idp", "describe-user-pool", "--user-pool-id", pool, "--profile", "nope"},
			"\naws: [ERROR]: The config profile (nope) could not be found\n", 255},
		{"err-no-region", map[string]string{"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"},
			[]string{"cognito-idp", "describe-user-pool", "--user-pool-id", pool},
			"\naws: [ERROR]: An error occurred (NoRegion): You must specify a region. You can also configure your region by running \"aws configure\".\n", 253},
		{"err-unknown-options", testCreds,
			[]string{"cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", "c", "--foo", "--bar", "baz"},
			"\n" + usageBlock + "\n\naws: [ERROR]: Unknown options: --foo, --bar, baz\n", 252},
		{"uupc-bool-takes-no-value", testCreds,
			[]string{"cognito-idp", "update-user-pool-client", "--user-pool-id", pool, "--client-id", "c", "--enable-token-revocation", "false"},
			"\n" + usageBlock + "\n\naws: [ERROR]: Unknown options: false\n", 252},
		{"page-conflict", testCreds, []string{"cognito-idp", "list-user-pools", "--max-results", "1", "--max-items", "1"},
			"\naws: [ERROR]: An error occurred (ParamValidation): Cannot specify --no-paginate along with pagination arguments: --max-items\n", 252},
		// REFERENCE.md trap 10.
		{"partial-env-credentials", map[string]string{"AWS_ACCESS_KEY_ID": "test", "AWS_DEFAULT_REGION": "us-east-1"},
			[]string{"--endpoint-url", "http://127.0.0.1:9", "cognito-idp", "describe-user-pool", "--user-pool-id", pool},
			"\naws: [ERROR]: Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n", 255},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			stdout, stderr, code := runMain(t, c.env, c.args...)
			if stdout != "" || stderr != c.stderr || code != c.code {
				t.Errorf("exit %d, stdout %q\nstderr %q\nwant exit %d, stderr %q", code, stdout, stderr, c.code, c.stderr)
			}
		})
	}
}

// TestErrorFormatJSON: REFERENCE.md specifies the json error format: the
// error's fields as a JSON object (4-space indent, no leading blank line),
// Message, Code, then the body's own members for a service error; Code,
// Message for ParamValidation. Runtime errors ignore the setting.
func TestErrorFormatJSON(t *testing.T) {
	url := fakeService(t, 400, `{"__type":"ResourceNotFoundException","message":"User pool x does not exist."}`)
	svcWant := "{\n    \"Message\": \"User pool x does not exist.\",\n    \"Code\": \"ResourceNotFoundException\",\n    \"message\": \"User pool x does not exist.\"\n}\n"
	pvWant := "{\n    \"Code\": \"ParamValidation\",\n    \"Message\": \"Cannot specify --no-paginate along with pagination arguments: --max-items\"\n}\n"
	for _, how := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"flag", testCreds, []string{"--cli-error-format", "json"}},
		{"env", with(testCreds, "AWS_CLI_ERROR_FORMAT", "JSON"), nil},
	} {
		t.Run(how.name, func(t *testing.T) {
			args := append(append([]string{}, how.args...), "--endpoint-url", url, "cognito-idp", "describe-user-pool", "--user-pool-id", "x")
			_, stderr, code := runMain(t, how.env, args...)
			if stderr != svcWant || code != 254 {
				t.Errorf("service error: exit %d, stderr %q; want 254, %q", code, stderr, svcWant)
			}
			args = append(append([]string{}, how.args...), "cognito-idp", "list-user-pools", "--max-results", "1", "--max-items", "1")
			_, stderr, code = runMain(t, how.env, args...)
			if stderr != pvWant || code != 252 {
				t.Errorf("ParamValidation: exit %d, stderr %q; want 252, %q", code, stderr, pvWant)
			}
			args = append(append([]string{}, how.args...), "cognito-idp", "list-users", "--user-pool-id", "x", "--starting-token", "a___b___c")
			_, stderr, code = runMain(t, how.env, args...)
			if want := "\naws: [ERROR]: Bad starting token: a___b___c\n"; stderr != want || code != 255 {
				t.Errorf("runtime error: exit %d, stderr %q; want 255, %q", code, stderr, want)
			}
		})
	}
	// An invalid environment value falls back to enhanced.
	_, stderr, code := runMain(t, with(testCreds, "AWS_CLI_ERROR_FORMAT", "bogus"), "--endpoint-url", url, "cognito-idp", "describe-user-pool", "--user-pool-id", "x")
	if want := "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the DescribeUserPool operation: User pool x does not exist.\n"; stderr != want || code != 254 {
		t.Errorf("bogus format: exit %d, stderr %q; want 254, %q", code, stderr, want)
	}
}

// TestOutputSettings: --output off, AWS_DEFAULT_OUTPUT, the profile's output
// and cli_timestamp_format. The expected texts were printed by the
// reference (/usr/bin/aws, AWS_DATA_PATH at the vendored model) against a
// loopback server answering with this same body.
func TestOutputSettings(t *testing.T) {
	url := fakeService(t, 200, `{"Groups":[{"GroupName":"g","CreationDate":1.767323045678E9}]}`)
	args := []string{"--endpoint-url", url, "cognito-idp", "list-groups", "--user-pool-id", "x"}
	stdout, stderr, code := runMain(t, testCreds, append(args, "--output", "off")...)
	if stdout != "" || stderr != "" || code != 0 {
		t.Errorf("--output off: %q %q %d", stdout, stderr, code)
	}
	stdout, _, _ = runMain(t, with(testCreds, "AWS_DEFAULT_OUTPUT", "text"), args...)
	if want := "GROUPS\t2026-01-02T03:04:05.678000+00:00\tg\n"; stdout != want {
		t.Errorf("AWS_DEFAULT_OUTPUT=text: %q, want %q", stdout, want)
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config")
	if err := os.WriteFile(cfg, []byte("[profile dev]\noutput = text\ncli_timestamp_format = wire\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := with(testCreds, "AWS_CONFIG_FILE", cfg, "AWS_PROFILE", "dev")
	stdout, stderr, code = runMain(t, env, args...)
	if want := "GROUPS\t1767323045.678\tg\n"; stdout != want || code != 0 {
		t.Errorf("profile dev (text, wire): %q %q %d; want %q", stdout, stderr, code, want)
	}
	stdout, _, _ = runMain(t, env, append(args, "--output", "json", "--query", "Groups[0].CreationDate")...)
	if want := "1767323045.678\n"; stdout != want {
		t.Errorf("--output json overriding the profile: %q, want %q", stdout, want)
	}
}
