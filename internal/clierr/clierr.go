// Package clierr holds the error kinds the AWS CLI distinguishes, each with
// its exit code, so every stage can fail the way the reference does and the
// command layer alone decides how to print it.
package clierr

import "fmt"

// Exit codes of AWS CLI v2.
const (
	ExitOK        = 0
	ExitInterrupt = 130
	ExitUsage     = 252 // command line, parameter parsing and validation, --query
	ExitConfig    = 253 // no region, no credentials
	ExitService   = 254 // the service answered with an error
	ExitRuntime   = 255 // everything else
)

// Error is an error with the AWS CLI's classification.
type Error struct {
	// Exit is the process exit code.
	Exit int
	// Code is the error code shown as "An error occurred (Code)"; empty for
	// runtime errors, which print the bare message.
	Code string
	// Message is the text after the code.
	Message string
	// Usage asks for the usage block after the message (missing arguments,
	// invalid choices).
	Usage bool
}

func (e *Error) Error() string { return e.Message }

// ParamValidation is a 252 error printed as
// "An error occurred (ParamValidation): msg".
func ParamValidation(format string, args ...any) *Error {
	return &Error{Exit: ExitUsage, Code: "ParamValidation", Message: sprintf(format, args...)}
}

// Runtime is a 255 error printed as the bare message.
func Runtime(format string, args ...any) *Error {
	return &Error{Exit: ExitRuntime, Message: sprintf(format, args...)}
}

// Config is a 253 error with its code (NoRegion, NoCredentials).
func Config(code, format string, args ...any) *Error {
	return &Error{Exit: ExitConfig, Code: code, Message: sprintf(format, args...)}
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
