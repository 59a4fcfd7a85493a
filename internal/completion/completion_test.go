package completion

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/model"
)

func names(c []Candidate) []string {
	out := make([]string, len(c))
	for i, x := range c {
		out[i] = x.Value
	}
	return out
}

func noConfig(t *testing.T) func(string) string {
	dir := t.TempDir()
	return func(k string) string {
		switch k {
		case "AWS_CONFIG_FILE":
			return filepath.Join(dir, "config")
		case "AWS_SHARED_CREDENTIALS_FILE":
			return filepath.Join(dir, "credentials")
		case "HOME":
			return dir
		}
		return ""
	}
}

func complete(t *testing.T, line string, env func(string) string) []string {
	t.Helper()
	words, cur := Split(line, len(line))
	return names(Complete(model.New(), words, cur, env))
}

// TestMatchesReferenceCompleter compares names and options with what the
// AWS CLI's own completer offers (testdata/reference.txt, recorded by
// testdata/record.sh). Differences by design: this build carries one
// service, and it knows 2.36.7's --cli-error-format.
func TestMatchesReferenceCompleter(t *testing.T) {
	data, err := os.ReadFile("testdata/reference.txt")
	if err != nil {
		t.Fatal(err)
	}
	env := noConfig(t)
	for _, block := range strings.Split(strings.TrimPrefix(string(data), "== "), "\n== ") {
		lines := strings.Split(strings.TrimRight(block, "\n"), "\n")
		line := lines[0]
		var want []string
		for _, c := range lines[1:] {
			if strings.HasPrefix(c, "cognito-") && c != model.ServiceName {
				continue
			}
			want = append(want, c)
		}
		// The reference completes from its own index, which predates
		// some operations of the model: those may be extra here.
		inRef := map[string]bool{}
		for _, c := range want {
			inRef[c] = true
		}
		var got []string
		for _, c := range complete(t, line, env) {
			if _, isOp := model.OperationByCLIName(c); (isOp && !inRef[c]) || c == "--cli-error-format" {
				continue
			}
			got = append(got, c)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", line, got, want)
		}
	}
}

func TestValues(t *testing.T) {
	env := noConfig(t)
	cases := []struct{ line, want string }{
		{"aws cognito-idp update-user-pool-client --prevent-user-existence-errors ", "LEGACY ENABLED"},
		{"aws cognito-idp update-user-pool-client --prevent-user-existence-errors L", "LEGACY"},
		{"aws --output ", "json text table yaml yaml-stream off"},
		{"aws cognito-idp list-users --output t", "text table"},
		{"aws cognito-idp list-users --color ", "on off auto"},
		{"aws cognito-idp list-users --generate-cli-skeleton ", "input output yaml-input"},
		{"aws --cli-error-format l", "legacy"},
		{"aws cognito-idp update-user-pool-client --token-validity-units ", ""},
		{"aws cognito-idp update-user-pool-client --explicit-auth-flows ALLOW_USER_AUTH ALLOW_C", "ALLOW_CUSTOM_AUTH"},
		{"aws cognito-idp update-user-pool-client --explicit-auth-flows ALLOW_USER_AUTH ALLOW_CUSTOM_AUTH --client-", "--client-id --client-name"},
		{"aws cognito-idp admin-create-user --desired-delivery-mediums EMAIL ", "SMS --user-pool-id --username --user-attributes --validation-data --temporary-password --force-alias-creation --message-action --client-metadata --cli-input-json --cli-input-yaml --generate-cli-skeleton --debug --endpoint-url --no-verify-ssl --no-paginate --output --query --profile --region --version --color --no-sign-request --ca-bundle --cli-read-timeout --cli-connect-timeout --cli-binary-format --no-cli-pager --cli-auto-prompt --no-cli-auto-prompt --cli-error-format"},
		{"aws cognito-idp list-users --user-pool-id ", ""},
		{"aws ", "cognito-idp"},
		{"aws s3 ", ""},
		{"aws cognito-idp help ", ""},
		{"aws cognito-idp nope --", "--debug --endpoint-url"},
	}
	for _, c := range cases {
		got := complete(t, c.line, env)
		if c.line == "aws cognito-idp nope --" {
			if len(got) < 2 || got[0] != "--debug" {
				t.Errorf("%q: %q", c.line, got)
			}
			continue
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.line, strings.Join(got, " "), c.want)
		}
	}
}

func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config"), []byte("[default]\nregion=us-east-1\n[profile dev]\n[profile  spaced ]\n[sso-session corp]\n[services x]\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "credentials"), []byte("[default]\n[prod]\n[dev]\n"), 0o600)
	env := func(k string) string {
		switch k {
		case "AWS_CONFIG_FILE":
			return filepath.Join(dir, "config")
		case "AWS_SHARED_CREDENTIALS_FILE":
			return filepath.Join(dir, "credentials")
		}
		return ""
	}
	if got := strings.Join(complete(t, "aws cognito-idp list-users --profile ", env), " "); got != "default dev prod spaced" {
		t.Errorf("profiles: %q", got)
	}
	if got := strings.Join(complete(t, "aws --profile d", env), " "); got != "default dev" {
		t.Errorf("profiles with prefix: %q", got)
	}
}

// TestProtocol runs the completer as bash does, with the cursor in the
// middle of the line: only the text before COMP_POINT counts.
func TestProtocol(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{
		"COMP_LINE":                   "aws cognito-idp update-user-pool-client --prevent-user-existence-errors E --client-id x",
		"COMP_POINT":                  "", // set below
		"AWS_CONFIG_FILE":             filepath.Join(dir, "c"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "k"),
	}
	env["COMP_POINT"] = strconv.Itoa(strings.Index(env["COMP_LINE"], " E ") + 2)
	var out bytes.Buffer
	if code := Main(func(k string) string { return env[k] }, &out); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if out.String() != "ENABLED\n" {
		t.Errorf("output %q", out.String())
	}

	out.Reset()
	env["COMP_LINE"], env["COMP_POINT"] = "aws cognito-idp list-users --user-pool-id ", ""
	Main(func(k string) string { return env[k] }, &out)
	if out.String() != "\n" {
		t.Errorf("no candidates must print an empty line as the AWS CLI does, got %q", out.String())
	}
}

func TestSplit(t *testing.T) {
	cases := []struct {
		line  string
		point int
		words string
		cur   string
	}{
		{"aws cognito-idp li", -1, "cognito-idp", "li"},
		{"aws cognito-idp ", -1, "cognito-idp", ""},
		{`aws --query 'a b' --o`, -1, "--query|a b", "--o"},
		{`aws x\ y "q`, -1, "x y", "q"},
		{"aws cognito-idp list-users", 10, "", "cognit"},
		{"", -1, "", ""},
	}
	for _, c := range cases {
		p := c.point
		if p < 0 {
			p = len(c.line)
		}
		w, cur := Split(c.line, p)
		if strings.Join(w, "|") != c.words || cur != c.cur {
			t.Errorf("Split(%q, %d) = %q, %q", c.line, p, w, cur)
		}
	}
}

func FuzzComplete(f *testing.F) {
	for _, s := range []string{"aws cognito-idp list-users --", "aws --profile ", `aws "a\`, "aws cognito-idp update-user-pool-client --explicit-auth-flows A B --x=1 "} {
		f.Add(s, len(s))
	}
	m := model.New()
	env := func(string) string { return "/nonexistent" }
	f.Fuzz(func(t *testing.T, line string, point int) {
		w, cur := Split(line, point)
		Complete(m, w, cur, env)
	})
}
