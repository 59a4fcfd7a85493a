package cmd

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// ExitInterrupted is the CLI's exit code after Ctrl-C (128 + SIGINT).
const ExitInterrupted = 130

// Run is the process's entry point: Main on the process's own streams, with
// Ctrl-C and a closed stdout handled as the CLI handles them.
//
// Ctrl-C: the CLI writes a newline to stdout and exits 130, whatever it was
// doing. A write to stdout in progress is allowed to finish first, so what
// was printed ends on a whole write, not in the middle of one.
//
// A closed stdout (`aws ... | head -1`): Go would die of SIGPIPE; asking for
// the signal makes writes fail with EPIPE instead, which Main reports as the
// CLI does (see brokenPipe).
func Run(args []string) int {
	ios := System()
	hideRetryEnv(ios)
	out := &lockedWriter{w: ios.Out}
	ios.Out = out
	// Ignoring SIGPIPE makes writes fail with EPIPE; unlike Notify it starts
	// no signal-watching thread, which offline commands would pay for.
	signal.Ignore(syscall.SIGPIPE)
	var once sync.Once
	ios.WatchInterrupt = func() {
		once.Do(func() {
			interrupt := make(chan os.Signal, 1)
			signal.Notify(interrupt, os.Interrupt)
			go func() {
				<-interrupt
				out.interrupt(os.Stdout)
				os.Exit(ExitInterrupted)
			}()
		})
	}
	return Main(args, ios)
}

// lockedWriter serialises writes to stdout with the interrupt handler.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Unwrap gives the pager the terminal itself.
func (l *lockedWriter) Unwrap() io.Writer { return l.w }

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// interrupt writes the CLI's newline once the write in progress, if any, is
// done, and keeps the lock so nothing is written after it. A write blocked
// on a stalled reader is not waited for beyond a second.
func (l *lockedWriter) interrupt(w io.Writer) {
	for deadline := time.Now().Add(time.Second); !l.mu.TryLock(); {
		if time.Now().After(deadline) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	io.WriteString(w, "\n")
}

// brokenPipe reports what the CLI does when stdout was closed by its reader:
// the fully buffered formats (json, table, yaml, yaml-stream) catch the
// error and exit 0 quietly; text output, written page by page, lets it
// through as Python's "[Errno 32] Broken pipe" (exit 255).
func (a *app) brokenPipe(err error) (int, bool) {
	if !errors.Is(err, syscall.EPIPE) || a.globals == nil {
		return 0, false
	}
	out, oerr := a.outputSettings()
	if oerr != nil || out.format != "text" {
		return 0, true
	}
	return printError(a.io.ErrOut, errors.New("[Errno 32] Broken pipe"), "enhanced"), true
}

// retryEnv are the variables the command layer resolves and checks itself
// (cmd/retry.go) and hands to the SDK as options.
var retryEnv = [...]string{"AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE"}

// hideRetryEnv keeps the retry variables from the SDK, which would read them
// from the process environment and refuse values the CLI accepts (" 2",
// "1_0") with its own message, while ios still sees them, and so does a
// fallback CLI through Environ.
func hideRetryEnv(ios *IOStreams) {
	saved := map[string]string{}
	for _, k := range retryEnv {
		if v, ok := os.LookupEnv(k); ok {
			saved[k] = v
			os.Unsetenv(k)
		}
	}
	if len(saved) == 0 {
		return
	}
	getenv, environ := ios.Getenv, ios.Environ
	ios.Getenv = func(k string) string {
		if v, ok := saved[k]; ok {
			return v
		}
		return getenv(k)
	}
	if environ != nil {
		ios.Environ = func() []string {
			env := environ()
			for _, k := range retryEnv {
				if v, ok := saved[k]; ok {
					env = append(env, k+"="+v)
				}
			}
			return env
		}
	}
}
