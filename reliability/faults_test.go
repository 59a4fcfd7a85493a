package reliability

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/faultserver"
)

// faultCase is one row of the fault matrix.
type faultCase struct {
	name  string
	fault faultserver.Fault // served by a fault server
	// endpoint is "refused" or "unaccepting" when no fault server is used.
	endpoint string
	delay    time.Duration
	args     []string
	env      []string
	config   string // the config file's text
	// deliberate marks a case where we differ from the reference on
	// purpose: it loses a broken 200 silently, we fail with exit 255.
	deliberate bool
	// limit is how long the reference may take at most: attempts times the
	// timeouts plus botocore's backoff (at most 1 s + 2 s for 3 attempts).
	limit time.Duration
}

// faultCases is the matrix. Every call is describe-user-pool; timeouts are
// one second to keep the run short.
var faultCases = []faultCase{
	{name: "ok", fault: faultserver.OK},
	{name: "status-500", fault: faultserver.Status500},
	{name: "status-503", fault: faultserver.Status503},
	{name: "throttling", fault: faultserver.Throttling},
	{name: "too-many-requests", fault: faultserver.TooManyRequests},
	{name: "not-found", fault: faultserver.NotFound},
	{name: "reset-before-response", fault: faultserver.ResetBeforeResponse},
	{name: "close-before-response", fault: faultserver.CloseBeforeResponse},
	{name: "reset-mid-body", fault: faultserver.ResetMidBody},
	{name: "not-json", fault: faultserver.NotJSON, deliberate: true},
	{name: "truncated", fault: faultserver.Truncated, deliberate: true},
	{name: "truncated-json", fault: faultserver.TruncatedJSON, deliberate: true},
	{name: "read-timeout", fault: faultserver.Slow, delay: 3 * time.Second,
		args: []string{"--cli-read-timeout", "1"}, limit: 15 * time.Second},
	{name: "read-timeout-mid-body", fault: faultserver.SlowBody, delay: 3 * time.Second,
		args: []string{"--cli-read-timeout", "1"}, limit: 15 * time.Second},
	{name: "connection-refused", endpoint: "refused"},
	{name: "connect-timeout", endpoint: "unaccepting",
		args: []string{"--cli-connect-timeout", "1"}, limit: 15 * time.Second},
	{name: "max-attempts-env-5", fault: faultserver.Status500, env: []string{"AWS_MAX_ATTEMPTS=5"},
		limit: 40 * time.Second},
	{name: "max-attempts-env-1", fault: faultserver.Throttling, env: []string{"AWS_MAX_ATTEMPTS=1"}},
	{name: "max-attempts-config-2", fault: faultserver.Status503, config: "[default]\nmax_attempts = 2\n"},
	{name: "retry-mode-legacy", fault: faultserver.Status500, env: []string{"AWS_RETRY_MODE=legacy"},
		limit: 40 * time.Second},
	{name: "retry-mode-adaptive", fault: faultserver.Throttling, env: []string{"AWS_RETRY_MODE=adaptive"}},
	{name: "max-attempts-env-python-int", fault: faultserver.Status503, env: []string{"AWS_MAX_ATTEMPTS= 2 "}},
	{name: "max-attempts-env-abc", fault: faultserver.Status500, env: []string{"AWS_MAX_ATTEMPTS=abc"}},
	{name: "max-attempts-env-0", fault: faultserver.Status500, env: []string{"AWS_MAX_ATTEMPTS=0"}},
	{name: "max-attempts-config-abc", fault: faultserver.Status500, config: "[default]\nmax_attempts = abc\n"},
	{name: "retry-mode-env-bogus", fault: faultserver.Status500, env: []string{"AWS_RETRY_MODE=Standard"}},
	{name: "retry-mode-config-legacy", fault: faultserver.Throttling, config: "[default]\nretry_mode = legacy\nmax_attempts = 2\n"},
}

// faultGolden is what the reference did for one case.
type faultGolden struct {
	Args     []string `json:"args"`
	Env      []string `json:"env,omitempty"`
	Config   string   `json:"config,omitempty"`
	Stdout   string   `json:"stdout"`
	Stderr   string   `json:"stderr"`
	Exit     int      `json:"exit"`
	Attempts int      `json:"attempts"`
	// Seconds is how long the reference took, for the record.
	Seconds float64 `json:"seconds"`
}

