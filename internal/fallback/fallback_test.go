package fallback

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeScript(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestResolveAutoSkipsSelf(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	first, second, third := t.TempDir(), t.TempDir(), t.TempDir()
	// first: a symlink to this very binary; second: a non-executable aws;
	// third: the real one.
	if err := os.Symlink(self, filepath.Join(first, "aws")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(second, "aws"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	real := writeScript(t, third, "aws", "exit 0\n")
	path := strings.Join([]string{first, "", second, third}, string(os.PathListSeparator))
	got, err := Resolve("auto", path, self)
	if err != nil || got != real {
		t.Fatalf("Resolve(auto) = %q, %v; want %q", got, err, real)
	}
	if _, err := Resolve("auto", strings.Join([]string{first, second}, string(os.PathListSeparator)), self); err == nil {
		t.Fatal("auto with only this binary on PATH must fail")
	}
}

func TestResolveExplicit(t *testing.T) {
	self, _ := os.Executable()
	dir := t.TempDir()
	real := writeScript(t, dir, "aws-real", "exit 0\n")
	link := filepath.Join(dir, "me")
	if err := os.Symlink(self, link); err != nil {
		t.Fatal(err)
	}
	if got, err := Resolve(real, "", self); err != nil || got != real {
		t.Fatalf("explicit path: %q %v", got, err)
	}
	if got, err := Resolve("aws-real", dir, self); err != nil || got != real {
		t.Fatalf("name on PATH: %q %v", got, err)
	}
	if _, err := Resolve(link, "", self); !errors.Is(err, ErrSelf) {
		t.Fatalf("a link to this binary must be refused, got %v", err)
	}
	if _, err := Resolve(filepath.Join(dir, "missing"), "", self); err == nil {
		t.Fatal("a missing file must fail")
	}
	if _, err := Resolve("nope-not-here", dir, self); err == nil {
		t.Fatal("a name not on PATH must fail")
	}
	if _, err := Resolve("", dir, self); err == nil {
		t.Fatal("empty must fail")
	}
}

func TestEnvDepth(t *testing.T) {
	env, err := Env([]string{"A=1", DepthVar + "=1", "B=2"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A=1", "B=2", DepthVar + "=2"}; strings.Join(env, ",") != strings.Join(want, ",") {
		t.Fatalf("env %v, want %v", env, want)
	}
	if _, err := Env([]string{DepthVar + "=3"}); err == nil {
		t.Fatal("depth 3 must stop")
	}
	env, _ = Env(nil)
	if len(env) != 1 || env[0] != DepthVar+"=1" {
		t.Fatalf("fresh env %v", env)
	}
}

func TestRunPassesEverything(t *testing.T) {
	dir := t.TempDir()
	script := writeScript(t, dir, "aws", `for a in "$@"; do printf '[%s]' "$a"; done
echo
echo "env=$FOO"
cat
echo oops >&2
exit 7
`)
	var out, errb bytes.Buffer
	code, err := Run(context.Background(), script, []string{"s3", "ls", "a b", ""}, []string{"FOO=bar"}, strings.NewReader("from stdin\n"), &out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	if code != 7 {
		t.Fatalf("exit code %d, want 7", code)
	}
	if want := "[s3][ls][a b][]\nenv=bar\nfrom stdin\n"; out.String() != want {
		t.Fatalf("stdout %q, want %q", out.String(), want)
	}
	if errb.String() != "oops\n" {
		t.Fatalf("stderr %q", errb.String())
	}
	kill := writeScript(t, dir, "killer", "kill -TERM $$\n")
	if code, err := Run(context.Background(), kill, nil, nil, nil, nil, nil); err != nil || code != 128+15 {
		t.Fatalf("signalled child: %d %v", code, err)
	}
	if _, err := Run(context.Background(), filepath.Join(dir, "missing"), nil, nil, nil, nil, nil); err == nil {
		t.Fatal("missing program must fail")
	}
}
