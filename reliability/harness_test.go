// Package reliability runs the built binary end to end under faults, hostile
// conditions and load: a fault server playing a broken endpoint, signals,
// closed pipes, --debug output scanned for secrets, and many parallel
// invocations against one moto server.
package reliability

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var (
	recordFlag    = flag.Bool("record", false, "record golden files from the reference CLI instead of testing")
	referenceFlag = flag.String("reference", "/usr/bin/aws", "reference CLI used by -record")
	dataPathFlag  = flag.String("data-path", "/tmp/awsdata", "AWS_DATA_PATH for the reference, holding the current cognito-idp model")
	binaryFlag    = flag.String("binary", "", "test this binary instead of building ./cmd/aws")
)

// binary is the CLI under test (or the reference when recording); scratch
// is a directory removed after the run.
var binary, scratch string

func TestMain(m *testing.M) {
	flag.Parse()
	code := 1
	if err := setup(); err != nil {
		fmt.Fprintln(os.Stderr, "reliability:", err)
	} else {
		code = m.Run()
	}
	if scratch != "" {
		os.RemoveAll(scratch)
	}
	os.Exit(code)
}

func setup() error {
	var err error
	scratch, err = os.MkdirTemp("", "reliability-")
	if err != nil {
		return err
	}
	switch {
	case *recordFlag:
		binary = *referenceFlag
		if _, err := os.Stat(binary); err != nil {
			return fmt.Errorf("record mode needs the reference CLI: %w", err)
		}
	case *binaryFlag != "":
		binary, err = filepath.Abs(*binaryFlag)
		return err
	default:
		binary = filepath.Join(scratch, "aws")
		goTool := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			goTool = "go"
		}
		cmd := exec.Command(goTool, "build", "-o", binary, "./cmd/aws")
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building ./cmd/aws: %v\n%s", err, out)
		}
	}
	return nil
}

// baseEnv is a clean environment: static test credentials, no pager, a home
// without configuration, and the reference's model path.
func baseEnv(t testing.TB) []string {
	home := t.TempDir()
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"AWS_CONFIG_FILE=" + filepath.Join(home, "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(home, "credentials"),
		"AWS_ACCESS_KEY_ID=test",
		"AWS_SECRET_ACCESS_KEY=test",
		"AWS_DEFAULT_REGION=us-east-1",
		"AWS_PAGER=",
		"AWS_EC2_METADATA_DISABLED=true",
		"LANG=C.UTF-8",
	}
	if *recordFlag {
		env = append(env, "AWS_DATA_PATH="+*dataPathFlag)
	}
	return env
}

// result is one run of the binary.
type result struct {
	Stdout  string
	Stderr  string
	Exit    int
	Elapsed time.Duration
}

// run executes the binary with a hard limit, so a hang fails the test
// instead of stalling the suite.
func run(t testing.TB, limit time.Duration, env []string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = env
	cmd.Dir = scratch
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{Stdout: stdout.String(), Stderr: stderr.String(), Elapsed: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %q did not finish within %v\nstderr: %s", binary, args, limit, stderr.String())
	case errors.As(err, &ee):
		r.Exit = ee.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", binary, err)
	}
	return r
}

// assertNoGoTrace fails when output looks like a Go panic or runtime trace.
func assertNoGoTrace(t testing.TB, out string) {
	t.Helper()
	for _, marker := range []string{"goroutine ", "panic:", "runtime error", ".go:", "runtime/debug"} {
		if strings.Contains(out, marker) {
			t.Errorf("output contains a Go trace marker %q:\n%s", marker, out)
		}
	}
}
