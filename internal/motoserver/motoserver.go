// Package motoserver runs moto's server as a subprocess for tests, set up the
// way ../shared/conformance/conform sets it up: cognito-idp's clock frozen at
// 2026-01-02T03:04:05.678Z, a stable page-token checksum and PYTHONHASHSEED=0,
// so that IDs, timestamps and tokens match the conformance transcripts.
package motoserver

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Seed is the value POSTed to /moto-api/seed after every reset, as conform does.
const Seed = 42

// Region is the region fixtures are created in (taken by moto from the
// request's credential scope).
const Region = "us-east-1"

// StartTimeout bounds how long Start waits for moto to report its port.
const StartTimeout = 20 * time.Second

// stopTimeout bounds how long Stop waits for a graceful exit before killing.
const stopTimeout = 10 * time.Second

// launcher is conform's MOTO_LAUNCHER: same clock freeze, same checksum patch,
// so responses are byte-identical to the ones the transcripts were made from.
const launcher = `
import datetime, logging, sys, time, types
logging.disable(logging.CRITICAL)
FROZEN = datetime.datetime(2026, 1, 2, 3, 4, 5, 678000)
try:
    import moto.cognitoidp.models as models
    clock = types.SimpleNamespace(**{k: getattr(time, k) for k in dir(time)
                                     if not k.startswith("__")})
    clock.time = lambda: FROZEN.replace(tzinfo=datetime.timezone.utc).timestamp()
    models.time = clock
    models.utcnow = lambda: FROZEN
except Exception as exc:
    print("motoserver: could not freeze moto's clock: %s" % exc, file=sys.stderr)
try:
    import json, zlib
    from moto.utilities.paginator import Paginator
    def _stable_checksum(self):
        blob = json.dumps(self._param_values_to_check, sort_keys=True, default=str)
        return zlib.crc32(blob.encode())
    Paginator._calculate_parameter_checksum = _stable_checksum
except Exception as exc:
    print("motoserver: could not stabilise moto's page tokens: %s" % exc, file=sys.stderr)
try:
    # Every CreateUserPool imports the same bundled private JWK, recovering
    # its primes each time (~0.1 s of CPU, most of a fixture's cost). The key
    # is a constant and RS256 signing is deterministic, so importing it once
    # changes no response.
    import json, threading
    from joserfc import jwk as _jwk
    _keys, _keys_lock = {}, threading.Lock()
    class _CachedRSAKey:
        @staticmethod
        def import_key(data, *args, **kwargs):
            if args or kwargs or not isinstance(data, dict):
                return _jwk.RSAKey.import_key(data, *args, **kwargs)
            k = json.dumps(data, sort_keys=True)
            with _keys_lock:
                if k not in _keys:
                    _keys[k] = _jwk.RSAKey.import_key(data)
                return _keys[k]
    models.jwk = types.SimpleNamespace(**{k: getattr(_jwk, k) for k in dir(_jwk)
                                          if not k.startswith("__")})
    models.jwk.RSAKey = _CachedRSAKey
except Exception as exc:
    print("motoserver: could not cache moto's signing key: %s" % exc, file=sys.stderr)
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
`

// Server is a running moto server on a loopback port.
type Server struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	port   int
	client *http.Client
	stderr *lockedBuffer

	stopOnce sync.Once
	stopErr  error
	done     chan struct{}
}

// lockedBuffer collects moto's stderr for error messages; the process writes
// to it from another goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() > 1<<20 { // keep memory bounded; the tail is what matters
		b.buf.Reset()
	}
	return b.buf.Write(p)
}

