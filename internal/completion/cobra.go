package completion

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/cognito-cli/aws/model"
)

// Shells are the shells Script writes a completion script for.
func Shells() []string { return []string{"bash", "zsh", "fish", "powershell"} }

// command is the cobra command whose generators write the shell scripts
// and which answers their "aws __complete ..." requests. It is a single
// command that takes every word itself: the AWS CLI accepts global options
// anywhere, before or after the service and operation, and list options
// take several values, which cobra's own flag parsing cannot follow; so
// the words go to Complete, the same engine as aws_completer.
func command(getenv func(string) string) *cobra.Command {
	m := model.New()
	root := &cobra.Command{
		Use:                "aws",
		Short:              "AWS CLI " + model.ServiceName + " commands",
		DisableFlagParsing: true,
		SilenceErrors:      true,
		SilenceUsage:       true,
		CompletionOptions:  cobra.CompletionOptions{DisableDefaultCmd: true},
		Args:               cobra.ArbitraryArgs,
		Run:                func(*cobra.Command, []string) {},
		ValidArgsFunction: func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cands := Complete(m, args, toComplete, getenv)
			out := make([]cobra.Completion, len(cands))
			for i, c := range cands {
				out[i] = cobra.CompletionWithDesc(c.Value, c.Description)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
	}
	// cobra's own help command would shadow "aws help".
	root.SetHelpCommand(&cobra.Command{Use: "no-help", Hidden: true})
	return root
}

// Script writes the completion script for shell (bash, zsh, fish or
// powershell). The scripts call "aws __complete ..." when the user presses
// tab; Run answers those calls.
func Script(shell string, w io.Writer) error {
	root := command(func(string) string { return "" })
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
	return fmt.Errorf("no completion script for shell %q (choose bash, zsh, fish or powershell)", shell)
}

// IsRequest reports whether args (without the program name) are a request
// from a generated script.
func IsRequest(args []string) bool {
	return len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd)
}

// Run answers a request of a generated script ("__complete" and the
// words) and returns the exit code.
func Run(args []string, getenv func(string) string, out, errOut io.Writer) int {
	root := command(getenv)
	root.SetArgs(args)
	root.SetOut(out)
	root.SetErr(errOut)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(errOut, err)
		return 1
	}
	return 0
}
