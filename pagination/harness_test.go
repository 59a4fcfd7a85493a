// Package pagination holds the end-to-end tests of auto-pagination: the
// built binary against a local moto server, compared with golden output
// recorded from the reference CLI (testdata/record.sh), plus the memory
// benchmark of list-users over thousands of users.
package pagination

import (
	"bytes"
	"compress/gzip"
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

	"github.com/cognito-cli/aws/internal/motoserver"
)

var (
	recordFlag    = flag.Bool("record", false, "record golden files with the reference CLI instead of testing")
	referenceFlag = flag.String("reference", "/usr/bin/aws", "reference CLI used by -record")
	binaryFlag    = flag.String("aws", "", "binary under test (default: build ./cmd/aws into a temporary directory)")
)

// harness is set up once by TestMain and read-only afterwards.
type harness struct {
	binary   string // ours, or the reference in record mode
	dataPath string // AWS_DATA_PATH for the reference
	scratch  string
	moto     *motoserver.Server
	motoErr  error
}

var h harness

func TestMain(m *testing.M) {
	flag.Parse()
	code := 1
	if err := setup(); err != nil {
		fmt.Fprintln(os.Stderr, "pagination:", err)
	} else {
		code = m.Run()
	}
	if h.moto != nil {
		_ = h.moto.Stop()
	}
	if h.scratch != "" {
		os.RemoveAll(h.scratch)
	}
	os.Exit(code)
}

func setup() error {
	scratch, err := os.MkdirTemp("", "pagination-")
	if err != nil {
		return err
	}
	h.scratch = scratch
	switch {
	case *recordFlag:
		h.binary = *referenceFlag
		h.dataPath = filepath.Join(scratch, "models")
		if err := buildDataPath(h.dataPath); err != nil {
			return err
		}
	case *binaryFlag != "":
		if h.binary, err = filepath.Abs(*binaryFlag); err != nil {
			return err
		}
	default:
		h.binary = filepath.Join(scratch, "aws")
		cmd := exec.Command("go", "build", "-o", h.binary, "./cmd/aws")
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("building ./cmd/aws: %v\n%s", err, out)
		}
	}
	return nil
}

// server starts moto on first use, so that tests which do not need it
// (and -run filters) do not pay for it.
func server(t testing.TB) *motoserver.Server {
	t.Helper()
	if h.moto == nil && h.motoErr == nil {
		if err := motoserver.Available(); err != nil {
			h.motoErr = err
		} else {
			h.moto, h.motoErr = motoserver.Start()
		}
	}
	if h.motoErr != nil {
		t.Fatalf("moto is needed: %v", h.motoErr)
	}
	return h.moto
}

// buildDataPath lays out the vendored model for the reference CLI, with the
// endpoint rules of the botocore moto's Python has installed.
func buildDataPath(dest string) error {
	out := filepath.Join(dest, "cognito-idp", "2016-04-18")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, n := range []string{"service-2.json", "paginators-1.json"} {
		data, err := os.ReadFile(filepath.Join("..", "model", "botocore", n))
		if err != nil {
			return fmt.Errorf("vendored model: %w", err)
		}
		if err := os.WriteFile(filepath.Join(out, n), data, 0o644); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dir, err := exec.CommandContext(ctx, motoserver.Python(), "-c",
		"import botocore, os; print(os.path.dirname(botocore.__file__))").Output()
	if err != nil {
		return fmt.Errorf("locating botocore: %w", err)
	}
	p := filepath.Join(strings.TrimSpace(string(dir)), "data", "cognito-idp", "2016-04-18", "endpoint-rule-set-1.json")
	data, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		var gz []byte
		if gz, err = os.ReadFile(p + ".gz"); err == nil {
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(gz)); err == nil {
				var b bytes.Buffer
				_, err = b.ReadFrom(zr)
				data = b.Bytes()
			}
		}
	}
	if err != nil {
		return fmt.Errorf("botocore endpoint rules: %w", err)
	}
	return os.WriteFile(filepath.Join(out, "endpoint-rule-set-1.json"), data, 0o644)
}

// result is one command's outcome.
type result struct {
	Stdout string `json:"stdout"`
	Stderr string `json:"stderr"`
	Exit   int    `json:"exit"`
}

// run executes the CLI under test with a clean environment: test
// credentials, us-east-1, no pager, no config files.
func run(t testing.TB, endpoint string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	argv := append([]string{"--endpoint-url", endpoint}, args...)
	cmd := exec.CommandContext(ctx, h.binary, argv...)
	cmd.Env = baseEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running %s: %v", h.binary, err)
	}
	return result{Stdout: stdout.String(), Stderr: stderr.String(), Exit: code}
}

func baseEnv() []string {
	home := filepath.Join(h.scratch, "home")
	_ = os.MkdirAll(home, 0o755)
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"AWS_ACCESS_KEY_ID=test",
		"AWS_SECRET_ACCESS_KEY=test",
		"AWS_DEFAULT_REGION=us-east-1",
		"AWS_PAGER=",
		"AWS_CONFIG_FILE=" + filepath.Join(home, "nonexistent-config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(home, "nonexistent-credentials"),
		"AWS_EC2_METADATA_DISABLED=true",
		"LC_ALL=C.UTF-8",
	}
	if h.dataPath != "" {
		env = append(env, "AWS_DATA_PATH="+h.dataPath)
	}
	return env
}
