package cmd

import (
	"strings"

	"github.com/cognito-cli/aws/internal/clierr"
)

// checkAutoPrompt refuses --cli-auto-prompt (and AWS_CLI_AUTO_PROMPT=on or
// cli_auto_prompt = on): this build has no interactive prompt. It fails
// the way the AWS CLI fails when its prompt cannot run (input not a
// terminal): exit 255, before anything is sent. "on-partial" only prompts
// for incomplete commands, which fail with their usual errors here.
func (a *app) checkAutoPrompt() error {
	g := a.globals
	if g.NoAutoPrompt {
		return nil
	}
	on := g.AutoPrompt
	if !on {
		mode := a.io.Getenv("AWS_CLI_AUTO_PROMPT")
		if mode == "" {
			mode = a.setting("cli_auto_prompt")
		}
		on = strings.EqualFold(strings.TrimSpace(mode), "on")
	}
	if !on {
		return nil
	}
	return clierr.Runtime("--cli-auto-prompt is not supported by this build of the AWS CLI for %s: "+
		"give the parameters on the command line (see \"aws %s <command> help\"), "+
		"or turn the prompt off with --no-cli-auto-prompt", "cognito-idp", "cognito-idp")
}
