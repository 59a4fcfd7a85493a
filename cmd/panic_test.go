package cmd

import (
	"bytes"
	"strings"
	"testing"
)

// panicWriter stands for any bug below Main: it panics when written to.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("boom: index out of range [3] with length 3") }

// TestPanicGuard proves the top-level guard: a panic anywhere below Main
// becomes the CLI's generic error (exit 255), never a Go stack trace.
func TestPanicGuard(t *testing.T) {
	var stderr bytes.Buffer
	ios := &IOStreams{
		In:     strings.NewReader(""),
		Out:    panicWriter{},
		ErrOut: &stderr,
		Getenv: func(k string) string {
			switch k {
			case "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY":
				return "test"
			case "AWS_DEFAULT_REGION":
				return "us-east-1"
			case "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE":
				return "/nonexistent/aws-config"
			}
			return ""
		},
	}
	code := Main([]string{"cognito-idp", "list-user-pools", "--generate-cli-skeleton"}, ios)
	if code != 255 {
		t.Errorf("exit %d, want 255", code)
	}
	want := "\naws: [ERROR]: boom: index out of range [3] with length 3\n"
	if got := stderr.String(); got != want {
		t.Errorf("stderr %q, want %q", got, want)
	}
	if strings.Contains(stderr.String(), "goroutine") {
		t.Error("stderr holds a Go stack trace")
	}
}