// endpointPlaceholder stands for the fault server's URL in goldens.
const endpointPlaceholder = "http://127.0.0.1:PORT"

// translate turns AWS CLI 2.9.19's error text into 2.36.7's, as
// ../shared/conformance/REFERENCE.md describes: runtime and service errors
// gain the "aws: [ERROR]: " prefix after their leading blank line.
func translate(stderr string, exit int) string {
	if (exit == 254 || exit == 255) && strings.HasPrefix(stderr, "\n") {
		return "\naws: [ERROR]: " + stderr[1:]
	}
	return stderr
}

func TestFaults(t *testing.T) {
	for _, fc := range faultCases {
		fc := fc
		t.Run(fc.name, func(t *testing.T) {
			t.Parallel()
			runFaultCase(t, fc)
		})
	}
}

func runFaultCase(t *testing.T, fc faultCase) {
	var url string
	attempts := func() int { return 0 }
	switch fc.endpoint {
	case "refused":
		u, err := faultserver.RefusedURL()
		if err != nil {
			t.Fatal(err)
		}
		url = u
	case "unaccepting":
		u, err := faultserver.NewUnaccepting()
		if err != nil {
			t.Skipf("no never-accepting listener: %v", err)
		}
		defer u.Close()
		url = u.URL()
	default:
		s, err := faultserver.Start(faultserver.Config{Fault: fc.fault, Delay: fc.delay})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		url, attempts = s.URL(), s.Attempts
	}
	env := baseEnv(t)
	env = append(env, fc.env...)
	if fc.config != "" {
		home := strings.TrimPrefix(env[1], "HOME=")
		if err := os.WriteFile(filepath.Join(home, "config"), []byte(fc.config), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	args := append([]string{"cognito-idp", "describe-user-pool", "--user-pool-id", "us-east-1_fault",
		"--endpoint-url", url}, fc.args...)
	limit := fc.limit
	if limit == 0 {
		limit = 10 * time.Second
	}
	// The hard limit leaves room for a loaded machine; the check against
	// limit below is the real bound.
	r := run(t, 2*limit+10*time.Second, env, "", args...)
	got := faultGolden{
		Args:     append([]string{"aws"}, args...),
		Env:      fc.env,
		Config:   fc.config,
		Stdout:   strings.ReplaceAll(r.Stdout, url, endpointPlaceholder),
		Stderr:   strings.ReplaceAll(r.Stderr, url, endpointPlaceholder),
		Exit:     r.Exit,
		Attempts: attempts(),
		Seconds:  float64(r.Elapsed.Round(100*time.Millisecond)) / float64(time.Second),
	}
	for i, a := range got.Args {
		got.Args[i] = strings.ReplaceAll(a, url, endpointPlaceholder)
	}
	path := filepath.Join("testdata", "faults", fc.name+".json")
	if *recordFlag {
		data, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden missing (record with testdata/record.sh): %v", err)
	}
	var want faultGolden
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	assertNoGoTrace(t, r.Stderr)
	if r.Elapsed > limit {
		t.Errorf("took %v, more than the %v the configured timeouts and backoff allow", r.Elapsed, limit)
	}
	if fc.endpoint == "" && got.Attempts != want.Attempts {
		t.Errorf("server saw %d attempts, the reference made %d", got.Attempts, want.Attempts)
	}
	if fc.deliberate {
		// The reference prints nothing and exits 0, losing the answer.
		if want.Exit != 0 || want.Stdout != "" {
			t.Fatalf("the reference no longer loses a broken 200 (exit %d, stdout %q): revisit this case", want.Exit, want.Stdout)
		}
		if got.Exit != 255 || got.Stdout != "" || !strings.HasPrefix(got.Stderr, "\naws: [ERROR]: ") {
			t.Errorf("a broken 200 must fail with exit 255 and a message; got exit %d\nstdout: %q\nstderr: %q",
				got.Exit, got.Stdout, got.Stderr)
		}
		return
	}
	if got.Exit != want.Exit {
		t.Errorf("exit %d, want %d", got.Exit, want.Exit)
	}
	if got.Stdout != want.Stdout {
		t.Errorf("stdout:\n got %q\nwant %q", got.Stdout, want.Stdout)
	}
	if w := translate(want.Stderr, want.Exit); got.Stderr != w {
		t.Errorf("stderr:\n got %q\nwant %q", got.Stderr, w)
	}
}
