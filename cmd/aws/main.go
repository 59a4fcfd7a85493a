// Command aws is a drop-in replacement for AWS CLI v2's cognito-idp commands.
package main

import (
	"os"

	"github.com/cognito-cli/aws/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], cmd.System()))
}
