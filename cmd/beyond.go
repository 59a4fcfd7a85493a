package cmd

// Options this CLI adds to the AWS CLI's: --cli-dry-run on every operation
// and --cli-preserve-existing on the update operations that reset what they
// are not given. Both are opt-in; without them every byte of behaviour is
// the reference's.

import (
	"context"
	"errors"

	"github.com/cognito-cli/aws/internal/argparse"
	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/preserve"
	"github.com/cognito-cli/aws/internal/transport"
	"github.com/cognito-cli/aws/internal/validate"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

const (
	optDryRun   = "--cli-dry-run"
	optPreserve = "--cli-preserve-existing"
)

// addBeyondOptions adds --cli-dry-run, and --cli-preserve-existing where the
// operation supports it, to the table, but only when they are spelt out in
// full on the line: options the reference does not have must not take part
// in argparse's prefix matching, or its "ambiguous option" messages (which
// list every candidate) would change for commands that never use them.
func addBeyondOptions(m *model.Model, op *model.Operation, t *argTable, args []string) {
	dry, keep := false, false
	for _, a := range args {
		switch a {
		case optDryRun:
			dry = true
		case optPreserve:
			keep = true
		}
	}
	if dry {
		t.parser.Add(&argparse.Action{Options: []string{optDryRun}, Dest: "cli_dry_run", Nargs: argparse.Zero, Const: true, Default: false})
	}
	if keep {
		if _, ok := preserve.For(m, op.Name); ok {
			t.parser.Add(&argparse.Action{Options: []string{optPreserve}, Dest: "cli_preserve_existing", Nargs: argparse.Zero, Const: true, Default: false})
		}
	}
}

// beyond is what the added options asked for.
type beyond struct {
	dryRun   bool
	preserve bool
}

func beyondFrom(res *argparse.Result) beyond {
	d, _ := res.Get("cli_dry_run").(bool)
	p, _ := res.Get("cli_preserve_existing").(bool)
	return beyond{dryRun: d, preserve: p}
}

// preserveExisting reads the current values with the operation's describe
// operation and returns them merged under req.
func (a *app) preserveExisting(ctx context.Context, client *transport.Client, op *model.Operation, req *document.Map) (*document.Map, error) {
	plan, ok := preserve.For(a.model, op.Name)
	if !ok {
		return req, nil
	}
	describe := a.model.Operation(plan.Describe)
	dreq, err := plan.DescribeInput(a.model, req)
	if err != nil {
		return nil, clierr.ParamValidation("%s", err.Error())
	}
	if err := validate.Validate(a.model, a.model.Shape(describe.Input.Shape), dreq); err != nil {
		return nil, err
	}
	resp, err := client.Call(ctx, describe.Name, []byte(output.FormatJSON(dreq, 0)), isUnsigned(describe))
	if err != nil {
		return nil, a.callError(describe, err)
	}
	// The wire form, not the decoded one: it is what the update takes back.
	doc, err := document.ParseJSON(resp.Body)
	if err != nil {
		return nil, clierr.Runtime("the %s response is not valid JSON: %v", describe.Name, err)
	}
	current, ok := doc.(*document.Map)
	if !ok {
		return nil, clierr.Runtime("the %s response is not a JSON object", describe.Name)
	}
	merged, err := plan.Merge(a.model, current, req)
	if err != nil {
		return nil, clierr.Runtime("%v", err)
	}
	return merged, nil
}

// errDryRunDone stops the pipeline after a dry run printed its request.
var errDryRunDone = errors.New("dry run done")

// dryRun prints the request a call would send, and returns errDryRunDone.
func (a *app) dryRun(ctx context.Context, client *transport.Client, op *model.Operation, req *document.Map, out *outputSettings) error {
	endpoint, err := client.ResolveEndpoint(ctx)
	if err != nil {
		return clierr.Runtime("%v", err)
	}
	var body any = document.NewMap(0)
	if req.Len() > 0 {
		// Exactly the bytes a call sends, read back for display.
		if body, err = document.ParseJSON([]byte(output.FormatJSON(req, 0))); err != nil {
			return clierr.Runtime("%v", err)
		}
	}
	doc := document.NewMap(4)
	doc.Set("Operation", op.Name)
	doc.Set("Region", client.Region())
	doc.Set("Endpoint", endpoint)
	doc.Set("Body", body)
	// --query is for the response, which a dry run does not have.
	plain := *out
	plain.query = nil
	if err := a.printResult(op, &plain, doc); err != nil {
		return err
	}
	return errDryRunDone
}

// finishDryRun turns a dry run's stop into success.
func finishDryRun(err error) error {
	if errors.Is(err, errDryRunDone) {
		return nil
	}
	return err
}
