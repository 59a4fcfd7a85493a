package cmd

import (
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/cognito-cli/aws/internal/argparse"
	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/params"
	"github.com/cognito-cli/aws/internal/response"
	"github.com/cognito-cli/aws/internal/transport"
	"github.com/cognito-cli/aws/internal/validate"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/skeleton"
)

// argSpec ties a command-line option to the input member it sets.
type argSpec struct {
	member *model.Member
	shape  *model.Shape
	option string
}

// argTable is an operation's parser and the options it knows.
type argTable struct {
	parser *argparse.Parser
	args   []argSpec
	pager  *model.Paginator
}

// Option names the CLI adds to every operation.
const (
	optCLIInputJSON = "--cli-input-json"
	optCLIInputYAML = "--cli-input-yaml"
	optSkeleton     = "--generate-cli-skeleton"
)

// buildArgTable makes the operation's options in the CLI's order: the input
// members, then --cli-input-json/--cli-input-yaml, the pagination options,
// and --generate-cli-skeleton. Required members are required on the line
// unless an option that supplies or skips them is present.
func buildArgTable(m *model.Model, op *model.Operation, args []string) *argTable {
	t := &argTable{parser: argparse.New()}
	overrideRequired := false
	for i, a := range args {
		switch a {
		case optCLIInputJSON, optCLIInputYAML:
			overrideRequired = true
		case optSkeleton:
			// The output skeleton is made from a real (stubbed) call,
			// which needs the required arguments.
			if i+1 >= len(args) || args[i+1] != "output" {
				overrideRequired = true
			}
		}
	}
	if op.Input != nil {
		in := m.Shape(op.Input.Shape)
		for _, mem := range in.Members {
			s := m.Shape(mem.Shape)
			name := "--" + model.XformName(mem.Name, '-')
			t.args = append(t.args, argSpec{member: mem, shape: s, option: name})
			switch s.Type {
			case "boolean":
				t.parser.Add(&argparse.Action{Options: []string{name}, Dest: mem.Name, Nargs: argparse.Zero, Const: true})
				t.parser.Add(&argparse.Action{Options: []string{"--no-" + name[2:]}, Dest: mem.Name, Nargs: argparse.Zero, Const: false})
			case "list":
				t.parser.Add(&argparse.Action{Options: []string{name}, Dest: mem.Name, Nargs: argparse.OneOrMore, Required: in.IsRequired(mem.Name) && !overrideRequired})
			default:
				t.parser.Add(&argparse.Action{Options: []string{name}, Dest: mem.Name, Required: in.IsRequired(mem.Name) && !overrideRequired})
			}
		}
	}
	t.parser.Add(&argparse.Action{Options: []string{optCLIInputJSON}, Dest: "cli_input_json"})
	t.parser.Add(&argparse.Action{Options: []string{optCLIInputYAML}, Dest: "cli_input_yaml"})
	if p, ok := model.PaginatorFor(op.Name); ok {
		t.pager = &p
		t.parser.Add(&argparse.Action{Options: []string{"--starting-token"}, Dest: "starting_token"})
		if p.LimitKey != "" {
			t.parser.Add(&argparse.Action{Options: []string{"--page-size"}, Dest: "page_size", Int: true})
		}
		t.parser.Add(&argparse.Action{Options: []string{"--max-items"}, Dest: "max_items", Int: true})
	}
	t.parser.Add(&argparse.Action{Options: []string{optSkeleton}, Dest: "generate_cli_skeleton", Nargs: argparse.Optional, Const: "input", Choices: []string{"input", "output", "yaml-input"}})
	addBeyondOptions(m, op, t, args)
	t.parser.Add(&argparse.Action{Dest: "help", Nargs: argparse.Optional})
	return t
}

