package reliability

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/faultserver"
)

// streamGolden is what the reference did when interrupted or when its
// reader went away.
type streamGolden struct {
	Args   []string `json:"args"`
	Stdout string   `json:"stdout"`
	Stderr string   `json:"stderr"`
	Exit   int      `json:"exit"`
}

func loadOrRecord(t *testing.T, path string, got streamGolden) (streamGolden, bool) {
	t.Helper()
	if *recordFlag {
		data, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return got, false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden missing (record with testdata/record.sh): %v", err)
	}
	var want streamGolden
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return want, true
}

// digits are blurred when comparing how far an interrupted pagination got.
var digits = regexp.MustCompile(`[0-9]+`)

// shape is stdout with numbers blurred and runs of equal lines collapsed:
// how many pages came before Ctrl-C depends on timing, their form does not.
func shape(s string) string {
	lines := strings.Split(digits.ReplaceAllString(s, "N"), "\n")
	var out []string
	for i, l := range lines {
		if i == 0 || l != lines[i-1] {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestInterrupt sends SIGINT while a call waits for its answer and while a
// never-ending pagination prints page after page: the CLI writes a newline
// on stdout and exits 130, keeping what was printed whole.
func TestInterrupt(t *testing.T) {
	cases := []struct {
		name   string
		fault  faultserver.Fault
		delay  time.Duration
		after  int // attempts the server has seen before the signal
		args   []string
		shaped bool
	}{
		{"sigint-during-call", faultserver.Slow, time.Minute, 1,
			[]string{"describe-user-pool", "--user-pool-id", "us-east-1_fault"}, false},
		{"sigint-during-pagination-json", faultserver.Pages, 20 * time.Millisecond, 5,
			[]string{"list-users", "--user-pool-id", "us-east-1_fault"}, false},
		{"sigint-during-pagination-text", faultserver.Pages, 20 * time.Millisecond, 5,
			[]string{"list-users", "--user-pool-id", "us-east-1_fault", "--output", "text"}, true},
	}
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s, err := faultserver.Start(faultserver.Config{Fault: c.fault, Delay: c.delay})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			args := append(append([]string{"cognito-idp"}, c.args...), "--endpoint-url", s.URL())
			cmd := exec.Command(binary, args...)
			cmd.Env = baseEnv(t)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			for deadline := time.Now().Add(30 * time.Second); s.Attempts() < c.after; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("the server saw %d attempts in 30 s", s.Attempts())
				}
			}
			start := time.Now()
			cmd.Process.Signal(syscall.SIGINT)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("still running 10 s after SIGINT")
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v to stop after SIGINT", d)
			}
			got := streamGolden{Args: append([]string{"aws"}, c.args...), Stdout: stdout.String(),
				Stderr: stderr.String(), Exit: cmd.ProcessState.ExitCode()}
			want, ok := loadOrRecord(t, filepath.Join("testdata", "signals", c.name+".json"), got)
			if !ok {
				return
			}
			assertNoGoTrace(t, got.Stderr)
			if got.Exit != want.Exit || got.Stderr != want.Stderr {
				t.Errorf("exit %d stderr %q, want exit %d stderr %q", got.Exit, got.Stderr, want.Exit, want.Stderr)
			}
			gs, ws := got.Stdout, want.Stdout
			if c.shaped {
				gs, ws = shape(gs), shape(ws)
			}
			if gs != ws {
				t.Errorf("stdout:\n got %q\nwant %q", gs, ws)
			}
		})
	}
}

// bigListUsers is a ListUsers answer far larger than a pipe's buffer.
func bigListUsers() string {
	var b strings.Builder
	b.WriteString(`{"Users": [`)
	for i := 0; i < 5000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"Username": "user-%05d", "Enabled": true, "UserStatus": "CONFIRMED"}`, i)
	}
	b.WriteString(`]}`)
	return b.String()
}

// TestBrokenPipe closes stdout after its first line, as `| head -1` does.
// The reference ends quietly with exit 0 for the buffered formats and fails
// with "[Errno 32] Broken pipe" (255) for text, written page by page.
func TestBrokenPipe(t *testing.T) {
	s, err := faultserver.Start(faultserver.Config{Fault: faultserver.OK, Body: bigListUsers()})
	if err != nil {
		t.Fatal(err)
	}
	// The subtests run in parallel, after this function has returned.
	t.Cleanup(func() { s.Close() })
	for _, format := range []string{"json", "text", "table", "yaml", "yaml-stream"} {
		format := format
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			args := []string{"cognito-idp", "list-users", "--user-pool-id", "us-east-1_fault", "--output", format,
				"--endpoint-url", s.URL()}
			cmd := exec.Command(binary, args...)
			cmd.Env = baseEnv(t)
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = w, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			w.Close()
			first, _ := bufio.NewReader(r).ReadString('\n')
			r.Close()
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 20 s after its reader went away")
			}
			got := streamGolden{Args: append([]string{"aws"}, args[:len(args)-2]...), Stdout: first,
				Stderr: stderr.String(), Exit: cmd.ProcessState.ExitCode()}
			want, ok := loadOrRecord(t, filepath.Join("testdata", "pipe", format+".json"), got)
			if !ok {
				return
			}
			assertNoGoTrace(t, got.Stderr)
			if got.Stdout != want.Stdout {
				t.Errorf("first line %q, want %q", got.Stdout, want.Stdout)
			}
			if w := translate(want.Stderr, want.Exit); got.Exit != want.Exit || got.Stderr != w {
				t.Errorf("exit %d stderr %q, want exit %d stderr %q", got.Exit, got.Stderr, want.Exit, w)
			}
		})
	}
}
