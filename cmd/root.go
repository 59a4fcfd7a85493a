// Package cmd is the command layer: it parses the command line as the AWS
// CLI does, runs the operation pipeline and maps every failure to the
// CLI's message and exit code.
package cmd

import (
	"errors"

	"github.com/cognito-cli/aws/internal/argparse"
	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/config"
	"github.com/cognito-cli/aws/model"
)

// Version is stamped at release time.
var Version = "dev"

// app is one invocation.
type app struct {
	io      *IOStreams
	globals *Globals
	files   *config.Files
	model   *model.Model
}

// Main runs the CLI with args (without the program name) and returns the
// exit code. A panic anywhere below is reported as the CLI reports Python
// errors, never as a Go stack trace.
func Main(args []string, ios *IOStreams) (code int) {
	a := &app{io: ios, model: model.New()}
	defer func() {
		if r := recover(); r != nil {
			code = printError(ios.ErrOut, clierr.Runtime("%v", r), "enhanced")
		}
	}()
	if code, ok := scriptCompletion(args, ios); ok {
		return code
	}
	if code, ok := a.fallback(args); ok {
		return code
	}
	if err := a.run(args); err != nil {
		if code, ok := a.brokenPipe(err); ok {
			return code
		}
		return printError(ios.ErrOut, err, a.errorFormat())
	}
	return 0
}

func (a *app) errorFormat() string {
	flag := ""
	if a.globals != nil {
		flag = a.globals.ErrorFormat
	}
	return errorFormat(flag, a.io.Getenv, func() string { return a.setting("cli_error_format") })
}

// profile is the profile in effect: --profile, then AWS_PROFILE.
func (a *app) profile() string {
	if a.globals != nil && a.globals.Profile != "" {
		return a.globals.Profile
	}
	if p := a.io.Getenv("AWS_PROFILE"); p != "" {
		return p
	}
	return "default"
}

// setting reads a key of the profile in effect from the config file.
func (a *app) setting(key string) string {
	if a.files == nil {
		a.files = config.Load(config.Env(a.io.Getenv))
	}
	return a.files.Get(a.profile(), key)
}

func (a *app) run(args []string) error {
	if rest, ok := helpFlagRequested(args); ok {
		return a.flagHelp(rest)
	}
	res, rest, err := globalParser([]string{model.ServiceName, helpCommand}).ParseKnown(args)
	if err != nil {
		var ae *argparse.Error
		if errors.As(err, &ae) && ae.VersionRequested {
			return a.printVersion(a.io.Out)
		}
		return err
	}
	a.globals = globalsFrom(res)
	if err := a.checkAutoPrompt(); err != nil {
		return err
	}
	if res.String("command") == helpCommand {
		return a.topHelp(rest)
	}
	return a.runService(rest)
}

// runService parses the operation name and hands the rest to it.
func (a *app) runService(args []string) error {
	p := argparse.New(&argparse.Action{Dest: "operation", Choices: operationChoices(), Required: true})
	res, rest, err := p.ParseKnown(args)
	if err != nil {
		return err
	}
	if res.String("operation") == helpCommand {
		return a.serviceHelp()
	}
	op, _ := model.OperationByCLIName(res.String("operation"))
	if len(rest) == 1 && rest[0] == helpCommand {
		// The CLI shows an operation's help before checking its arguments.
		return a.operationHelp(op)
	}
	return a.runOperation(op, rest)
}
