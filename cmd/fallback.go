package cmd

import (
	"context"
	"errors"
	"os"

	"github.com/cognito-cli/aws/internal/argparse"
	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/fallback"
	"github.com/cognito-cli/aws/model"
)

// fallback hands the whole command line to the real AWS CLI when
// AWS_CLI_FALLBACK is set and the command is not one this binary has (s3,
// configure, sts, help, ...). handled is false when the line is ours, or
// the variable is unset: then the reference's invalid-choice error stays.
func (a *app) fallback(args []string) (code int, handled bool) {
	value := a.io.Getenv(fallback.EnvVar)
	if value == "" {
		return 0, false
	}
	_, _, err := globalParser([]string{model.ServiceName}).ParseKnown(args)
	var ae *argparse.Error
	if !errors.As(err, &ae) || ae.InvalidChoice == nil || ae.InvalidChoice.Argument != "command" {
		return 0, false
	}
	fail := func(err error) (int, bool) {
		return printError(a.io.ErrOut, clierr.Runtime("%v", err), "enhanced"), true
	}
	self, err := os.Executable()
	if err != nil {
		return fail(err)
	}
	path, err := fallback.Resolve(value, a.io.Getenv("PATH"), self)
	if err != nil {
		return fail(err)
	}
	var environ []string
	if a.io.Environ != nil {
		environ = a.io.Environ()
	}
	env, err := fallback.Env(environ)
	if err != nil {
		return fail(err)
	}
	if a.io.Exec != nil {
		return fail(a.io.Exec(path, args, env)) // returns only on failure
	}
	code, err = fallback.Run(context.Background(), path, args, env, a.io.In, a.io.Out, a.io.ErrOut)
	if err != nil {
		return fail(err)
	}
	return code, true
}
