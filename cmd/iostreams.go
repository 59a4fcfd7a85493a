package cmd

import (
	"io"
	"os"

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
	// TerminalWidth returns the width of the terminal Out is, or 0.
	TerminalWidth func() int
}

// System returns the process's own streams and environment.
func System() *IOStreams {
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		StdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		Getenv:    os.Getenv,
		TerminalWidth: func() int {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			if err != nil {
				return 0
			}
			return w
		},
	}
}