func (a *app) runOperation(opName string, args []string) error {
	op := a.model.Operation(opName)
	var inShape *model.Shape
	if op.Input != nil {
		inShape = a.model.Shape(op.Input.Shape)
	}
	table := buildArgTable(a.model, op, args)
	res, rest, err := table.parser.ParseKnown(args)
	if err != nil {
		return err
	}
	if h, ok := res.Get("help").(string); ok {
		if h == "help" {
			return a.operationHelp(opName)
		}
		rest = append(rest, h)
	}
	if len(rest) > 0 {
		return &unknownOptionsError{options: rest}
	}
	paginate, err := a.shouldPaginate(table, res)
	if err != nil {
		return err
	}

	req := document.NewMap(len(table.args))
	jsonMembers := map[string]bool{}
	for _, spec := range table.args {
		if !res.Seen[spec.member.Name] {
			continue
		}
		v, err := params.Unpack(a.model, spec.shape, spec.option, res.Get(spec.member.Name))
		if err != nil {
			return err
		}
		req.Set(spec.member.Name, v)
		if fromJSONText(spec.shape, res.Get(spec.member.Name)) {
			jsonMembers[spec.member.Name] = true
		}
	}
	req, err = a.mergeCLIInput(req, res)
	if err != nil {
		return err
	}

	skel := res.String("generate_cli_skeleton")
	switch skel {
	case "input":
		text, err := skeleton.InputJSON(a.model, op.Name)
		if err != nil {
			return err
		}
		_, err = io.WriteString(a.io.Out, text)
		return err
	case "yaml-input":
		text, err := skeleton.YAMLInput(a.model, op.Name)
		if err != nil {
			return err
		}
		_, err = io.WriteString(a.io.Out, text)
		return err
	}

	out, err := a.outputSettings()
	if err != nil {
		return err
	}
	defer a.startPager()()
	ctx := context.Background()
	client, err := a.client(ctx)
	if err != nil {
		return err
	}
	decodeBlobs := params.DecodeBlobs
	if a.binaryFormat() == "raw-in-base64-out" {
		decodeBlobs = params.RawBlobs
	}
	if err := decodeBlobs(a.model, inShape, req); err != nil {
		return err
	}
	if err := validate.ValidateWith(a.model, inShape, req, validate.Options{JSONMembers: jsonMembers}); err != nil {
		return err
	}
	if skel == "output" {
		doc, err := skeleton.Output(a.model, op.Name)
		if err != nil {
			return err
		}
		return a.printResult(op, out, doc)
	}
	ext := beyondFrom(res)
	if ext.preserve {
		if req, err = a.preserveExisting(ctx, client, op, req); err != nil {
			return err
		}
	}
	call := func(p *document.Map) (*document.Map, error) {
		if err := validate.Validate(a.model, inShape, p); err != nil {
			return nil, err
		}
		if ext.dryRun {
			return nil, a.dryRun(ctx, client, op, p, out)
		}
		return a.call(ctx, client, op, p, out)
	}
	if table.pager != nil && paginate {
		return finishDryRun(a.paginate(op, table, res, req, call, out))
	}
	resp, err := call(req)
	if err != nil {
		return finishDryRun(err)
	}
	return a.printResult(op, out, resp)
}

// isUnsigned reports whether the model marks the operation as sent without
// a signature.
func isUnsigned(op *model.Operation) bool {
	if op.AuthType == "none" {
		return true
	}
	for _, a := range op.Auth {
		if a == "smithy.api#noAuth" {
			return true
		}
	}
	return false
}

// client builds the SDK client from the global options and settings.
func (a *app) client(ctx context.Context) (*transport.Client, error) {
	if a.io.WatchInterrupt != nil {
		a.io.WatchInterrupt()
	}
	g := a.globals
	o := transport.Options{
		Profile:        g.Profile,
		Region:         g.Region,
		EndpointURL:    g.EndpointURL,
		NoSign:         !g.SignRequest,
		NoVerifySSL:    !g.VerifySSL,
		CABundle:       g.CABundle,
		ConnectTimeout: timeoutOption(g.ConnectTimeout),
		ReadTimeout:    timeoutOption(g.ReadTimeout),
	}
	if g.Debug {
		o.Debug = a.io.ErrOut
	}
	var err error
	if o.RetryMode, o.MaxAttempts, err = a.retrySettings(); err != nil {
		return nil, err
	}
	if o.NoSign {
		// no credentials needed
	} else if err := a.checkEnvCredentials(); err != nil {
		return nil, err
	}
	c, err := transport.New(ctx, o)
	if err != nil {
		var pnf *transport.ProfileNotFoundError
		switch {
		case errors.Is(err, transport.ErrNoRegion):
			return nil, clierr.Config("NoRegion", "You must specify a region. You can also configure your region by running \"aws configure\".")
		case errors.As(err, &pnf):
			return nil, clierr.Runtime("%s", pnf.Error())
		}
		return nil, clierr.Runtime("%v", err)
	}
	return c, nil
}

