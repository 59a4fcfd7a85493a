package cmd

import (
	"context"
	"strings"

	"github.com/cognito-cli/aws/internal/argparse"
	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/jmespath"
	"github.com/cognito-cli/aws/internal/paginate"
	"github.com/cognito-cli/aws/internal/params"
	"github.com/cognito-cli/aws/internal/response"
	"github.com/cognito-cli/aws/internal/transport"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
	"github.com/cognito-cli/aws/skeleton"
)

// outputSettings are the resolved output options of a run.
type outputSettings struct {
	format          string
	query           *jmespath.Query
	color           bool
	timestampFormat string
}

// outputSettings resolves --output, AWS_DEFAULT_OUTPUT and the profile's
// output, and cli_timestamp_format.
func (a *app) outputSettings() (*outputSettings, error) {
	o := &outputSettings{format: a.globals.Output}
	if o.format == "" {
		o.format = a.io.Getenv("AWS_DEFAULT_OUTPUT")
	}
	if o.format == "" {
		o.format = a.setting("output")
	}
	if o.format == "" {
		o.format = "json"
	}
	switch o.format {
	case "json", "text", "table", "yaml", "yaml-stream", "off":
	default:
		return nil, clierr.Runtime("Unknown output type: %s", o.format)
	}
	if a.globals.QuerySet {
		q, err := jmespath.Compile(a.globals.Query)
		if err != nil {
			return nil, err
		}
		o.query = q
	}
	switch a.globals.Color {
	case "on":
		o.color = true
	case "auto":
		o.color = a.io.StdoutTTY
	}
	o.timestampFormat = a.setting("cli_timestamp_format")
	switch o.timestampFormat {
	case "":
		o.timestampFormat = response.TimestampISO8601
	case response.TimestampISO8601, response.TimestampWire:
	default:
		return nil, clierr.Runtime("Unknown cli_timestamp_format value: %s, valid values are \"wire\" or \"iso8601\"", o.timestampFormat)
	}
	return o, nil
}

// shouldPaginate is check_should_enable_pagination: giving the paginator's
// own token or limit parameter turns pagination off, and with pagination
// off the pagination options are an error.
func (a *app) shouldPaginate(t *argTable, res *argparse.Result) (bool, error) {
	if t.pager == nil {
		return false, nil
	}
	on := a.globals.Paginate
	for _, k := range []string{t.pager.InputToken, t.pager.LimitKey} {
		if k != "" && res.Seen[k] {
			on = false
		}
	}
	if on {
		return true, nil
	}
	var used []string
	for _, p := range []struct{ dest, opt string }{{"starting_token", "--starting-token"}, {"page_size", "--page-size"}, {"max_items", "--max-items"}} {
		if v := res.String(p.dest); v != "" && !isZeroInt(v, p.dest) {
			used = append(used, p.opt)
		}
	}
	if len(used) > 0 {
		return false, clierr.ParamValidation("Cannot specify --no-paginate along with pagination arguments: %s", strings.Join(used, ", "))
	}
	return false, nil
}

// isZeroInt: Python tests the converted value's truth, so --max-items 0 is
// as good as absent.
func isZeroInt(v, dest string) bool {
	if dest == "starting_token" {
		return false
	}
	n, ok := document.ParsePythonInt(v)
	return ok && n == int64(0)
}

// mergeCLIInput adds the keys of --cli-input-json / --cli-input-yaml that the
// command line did not give.
func (a *app) mergeCLIInput(req *document.Map, res *argparse.Result) (*document.Map, error) {
	jsonArg, yamlArg := res.Get("cli_input_json"), res.Get("cli_input_yaml")
	if jsonArg == nil && yamlArg == nil {
		return req, nil
	}
	if jsonArg != nil && yamlArg != nil {
		return nil, skeleton.OnlyOneError()
	}
	option, raw := optCLIInputJSON, jsonArg
	if yamlArg != nil {
		option, raw = optCLIInputYAML, yamlArg
	}
	text := raw.(string)
	loaded, ok, err := params.LoadParamFile(text)
	if err != nil {
		return nil, clierr.ParamValidation("Error parsing parameter '%s': %s", option, err.Error())
	}
	if ok {
		switch v := loaded.(type) {
		case string:
			text = v
		case []byte:
			text = string(v)
		}
	}
	var doc *document.Map
	if option == optCLIInputJSON {
		doc, err = skeleton.LoadJSON(text)
	} else {
		doc, err = skeleton.LoadYAML(text)
	}
	if err != nil {
		return nil, err
	}
	return skeleton.Merge(req, doc), nil
}

