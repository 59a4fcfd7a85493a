// Package cobrascripts generates the shell completion scripts with cobra's
// generators. It is used at generate time only, so the aws binary does not
// link cobra: the scripts are embedded as text and their "aws __complete"
// requests are answered by the completion package itself.
package cobrascripts

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Shells are the shells cobra writes scripts for.
func Shells() []string { return []string{"bash", "zsh", "fish", "powershell"} }

// Generate writes the completion script of shell for the aws command.
// The command takes every word itself (DisableFlagParsing): the AWS CLI
// accepts global options anywhere and list options take several values,
// which cobra's own flag parsing cannot follow, so the scripts only relay
// the words to "aws __complete".
func Generate(shell string, w io.Writer) error {
	root := &cobra.Command{
		Use:                "aws",
		DisableFlagParsing: true,
		CompletionOptions:  cobra.CompletionOptions{DisableDefaultCmd: true},
		Run:                func(*cobra.Command, []string) {},
	}
	switch shell {
	case "bash":
		return root.GenBashCompletionV2(w, true)
	case "zsh":
		return root.GenZshCompletion(w)
	case "fish":
		return root.GenFishCompletion(w, true)
	case "powershell":
		return root.GenPowerShellCompletionWithDesc(w)
	}
	return fmt.Errorf("no completion script for shell %q", shell)
}
