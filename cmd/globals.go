package cmd

import (
	"github.com/cognito-cli/aws/internal/argparse"
)

// Globals are the AWS CLI's global options.
type Globals struct {
	Debug          bool
	EndpointURL    string
	VerifySSL      bool
	Paginate       bool
	Output         string
	Query          string
	QuerySet       bool
	Profile        string
	Region         string
	Color          string
	SignRequest    bool
	CABundle       string
	ReadTimeout    string
	ConnectTimeout string
	BinaryFormat   string
	NoCLIPager     bool
	AutoPrompt     bool
	NoAutoPrompt   bool
	ErrorFormat    string
}

// outputFormats are the --output choices of AWS CLI v2.
var outputFormats = []string{"json", "text", "table", "yaml", "yaml-stream", "off"}

// errorFormats are the --cli-error-format choices.
var errorFormats = []string{"legacy", "json", "yaml", "text", "table", "enhanced"}

// globalParser is the CLI's main parser: the global options, in the order
// of the CLI's option table (it shows in "ambiguous option" messages), and
// the service name.
func globalParser(services []string) *argparse.Parser {
	return argparse.New(
		&argparse.Action{Options: []string{"--debug"}, Dest: "debug", Nargs: argparse.Zero, Const: true, Default: false},
		&argparse.Action{Options: []string{"--endpoint-url"}, Dest: "endpoint_url"},
		&argparse.Action{Options: []string{"--no-verify-ssl"}, Dest: "verify_ssl", Nargs: argparse.Zero, Const: false, Default: true},
		&argparse.Action{Options: []string{"--no-paginate"}, Dest: "paginate", Nargs: argparse.Zero, Const: false, Default: true},
		&argparse.Action{Options: []string{"--output"}, Dest: "output", Choices: outputFormats},
		&argparse.Action{Options: []string{"--query"}, Dest: "query"},
		&argparse.Action{Options: []string{"--profile"}, Dest: "profile"},
		&argparse.Action{Options: []string{"--region"}, Dest: "region"},
		&argparse.Action{Options: []string{"--version"}, Dest: "version", Nargs: argparse.Zero, Version: true},
		&argparse.Action{Options: []string{"--color"}, Dest: "color", Choices: []string{"on", "off", "auto"}, Default: "auto"},
		&argparse.Action{Options: []string{"--no-sign-request"}, Dest: "sign_request", Nargs: argparse.Zero, Const: false, Default: true},
		&argparse.Action{Options: []string{"--ca-bundle"}, Dest: "ca_bundle"},
		&argparse.Action{Options: []string{"--cli-read-timeout"}, Dest: "read_timeout", Int: true},
		&argparse.Action{Options: []string{"--cli-connect-timeout"}, Dest: "connect_timeout", Int: true},
		&argparse.Action{Options: []string{"--cli-binary-format"}, Dest: "cli_binary_format", Choices: []string{"base64", "raw-in-base64-out"}},
		&argparse.Action{Options: []string{"--no-cli-pager"}, Dest: "no_cli_pager", Nargs: argparse.Zero, Const: true, Default: false},
		&argparse.Action{Options: []string{"--cli-auto-prompt"}, Dest: "cli_auto_prompt", Nargs: argparse.Zero, Const: true, Default: false},
		&argparse.Action{Options: []string{"--no-cli-auto-prompt"}, Dest: "no_cli_auto_prompt", Nargs: argparse.Zero, Const: true, Default: false},
		&argparse.Action{Options: []string{"--cli-error-format"}, Dest: "cli_error_format", Choices: errorFormats},
		&argparse.Action{Dest: "command", Choices: services, Required: true},
	)
}

func globalsFrom(r *argparse.Result) *Globals {
	b := func(k string) bool { v, _ := r.Get(k).(bool); return v }
	g := &Globals{
		Debug:          b("debug"),
		EndpointURL:    r.String("endpoint_url"),
		VerifySSL:      b("verify_ssl"),
		Paginate:       b("paginate"),
		Output:         r.String("output"),
		Query:          r.String("query"),
		QuerySet:       r.Get("query") != nil,
		Profile:        r.String("profile"),
		Region:         r.String("region"),
		Color:          r.String("color"),
		SignRequest:    b("sign_request"),
		CABundle:       r.String("ca_bundle"),
		ReadTimeout:    r.String("read_timeout"),
		ConnectTimeout: r.String("connect_timeout"),
		BinaryFormat:   r.String("cli_binary_format"),
		NoCLIPager:     b("no_cli_pager"),
		AutoPrompt:     b("cli_auto_prompt"),
		NoAutoPrompt:   b("no_cli_auto_prompt"),
		ErrorFormat:    r.String("cli_error_format"),
	}
	return g
}
