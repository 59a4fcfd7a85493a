package completion

import (
	"bytes"
	"github.com/cognito-cli/aws/internal/completion/internal/cobrascripts"
	"strings"
	"testing"
)

func TestZshScript(t *testing.T) {
	var buf bytes.Buffer
	if err := Script("zsh", &buf); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{"#compdef aws", "compdef _aws aws", "__complete"} {
		if !strings.Contains(s, want) {
			t.Errorf("zsh script lacks %q", want)
		}
	}
	for _, sh := range Shells() {
		buf.Reset()
		if err := Script(sh, &buf); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %v, %d bytes", sh, err, buf.Len())
		}
	}
	if err := Script("tcsh", &buf); err == nil {
		t.Error("tcsh must be refused")
	}
}

// TestScriptRequests answers the requests the generated scripts send, as
// zsh sends them: the words after "aws", the last one being completed.
func TestScriptRequests(t *testing.T) {
	env := noConfig(t)
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", ""}, []string{"cognito-idp\tAmazon Cognito user pools"}},
		{[]string{"__completeNoDesc", "cognito-idp", "update-user-pool-cl"}, []string{"update-user-pool-client"}},
		{[]string{"__completeNoDesc", "--region", "us-east-1", "cognito-idp", "update-user-pool-client", "--prevent-user-existence-errors", ""}, []string{"LEGACY", "ENABLED"}},
		{[]string{"__completeNoDesc", "cognito-idp", "list-users", "--output", "y"}, []string{"yaml", "yaml-stream"}},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		if code := Run(c.args, env, &out, &errOut); code != 0 {
			t.Fatalf("%q: exit %d: %s", c.args, code, errOut.String())
		}
		lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		// The last line is cobra's directive (":4" = no file completion).
		if lines[len(lines)-1] != ":4" {
			t.Errorf("%q: directive %q", c.args, lines[len(lines)-1])
		}
		if got := strings.Join(lines[:len(lines)-1], "|"); got != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", c.args, got, strings.Join(c.want, "|"))
		}
	}
	if !IsRequest([]string{"__complete"}) || IsRequest([]string{"cognito-idp"}) || IsRequest(nil) {
		t.Error("IsRequest")
	}
}

// TestEmbeddedScriptsAreCurrent regenerates the scripts with cobra and
// compares them with the embedded copies (run go generate when it fails).
func TestEmbeddedScriptsAreCurrent(t *testing.T) {
	for _, sh := range cobrascripts.Shells() {
		var fresh, embedded bytes.Buffer
		if err := cobrascripts.Generate(sh, &fresh); err != nil {
			t.Fatal(err)
		}
		if err := Script(sh, &embedded); err != nil {
			t.Fatal(err)
		}
		if fresh.String() != embedded.String() {
			t.Errorf("%s: embedded script is stale; run go generate ./internal/completion", sh)
		}
	}
}
