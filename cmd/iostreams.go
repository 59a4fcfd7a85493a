package cmd

import (
	"io"
	"os"
	"time"

	"github.com/cognito-cli/aws/internal/fallback"

	"golang.org/x/term"
)

// IOStreams carries every input and output of a run, so a command can be
// run in-process by tests with buffers in place of the terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// StdoutTTY reports whether Out is a terminal (pager, colour "auto").
	StdoutTTY bool
	// Getenv reads the environment.
	Getenv func(string) string
	// WatchInterrupt, when set, installs the Ctrl-C handling; it is called
	// before the first network call, so that offline commands, which end in
	// milliseconds, do not pay for a signal-watching thread.
	WatchInterrupt func()
	// TerminalWidth returns the width of the terminal Out is, or 0.
	TerminalWidth func() int
	// StderrTTY reports whether ErrOut is a terminal (progress line).
	StderrTTY bool
	// Now is the clock of the progress line; nil means time.Now.
	Now func() time.Time
	// Environ lists the environment passed to the fallback CLI.
	Environ func() []string
	// Exec replaces the process with the fallback CLI; nil runs it as a
	// child on these streams instead (in-process runs, tests).
	Exec func(path string, args, env []string) error
}

// System returns the process's own streams and environment.
func System() *IOStreams {
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		StdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		StderrTTY: term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:    os.Getenv,
		Environ:   os.Environ,
		Exec:      fallback.Exec,
		TerminalWidth: func() int {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			if err != nil {
				return 0
			}
			return w
		},
	}
}
