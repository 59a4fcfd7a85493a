package cmd

import (
	"fmt"

	"github.com/cognito-cli/aws/internal/completion"
)

// Completer is the program run under the name aws_completer. With
// COMP_LINE set it speaks bash's "complete -C" protocol; run by hand with
// a shell name (bash, zsh, fish, powershell) it prints that shell's
// completion script.
func Completer(args []string, ios *IOStreams) int {
	if ios.Getenv("COMP_LINE") == "" && len(args) == 1 {
		for _, sh := range completion.Shells() {
			if args[0] == sh {
				if err := completion.Script(sh, ios.Out); err != nil {
					fmt.Fprintf(ios.ErrOut, "aws_completer: %v\n", err)
					return 1
				}
				return 0
			}
		}
	}
	return completion.Main(ios.Getenv, ios.Out)
}

// scriptCompletion answers the "aws __complete ..." requests of the
// generated zsh, fish and PowerShell scripts.
func scriptCompletion(args []string, ios *IOStreams) (int, bool) {
	if !completion.IsRequest(args) {
		return 0, false
	}
	return completion.Run(args, ios.Getenv, ios.Out, ios.ErrOut), true
}
