package cmd

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// standIn writes an aws script that records its arguments (one per line),
// FOO from its environment and its stdin into dir/record, writes to both
// streams and exits 42.
func standIn(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "aws")
	script := "#!/bin/sh\n" +
		"rec=\"$(dirname \"$0\")/record\"\n" +
		"for a in \"$@\"; do printf 'arg:%s\\n' \"$a\"; done > \"$rec\"\n" +
		"printf 'FOO:%s\\n' \"$FOO\" >> \"$rec\"\n" +
		"printf 'depth:%s\\n' \"$AWS_CLI_FALLBACK_DEPTH\" >> \"$rec\"\n" +
		"sed 's/^/stdin:/' >> \"$rec\"\n" +
		"echo real-out\necho real-err >&2\nexit 42\n"
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func readRecord(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "record"))
	if err != nil {
		t.Fatalf("the stand-in did not run: %v", err)
	}
	return string(data)
}

const wantRecord = "arg:--region\narg:eu-west-1\narg:s3\narg:ls\narg:s3://bucket/a b\narg:\n" +
	"FOO:bar\ndepth:1\nstdin:line one\nstdin:line two\n"

var fallbackArgs = []string{"--region", "eu-west-1", "s3", "ls", "s3://bucket/a b", ""}

// In-process: the real CLI runs as a child on the given streams.
func TestFallbackInProcess(t *testing.T) {
	setEnv(t)
	dir := t.TempDir()
	real := standIn(t, dir)
	env := map[string]string{"AWS_CLI_FALLBACK": real, "PATH": os.Getenv("PATH")}
	ios := &IOStreams{
		In:      strings.NewReader("line one\nline two\n"),
		Getenv:  func(k string) string { return env[k] },
		Environ: func() []string { return []string{"FOO=bar", "PATH=" + os.Getenv("PATH")} },
	}
	r := runIn(ios, fallbackArgs...)
	if r.code != 42 || r.stdout != "real-out\n" || r.stderr != "real-err\n" {
		t.Fatalf("fallback: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if got := readRecord(t, dir); got != wantRecord {
		t.Fatalf("recorded\n%s\nwant\n%s", got, wantRecord)
	}

	// cognito-idp itself never falls back.
	os.Remove(filepath.Join(dir, "record"))
	r = runIn(&IOStreams{Getenv: ios.Getenv, Environ: ios.Environ}, "cognito-idp", "bogus-op")
	if r.code != 252 || !strings.Contains(r.stderr, "argument operation: Found invalid choice 'bogus-op'") {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "record")); err == nil {
		t.Fatal("the fallback ran for a cognito-idp command")
	}
}

// The built binary: on unix the real CLI replaces the process, found on
// PATH past a link to this binary; pointing the variable at this binary
// is refused; without the variable the reference's error stays.
func TestFallbackBinary(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell stand-in")
	}
	setEnv(t)
	bin := filepath.Join(t.TempDir(), "aws")
	if out, err := exec.Command("go", "build", "-o", bin, "./aws").CombinedOutput(); err != nil {
		t.Fatalf("building: %v\n%s", err, out)
	}
	selfDir, realDir := t.TempDir(), t.TempDir()
	if err := os.Symlink(bin, filepath.Join(selfDir, "aws")); err != nil {
		t.Fatal(err)
	}
	standIn(t, realDir)
	path := selfDir + string(os.PathListSeparator) + realDir + string(os.PathListSeparator) + "/usr/bin:/bin"

	runBin := func(env []string, args ...string) (string, string, int) {
		c := exec.Command(filepath.Join(selfDir, "aws"), args...)
		c.Env = append(os.Environ(), env...)
		c.Stdin = strings.NewReader("line one\nline two\n")
		var out, errb bytes.Buffer
		c.Stdout, c.Stderr = &out, &errb
		err := c.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), errb.String(), code
	}

	out, errOut, code := runBin([]string{"PATH=" + path, "AWS_CLI_FALLBACK=auto", "FOO=bar"}, fallbackArgs...)
	if code != 42 || out != "real-out\n" || errOut != "real-err\n" {
		t.Fatalf("auto fallback: %d %q %q", code, out, errOut)
	}
	if got := readRecord(t, realDir); got != wantRecord {
		t.Fatalf("recorded\n%s\nwant\n%s", got, wantRecord)
	}

	_, errOut, code = runBin([]string{"PATH=" + path, "AWS_CLI_FALLBACK=" + filepath.Join(selfDir, "aws")}, "s3", "ls")
	if code != 255 || !strings.Contains(errOut, "the fallback is this binary itself") {
		t.Fatalf("self fallback: %d %q", code, errOut)
	}

	// Only this binary on PATH: auto finds nothing.
	_, errOut, code = runBin([]string{"PATH=" + selfDir, "AWS_CLI_FALLBACK=auto"}, "s3", "ls")
	if code != 255 || !strings.Contains(errOut, "no aws on PATH other than this binary") {
		t.Fatalf("auto without a real CLI: %d %q", code, errOut)
	}

	// A wrapper that leads back here stops after a few rounds.
	wrapper := filepath.Join(realDir, "wrapper")
	if err := os.WriteFile(wrapper, []byte("#!/bin/sh\nexec "+bin+" \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = runBin([]string{"PATH=" + path, "AWS_CLI_FALLBACK=" + wrapper}, "s3", "ls")
	if code != 255 || !strings.Contains(errOut, "led back here 3 times") {
		t.Fatalf("loop guard: %d %q", code, errOut)
	}

	// Without the variable: the reference's invalid-choice error (2.36.7's
	// wording per REFERENCE.md), exit 252, and the stand-in is not run.
	os.Remove(filepath.Join(realDir, "record"))
	out, errOut, code = runBin([]string{"PATH=" + path}, "s3", "ls")
	if code != 252 || out != "" || !strings.HasPrefix(errOut, "\naws: [ERROR]: An error occurred (ParamValidation): argument command: Found invalid choice 's3'\n") {
		t.Fatalf("no fallback: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(realDir, "record")); err == nil {
		t.Fatal("the stand-in ran without AWS_CLI_FALLBACK")
	}
}