// checkEnvCredentials reports half a key pair in the environment, which the
// CLI refuses rather than ignores.
func (a *app) checkEnvCredentials() error {
	if a.globals.Profile != "" {
		return nil
	}
	id, secret := a.io.Getenv("AWS_ACCESS_KEY_ID"), a.io.Getenv("AWS_SECRET_ACCESS_KEY")
	switch {
	case id != "" && secret == "":
		return clierr.Runtime("Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY")
	case id == "" && secret != "":
		return clierr.Runtime("Partial credentials found in env, missing: AWS_ACCESS_KEY_ID")
	}
	return nil
}

func timeoutOption(s string) time.Duration {
	if s == "" {
		return -1
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(s, "_", "")))
	if err != nil {
		return -1
	}
	return time.Duration(n) * time.Second
}

// callError maps a failed call to the CLI's error.
func (a *app) callError(op *model.Operation, err error) error {
	var se *transport.ServiceError
	if errors.As(err, &se) {
		er := response.DecodeError(a.model, se.Status, se.Body)
		fields := document.NewMap(4)
		if doc, perr := document.ParseJSON(se.Body); perr == nil {
			if m, ok := doc.(*document.Map); ok {
				for _, k := range m.Keys() {
					if k != "__type" {
						v, _ := m.Get(k)
						fields.Set(k, v)
					}
				}
			}
		}
		details := document.NewMap(2)
		for _, k := range er.Fields.Keys() {
			if !strings.EqualFold(k, "message") {
				v, _ := er.Fields.Get(k)
				details.Set(k, v)
			}
		}
		return &serviceError{operation: op.Name, code: er.Code, message: er.Message, fields: fields, details: details, retries: se.Retries, reachedMax: se.MaxAttemptsReached}
	}
	var ce *transport.ConnectError
	var te *transport.TimeoutError
	var cc *transport.ConnectionClosedError
	var tr *transport.TruncatedError
	if errors.As(err, &ce) || errors.As(err, &te) || errors.As(err, &cc) || errors.As(err, &tr) {
		return clierr.Runtime("%s", err.Error())
	}
	msg := err.Error()
	if strings.Contains(msg, "failed to retrieve credentials") || strings.Contains(msg, "no EC2 IMDS role found") {
		return clierr.Config("NoCredentials", "Unable to locate credentials. You can configure credentials by running \"aws login\".")
	}
	return clierr.Runtime("%s", msg)
}

// binaryFormat is --cli-binary-format, else the profile's cli_binary_format.
func (a *app) binaryFormat() string {
	if a.globals.BinaryFormat != "" {
		return a.globals.BinaryFormat
	}
	return a.setting("cli_binary_format")
}

// fromJSONText reports whether a complex parameter's command-line text was
// JSON (the CLI parses it into OrderedDicts, which validation messages show).
func fromJSONText(shape *model.Shape, raw any) bool {
	if shape.Type != "structure" && shape.Type != "map" && shape.Type != "list" {
		return false
	}
	var s string
	switch v := raw.(type) {
	case string:
		s = v
	case []string:
		if len(v) != 1 {
			return false
		}
		s = v[0]
	default:
		return false
	}
	if loaded, ok, err := params.LoadParamFile(s); ok && err == nil {
		if t, isText := loaded.(string); isText {
			s = t
		}
	}
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
}
