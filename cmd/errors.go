package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cognito-cli/aws/internal/argparse"
	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/difflib"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/output"
)

// usage is the CLI's usage block, printed after command-line errors.
const usage = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n" +
	"To see help text, you can run:\n" +
	"\n" +
	"  aws help\n" +
	"  aws <command> help\n" +
	"  aws <command> <subcommand> help\n"

// unknownOptionsError is reported after the usage block, unlike other
// command-line errors.
type unknownOptionsError struct{ options []string }

func (e *unknownOptionsError) Error() string {
	return "Unknown options: " + strings.Join(e.options, ", ")
}

// serviceError is an error answer of the service.
type serviceError struct {
	operation string
	code      string
	message   string
	// fields are the error's members as the CLI's structured formats show
	// them: Message, Code, then the body's own members.
	fields *document.Map
	// details are the modelled extra members of the error shape, printed in
	// the "Additional error details" block.
	details *document.Map
	retries int
	// reachedMax: the call gave up after its last attempt (retries may be 0).
	reachedMax bool
}

func (e *serviceError) Error() string {
	msg := fmt.Sprintf("An error occurred (%s) when calling the %s operation", e.code, e.operation)
	if e.reachedMax || e.retries > 0 {
		msg += fmt.Sprintf(" (reached max retries: %d)", e.retries)
	}
	return msg + ": " + e.message
}

// fromArgparse turns an argparse error into the CLI's ParamValidation error,
// with the usage block and, for invalid choices, the close matches.
func fromArgparse(err *argparse.Error) *clierr.Error {
	msg := err.Message
	if ic := err.InvalidChoice; ic != nil {
		msg += "\n"
		if near := difflib.CloseMatches(ic.Value, ic.Choices, 3, 0.8); len(near) > 0 {
			msg += "\nMaybe you meant:\n\n"
			for i, n := range near {
				if i > 0 {
					msg += "\n"
				}
				msg += "  * " + n
			}
		}
	}
	e := clierr.ParamValidation("%s", msg)
	e.Usage = true
	return e
}

// errorFormat resolves --cli-error-format, AWS_CLI_ERROR_FORMAT and the
// profile's cli_error_format; anything invalid falls back to "enhanced".
func errorFormat(flag string, env func(string) string, fromConfig func() string) string {
	if flag != "" {
		return flag
	}
	for _, v := range []string{env("AWS_CLI_ERROR_FORMAT"), fromConfig()} {
		if v == "" {
			continue
		}
		v = strings.ToLower(v)
		for _, f := range errorFormats {
			if v == f {
				return v
			}
		}
		return "enhanced"
	}
	return "enhanced"
}

// printError writes err as the CLI does and returns the exit code.
func printError(w io.Writer, err error, format string) int {
	var (
		ue *unknownOptionsError
		se *serviceError
		ce *clierr.Error
		ae *argparse.Error
	)
	if errors.As(err, &ae) {
		ce = fromArgparse(ae)
		err = ce
	}
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(w, "\n%s\n\naws: [ERROR]: %s\n", usage, ue.Error())
		return clierr.ExitUsage
	case errors.As(err, &se):
		fields := document.NewMap(4)
		fields.Set("Message", se.message)
		fields.Set("Code", se.code)
		for _, k := range se.fields.Keys() {
			if k != "Message" && k != "Code" {
				v, _ := se.fields.Get(k)
				fields.Set(k, v)
			}
		}
		if writeStructured(w, format, fields) {
			return clierr.ExitService
		}
		fmt.Fprintf(w, "\naws: [ERROR]: %s\n", se.Error())
		if format != "legacy" && se.details.Len() > 0 {
			fmt.Fprint(w, "\nAdditional error details:\n")
			for _, k := range se.details.Keys() {
				v, _ := se.details.Get(k)
				fmt.Fprintf(w, "%s: %s\n", k, plain(v))
			}
		}
		return clierr.ExitService
	case errors.As(err, &ce):
		if ce.Code == "" {
			fmt.Fprintf(w, "\naws: [ERROR]: %s\n", ce.Message)
			return ce.Exit
		}
		fields := document.NewMap(2)
		fields.Set("Code", ce.Code)
		fields.Set("Message", ce.Message)
		if !ce.Usage && writeStructured(w, format, fields) {
			return ce.Exit
		}
		fmt.Fprintf(w, "\naws: [ERROR]: An error occurred (%s): %s\n", ce.Code, ce.Message)
		if ce.Usage {
			fmt.Fprintf(w, "\n%s", usage)
		}
		return ce.Exit
	}
	fmt.Fprintf(w, "\naws: [ERROR]: %s\n", err.Error())
	return clierr.ExitRuntime
}

// writeStructured prints the error fields for the json, yaml, text and
// table error formats; it reports false for the textual ones.
func writeStructured(w io.Writer, format string, fields *document.Map) bool {
	var buf bytes.Buffer
	var err error
	switch format {
	case "json":
		err = output.WriteJSON(&buf, fields)
	case "yaml":
		err = output.WriteYAML(&buf, fields)
	case "text":
		err = output.WriteText(&buf, fields)
	case "table":
		err = output.WriteTable(&buf, "error", fields, false)
	default:
		return false
	}
	if err != nil {
		return false
	}
	w.Write(buf.Bytes())
	return true
}

func plain(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return output.FormatJSON(v, 0)
}