// call sends one request and decodes its response with the output shape.
func (a *app) call(ctx context.Context, client *transport.Client, op *model.Operation, req *document.Map, out *outputSettings) (*document.Map, error) {
	body := []byte("{}")
	if req.Len() > 0 {
		body = []byte(output.FormatJSON(req, 0))
	}
	resp, err := client.Call(ctx, op.Name, body, isUnsigned(op))
	if err != nil {
		return nil, a.callError(op, err)
	}
	var outShape *model.Shape
	if op.Output != nil {
		outShape = a.model.Shape(op.Output.Shape)
	}
	doc, err := response.Decode(a.model, outShape, resp.Body, out.timestampFormat)
	if err != nil {
		return nil, err
	}
	m, ok := doc.(*document.Map)
	if !ok {
		return nil, clierr.Runtime("the %s response is not a JSON object", op.Name)
	}
	return m, nil
}

// paginate runs a paginated call and prints it as the chosen format does:
// text and yaml-stream page by page, the others from the merged result.
func (a *app) paginate(op *model.Operation, t *argTable, res *argparse.Result, req *document.Map,
	fetch paginate.Fetch, out *outputSettings) error {
	opts := paginate.Options{StartingToken: res.String("starting_token")}
	if v := res.String("max_items"); v != "" {
		n, _ := document.ParsePythonInt(v)
		if i, ok := n.(int64); ok {
			opts.MaxItems = &i
		}
	}
	if v := res.String("page_size"); v != "" {
		opts.PageSize, _ = document.ParsePythonInt(v)
	}
	// text and yaml-stream print page by page and never the merged result.
	opts.Streaming = out.format == "text" || out.format == "yaml-stream"
	p := paginate.New(*t.pager, opts)
	var onPage func(*document.Map) error
	switch out.format {
	case "text":
		onPage = func(page *document.Map) error {
			return a.writeText(out, p.PageView(page))
		}
	case "yaml-stream":
		onPage = func(page *document.Map) error {
			v, err := a.query(out, page)
			if err != nil {
				return err
			}
			return output.WriteYAMLStream(a.io.Out, v)
		}
	}
	fetch, onPage, clearProgress := a.withProgress(t.pager.ResultKey, fetch, onPage)
	err := p.Run(req, fetch, onPage)
	clearProgress()
	if err != nil {
		return err
	}
	switch out.format {
	case "text":
		if tok, ok := p.ResumeToken(); ok {
			inner := document.NewMap(1)
			inner.Set("NextToken", tok)
			outer := document.NewMap(1)
			outer.Set("NextToken", inner)
			return a.writeText(out, outer)
		}
		return nil
	case "yaml-stream":
		return nil
	}
	return a.printResult(op, out, p.FullResult())
}

func (a *app) query(out *outputSettings, v any) (any, error) {
	if out.query == nil {
		return v, nil
	}
	return out.query.Search(v)
}

func (a *app) writeText(out *outputSettings, v any) error {
	v, err := a.query(out, v)
	if err != nil {
		return err
	}
	return output.WriteText(a.io.Out, v)
}

// printResult applies --query and prints a whole response.
func (a *app) printResult(op *model.Operation, out *outputSettings, doc *document.Map) error {
	v, err := a.query(out, doc)
	if err != nil {
		return err
	}
	w := a.io.Out
	switch out.format {
	case "off":
		return nil
	case "json":
		if m, ok := v.(*document.Map); ok && m.Len() == 0 {
			return nil
		}
		return output.WriteJSON(w, v)
	case "text":
		return output.WriteText(w, v)
	case "table":
		width := output.DefaultTableWidth
		if a.io.StdoutTTY && a.io.TerminalWidth != nil {
			if tw := a.io.TerminalWidth(); tw > 0 {
				width = tw
			}
		}
		return output.WriteTableWidth(w, op.Name, v, out.color, width)
	case "yaml":
		return output.WriteYAML(w, v)
	case "yaml-stream":
		if m, ok := v.(*document.Map); ok && m.Len() == 0 {
			return nil
		}
		return output.WriteYAMLStream(w, v)
	}
	return nil
}