func (b *lockedBuffer) tail(n int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	lines := strings.Split(strings.TrimSpace(b.buf.String()), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Python returns the interpreter used to run moto: $MOTO_PYTHON, else the
// python3 on PATH.
func Python() string {
	if p := os.Getenv("MOTO_PYTHON"); p != "" {
		return p
	}
	return "python3"
}

// Available reports whether the interpreter can import moto, with the reason
// when it cannot.
func Available() error {
	py, err := exec.LookPath(Python())
	if err != nil {
		return fmt.Errorf("motoserver: %s not found on PATH: %w", Python(), err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), StartTimeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, py, "-c", "import moto.server").CombinedOutput()
	if err != nil {
		return fmt.Errorf("motoserver: %s cannot import moto (%v): %s", py, err, strings.TrimSpace(string(out)))
	}
	return nil
}

// Start launches moto and waits (at most StartTimeout) for it to listen.
func Start() (*Server, error) {
	py, err := exec.LookPath(Python())
	if err != nil {
		return nil, fmt.Errorf("motoserver: %s not found on PATH: %w", Python(), err)
	}
	cmd := exec.Command(py, "-c", launcher)
	cmd.Env = append(cleanEnv(os.Environ()), "PYTHONHASHSEED=0")
	// A process group of its own, so Stop can take down any children the
	// interpreter (or a pyenv shim) started.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("motoserver: stdin pipe: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("motoserver: stdout pipe: %w", err)
	}
	s := &Server{
		cmd:    cmd,
		stdin:  stdin,
		stderr: &lockedBuffer{},
		done:   make(chan struct{}),
		client: &http.Client{
			Timeout:   30 * time.Second,
			Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		},
	}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("motoserver: starting %s: %w", py, err)
	}
	go func() { _ = cmd.Wait(); close(s.done) }()

	portc := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		portc <- strings.TrimSpace(line)
		// Keep draining so the launcher never blocks on a full pipe.
		_, _ = io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-portc:
		port, err := strconv.Atoi(line)
		if err != nil || port <= 0 || port > 65535 {
			_ = s.Stop()
			return nil, fmt.Errorf("motoserver: moto did not report a port (is moto installed for %s?): %q\n%s", py, line, s.stderr.tail(5))
		}
		s.port = port
	case <-time.After(StartTimeout):
		_ = s.Stop()
		return nil, fmt.Errorf("motoserver: moto did not start within %s\n%s", StartTimeout, s.stderr.tail(5))
	}
	return s, nil
}

// StartT starts moto for a test, fails the test if it cannot, and stops it
// when the test (and its subtests) finish.
func StartT(t testing.TB) *Server {
	t.Helper()
	s, err := Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Logf("stopping moto: %v", err)
		}
	})
	return s
}

// cleanEnv drops proxy settings: moto and its clients talk over loopback only.
func cleanEnv(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch strings.ToLower(name) {
		case "http_proxy", "https_proxy", "all_proxy", "pythonhashseed":
			continue
		}
		out = append(out, kv)
	}
	return out
}

// Port is moto's loopback port.
func (s *Server) Port() int { return s.port }

// Endpoint is moto's base URL, http://127.0.0.1:PORT.
func (s *Server) Endpoint() string { return "http://127.0.0.1:" + strconv.Itoa(s.port) }

// Reset clears moto's state and reseeds its random generator, so the next
// fixture gets the same IDs as in the conformance transcripts.
func (s *Server) Reset() error {
	if err := s.post("/moto-api/reset"); err != nil {
		return err
	}
	return s.post("/moto-api/seed?a=" + strconv.Itoa(Seed))
}

func (s *Server) post(path string) error {
	resp, err := s.client.Post(s.Endpoint()+path, "text/plain", nil)
	if err != nil {
		return fmt.Errorf("motoserver: POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("motoserver: POST %s: %s: %s", path, resp.Status, bytes.TrimSpace(body))
	}
	return nil
}

// Stop ends moto: closing its stdin asks the launcher to exit; if it has not
// within a few seconds, the whole process group is killed. Safe to call
// more than once.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		_ = s.stdin.Close()
		select {
		case <-s.done:
		case <-time.After(stopTimeout):
		}
		// ThreadedMotoServer's threads may outlive the interpreter's main
		// thread, and a shim may have forked: kill the group regardless.
		pgid := s.cmd.Process.Pid
		if err := syscall.Kill(-pgid, syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
			s.stopErr = fmt.Errorf("motoserver: killing process group %d: %w", pgid, err)
		}
		select {
		case <-s.done:
		case <-time.After(stopTimeout):
			s.stopErr = fmt.Errorf("motoserver: process %d did not exit", pgid)
		}
	})
	return s.stopErr
}
