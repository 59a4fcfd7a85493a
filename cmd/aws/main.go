// Command aws is a drop-in replacement for AWS CLI v2's cognito-idp commands.
package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/cognito-cli/aws/cmd"
)

func main() {
	// Installed under the name aws_completer (a link to this binary), it
	// is the shell completer.
	name := strings.TrimSuffix(filepath.Base(os.Args[0]), ".exe")
	if name == "aws_completer" {
		os.Exit(cmd.Completer(os.Args[1:], cmd.System()))
	}
	os.Exit(cmd.Run(os.Args[1:]))
}
