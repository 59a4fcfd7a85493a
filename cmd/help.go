package cmd

import (
	"os"
	"sort"
	"strings"

	"gopkg.in/ini.v1"

	"github.com/cognito-cli/aws/internal/argparse"
	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/config"
	"github.com/cognito-cli/aws/internal/help"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

// helpCommand is the name the CLI adds to the service and operation
// choices: "aws help", "aws cognito-idp help".
const helpCommand = "help"

// helpFlagRequested reports whether the AWS CLI's first-pass parser (an
// argparse parser with -h/--help, --profile and --debug) would print its
// help: -h or any prefix of --help that argparse accepts, anywhere before
// "--". args without those tokens are returned for finding the page.
func helpFlagRequested(args []string) (rest []string, ok bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || (len(a) >= 3 && strings.HasPrefix("--help", a)) {
			ok = true
			rest = append(append(rest[:0:0], args[:i]...), removeHelpFlags(args[i+1:])...)
			return rest, true
		}
	}
	return args, false
}

func removeHelpFlags(args []string) []string {
	var out []string
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		if a == "-h" || (len(a) >= 3 && strings.HasPrefix("--help", a)) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// flagHelp shows the page of the level the command line reached: -h and
// --help are accepted anywhere, as the AWS CLI accepts them (where it
// prints its first-pass parser's short usage instead, exit 0).
func (a *app) flagHelp(args []string) error {
	res, rest, err := globalParser([]string{model.ServiceName, helpCommand}).ParseKnown(args)
	if err != nil || res.String("command") != model.ServiceName {
		if err == nil {
			a.globals = globalsFrom(res)
		}
		return a.showHelp(help.Top())
	}
	a.globals = globalsFrom(res)
	p := argparse.New(&argparse.Action{Dest: "operation", Choices: operationChoices(), Required: true})
	ores, _, err := p.ParseKnown(rest)
	if err != nil || ores.String("operation") == helpCommand {
		return a.showHelp(help.Service())
	}
	op, _ := model.OperationByCLIName(ores.String("operation"))
	return a.operationHelp(op)
}

// operationChoices are the operation names and "help", sorted.
func operationChoices() []string {
	// The command names are precomputed by the model's generator.
	choices := append(model.CLINames(), helpCommand)
	sort.Strings(choices)
	return choices
}

// topHelp is "aws help"; the AWS CLI's help topics are not carried, so any
// word after it is an invalid choice.
func (a *app) topHelp(rest []string) error {
	for _, r := range rest {
		if !strings.HasPrefix(r, "-") {
			e := clierr.ParamValidation("argument subcommand: Found invalid choice '%s'\n", r)
			e.Usage = true
			return e
		}
	}
	return a.showHelp(help.Top())
}

func (a *app) serviceHelp() error { return a.showHelp(help.Service()) }

func (a *app) operationHelp(opName string) error {
	p, err := help.Operation(a.model, opName)
	if err != nil {
		return clierr.Runtime("%v", err)
	}
	return a.showHelp(p)
}

// showHelp writes a page, through the pager on a terminal.
func (a *app) showHelp(p *help.Page) error {
	defer a.startPager()()
	return p.WriteText(a.io.Out)
}

// startPager routes standard output through the pager when it applies
// (see output.PagerCommand) and returns the function that waits for it.
// The pager starts on the first write, so a command that prints nothing
// never starts one.
func (a *app) startPager() func() {
	noPager := a.globals != nil && a.globals.NoCLIPager
	if noPager || !a.io.StdoutTTY {
		return func() {}
	}
	cfg, cfgSet := a.configValue("cli_pager")
	command := output.PagerCommand(output.PagerSettings{
		LookupEnv:   a.lookupEnv,
		ConfigPager: cfg,
		ConfigSet:   cfgSet,
		StdoutTTY:   a.io.StdoutTTY,
	})
	w, wait := output.Pager(command, a.io.Out, a.io.ErrOut, a.io.Getenv)
	ios := *a.io
	ios.Out = w
	a.io = &ios
	return func() { wait() }
}

// lookupEnv tells a variable set to "" from an unset one when the
// environment can be listed; otherwise "" counts as unset.
func (a *app) lookupEnv(key string) (string, bool) {
	if a.io.Environ != nil {
		for _, kv := range a.io.Environ() {
			if k, v, ok := strings.Cut(kv, "="); ok && k == key {
				return v, true
			}
		}
		return "", false
	}
	v := a.io.Getenv(key)
	return v, v != ""
}

// configValue reads a key of the profile in effect and whether it is
// present at all: "cli_pager =" turns the pager off, which an absent key
// does not.
func (a *app) configValue(key string) (string, bool) {
	path, _ := config.Paths(config.Env(a.io.Getenv))
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	f, err := ini.LoadSources(ini.LoadOptions{IgnoreInlineComment: true, AllowNestedValues: true, SkipUnrecognizableLines: true}, data)
	if err != nil {
		return "", false
	}
	profile := a.profile()
	sections := []string{"profile " + profile}
	if profile == "default" {
		sections = []string{"default", "profile default"}
	}
	for _, name := range sections {
		if s, err := f.GetSection(name); err == nil && s.HasKey(key) {
			return strings.TrimSpace(s.Key(key).String()), true
		}
	}
	return "", false
}
