package cmd

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/help"
	"github.com/cognito-cli/aws/model"
)

// runHelpTest runs the CLI in-process with an empty HOME and the given
// extra environment.
func runHelpTest(t *testing.T, env map[string]string, tty bool, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	home := t.TempDir()
	full := map[string]string{
		"HOME":                        home,
		"AWS_CONFIG_FILE":             filepath.Join(home, "config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(home, "credentials"),
		"AWS_ACCESS_KEY_ID":           "test",
		"AWS_SECRET_ACCESS_KEY":       "test",
		"AWS_DEFAULT_REGION":          "us-east-1",
		"PATH":                        "/usr/bin:/bin",
	}
	for k, v := range env {
		full[k] = v
	}
	var out, errOut bytes.Buffer
	ios := &IOStreams{
		In: strings.NewReader(""), Out: &out, ErrOut: &errOut, StdoutTTY: tty,
		Getenv: func(k string) string { return full[k] },
		Environ: func() []string {
			var kv []string
			for k, v := range full {
				kv = append(kv, k+"="+v)
			}
			return kv
		},
	}
	code = Main(args, ios)
	return code, out.String(), errOut.String()
}

func TestHelpLevels(t *testing.T) {
	cases := []struct {
		args  string
		title string
	}{
		{"help", "AWS()"},
		{"--output json help", "AWS()"},
		{"cognito-idp help", "COGNITO-IDP()"},
		{"cognito-idp help foo", "COGNITO-IDP()"},
		{"cognito-idp list-users help", "LIST-USERS()"},
		{"cognito-idp list-users --user-pool-id x help", "LIST-USERS()"},
		{"-h", "AWS()"},
		{"--help", "AWS()"},
		{"--region us-east-1 cognito-idp --hel", "COGNITO-IDP()"},
		{"cognito-idp admin-get-user -h", "ADMIN-GET-USER()"},
		{"cognito-idp admin-get-user --user-pool-id x --help", "ADMIN-GET-USER()"},
		{"cognito-idp nope -h", "COGNITO-IDP()"},
		{"s3 ls -h", "AWS()"},
	}
	for _, c := range cases {
		code, out, errOut := runHelpTest(t, nil, false, strings.Fields(c.args)...)
		if code != 0 || !strings.HasPrefix(out, c.title) || errOut != "" {
			t.Errorf("aws %s: exit %d, stdout starts %q, stderr %q", c.args, code, firstLine(out), errOut)
		}
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// The exit codes and messages below are the reference CLI's: "aws help foo"
// is an invalid help topic (252), and "list-users help foo" is an ordinary
// command line that lacks --user-pool-id (recorded with /usr/bin/aws
// 2.9.19, message layout translated by REFERENCE.md).
func TestHelpErrors(t *testing.T) {
	code, out, errOut := runHelpTest(t, nil, false, "help", "foo")
	if code != 252 || out != "" || !strings.Contains(errOut, "Found invalid choice 'foo'") {
		t.Errorf("aws help foo: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runHelpTest(t, nil, false, "cognito-idp", "list-users", "help", "foo")
	if code != 252 || !strings.Contains(errOut, "the following arguments are required: --user-pool-id") {
		t.Errorf("list-users help foo: %d %q", code, errOut)
	}
	// "-h" after "--" is a value, not a request for help.
	code, _, _ = runHelpTest(t, nil, false, "cognito-idp", "list-users", "--", "-h")
	if code == 0 {
		t.Error("-h after -- must not show help")
	}
}

func TestHelpFlagRequested(t *testing.T) {
	cases := []struct {
		args string
		ok   bool
		rest string
	}{
		{"cognito-idp list-users -h", true, "cognito-idp list-users"},
		{"--he cognito-idp", true, "cognito-idp"},
		{"--h", true, ""},
		{"--helpx", false, "--helpx"},
		{"-", false, "-"},
		{"--query -h -h", true, "--query"},
		{"-- -h", false, "-- -h"},
		{"x --help -- -h", true, "x -- -h"},
	}
	for _, c := range cases {
		rest, ok := helpFlagRequested(strings.Fields(c.args))
		if ok != c.ok || strings.Join(rest, " ") != c.rest {
			t.Errorf("%q: %v %q", c.args, ok, rest)
		}
	}
}

// TestHelpOptionsAreAccepted keeps the help's option list and the parser in
// step: every option help shows for an operation is one the operation's
// parser accepts, and every member option of the parser is in the help.
func TestHelpOptionsAreAccepted(t *testing.T) {
	m := model.New()
	for _, opName := range model.OperationNames() {
		op := m.Operation(opName)
		opts := help.Options(m, opName)
		shown := map[string]bool{}
		for _, o := range opts {
			shown[o.Name] = true
			args := []string{o.Name}
			if o.TakesValue {
				v := "1"
				if len(o.Enum) > 0 {
					v = o.Enum[0]
				}
				args = append(args, v)
			}
			args = append(args, "--cli-input-json", "{}")
			table := buildArgTable(m, op, args)
			_, rest, err := table.parser.ParseKnown(args)
			if err != nil || len(rest) > 0 {
				t.Errorf("%s %s: %v, rest %q", opName, o.Name, err, rest)
			}
			if o.Negative != "" {
				args[0] = o.Negative
				if _, rest, err := buildArgTable(m, op, args).parser.ParseKnown(args); err != nil || len(rest) > 0 {
					t.Errorf("%s %s: %v, rest %q", opName, o.Negative, err, rest)
				}
			}
		}
		for _, spec := range buildArgTable(m, op, nil).args {
			if !shown[spec.option] {
				t.Errorf("%s: %s missing from help", opName, spec.option)
			}
		}
	}
}

func TestPagerForHelpAndOutput(t *testing.T) {
	pager := map[string]string{"AWS_PAGER": "tr a-z A-Z"}
	_, out, _ := runHelpTest(t, pager, true, "cognito-idp", "help")
	if !strings.Contains(out, "AVAILABLE COMMANDS") || !strings.Contains(out, "LIST-USERS") {
		t.Errorf("help did not go through the pager:\n%.200s", out)
	}
	_, out, _ = runHelpTest(t, pager, false, "cognito-idp", "help")
	if !strings.Contains(out, "* list-users") {
		t.Errorf("help off a terminal must not be paged:\n%.200s", out)
	}
	_, out, _ = runHelpTest(t, pager, true, "--no-cli-pager", "cognito-idp", "help")
	if !strings.Contains(out, "* list-users") {
		t.Errorf("--no-cli-pager must not page:\n%.200s", out)
	}
	_, out, _ = runHelpTest(t, map[string]string{"AWS_PAGER": "", "PAGER": "tr a-z A-Z"}, true, "cognito-idp", "help")
	if !strings.Contains(out, "* list-users") {
		t.Errorf("an empty AWS_PAGER must turn the pager off:\n%.200s", out)
	}
	// Command output: a skeleton needs no service.
	code, out, _ := runHelpTest(t, pager, true, "--no-sign-request", "--region", "us-east-1", "cognito-idp", "describe-user-pool", "--user-pool-id", "x", "--generate-cli-skeleton", "output")
	if code != 0 || !strings.Contains(out, "\"USERPOOL\"") {
		t.Errorf("command output did not go through the pager (exit %d):\n%.200s", code, out)
	}
}

func TestAutoPrompt(t *testing.T) {
	skel := []string{"cognito-idp", "list-users", "--generate-cli-skeleton"}
	code, out, errOut := runHelpTest(t, nil, false, append([]string{"--cli-auto-prompt"}, skel...)...)
	if code != 255 || out != "" || !strings.Contains(errOut, "--cli-auto-prompt is not supported") {
		t.Errorf("--cli-auto-prompt: %d %q %q", code, out, errOut)
	}
	code, _, _ = runHelpTest(t, map[string]string{"AWS_CLI_AUTO_PROMPT": "on"}, false, skel...)
	if code != 255 {
		t.Errorf("AWS_CLI_AUTO_PROMPT=on: exit %d", code)
	}
	for _, c := range []struct {
		env  map[string]string
		args []string
	}{
		{map[string]string{"AWS_CLI_AUTO_PROMPT": "on"}, append([]string{"--no-cli-auto-prompt"}, skel...)},
		{map[string]string{"AWS_CLI_AUTO_PROMPT": "on-partial"}, skel},
		{nil, append([]string{"--cli-auto-prompt", "--no-cli-auto-prompt"}, skel...)},
	} {
		if code, _, errOut := runHelpTest(t, c.env, false, c.args...); code != 0 {
			t.Errorf("%v %q: exit %d %s", c.env, c.args, code, errOut)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runHelpTest(t, nil, false, "--version")
	if code != 0 || !regexp.MustCompile(`^cognito-cli/\S+ Go/\d+\.\d+\S* \w+/\w+ botocore/\d+\.\d+\.\d+\n$`).MatchString(out) {
		t.Errorf("--version: %d %q", code, out)
	}
}

func TestCompleterEntry(t *testing.T) {
	var out bytes.Buffer
	env := map[string]string{"COMP_LINE": "aws cognito-idp list-users --output t", "COMP_POINT": "38", "HOME": t.TempDir()}
	ios := &IOStreams{Out: &out, ErrOut: &out, Getenv: func(k string) string { return env[k] }}
	if code := Completer([]string{"aws", "t", "--output"}, ios); code != 0 || out.String() != "text\ntable\n" {
		t.Errorf("completer: %d %q", code, out.String())
	}
	out.Reset()
	delete(env, "COMP_LINE")
	if code := Completer([]string{"fish"}, ios); code != 0 || !strings.Contains(out.String(), "complete -c aws") {
		t.Errorf("fish script: %d %.100q", code, out.String())
	}
	out.Reset()
	if code := Main([]string{"__completeNoDesc", "cognito-idp", "list-users", "--output", "y"}, ios); code != 0 || !strings.HasPrefix(out.String(), "yaml\nyaml-stream\n:4\n") {
		t.Errorf("__complete: %d %q", code, out.String())
	}
}
