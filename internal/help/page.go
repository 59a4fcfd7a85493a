// Package help renders the CLI's help from the service model: the top-level
// page (aws help), the service page (aws cognito-idp help) and one page per
// operation, as plain text for the terminal and as roff for man pages.
// Nothing here runs unless help, completion or manual pages are asked for.
package help

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cognito-cli/aws/model"
)

// Layout of the plain-text pages: section bodies are indented like man's.
const (
	pageWidth   = 79
	bodyIndent  = 7
	bodyWidth   = pageWidth - bodyIndent
	maxShapeNes = 12 // nesting shown in member trees and syntax examples
)

// Section is one titled part of a page; Body is plain text, already
// wrapped, without the section indentation.
type Section struct {
	Title string
	Body  string
}

// Page is a rendered help page.
type Page struct {
	// Name is the command path: "aws", "aws cognito-idp",
	// "aws cognito-idp list-users".
	Name     string
	Sections []Section
}

// WriteText writes the page as the terminal shows it.
func (p *Page) WriteText(w io.Writer) error {
	var b strings.Builder
	title := strings.ToUpper(p.Name[strings.LastIndexByte(p.Name, ' ')+1:]) + "()"
	gap := pageWidth - 2*len(title)
	if gap < 1 {
		gap = 1
	}
	b.WriteString(title + strings.Repeat(" ", gap) + title + "\n\n")
	for _, s := range p.Sections {
		b.WriteString("\n" + s.Title + "\n")
		for _, l := range strings.Split(strings.TrimRight(s.Body, "\n"), "\n") {
			if l != "" {
				b.WriteString(strings.Repeat(" ", bodyIndent) + l)
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Top is the page of "aws help".
func Top() *Page {
	var ops strings.Builder
	ops.WriteString("This build carries one service: " + model.ServiceName + " (" + serviceFullName + ", botocore " + model.BotocoreVersion + " model).\n\n")
	ops.WriteString("Commands:\n\n")
	ops.WriteString("   " + model.ServiceName + "\n      " + Summary(serviceDocumentation) + "\n\n")
	ops.WriteString("   help\n      Show this page.\n")
	return &Page{Name: "aws", Sections: []Section{
		{"NAME", "aws - a single-binary drop-in for the AWS CLI's " + model.ServiceName + " commands\n"},
		{"DESCRIPTION", wrap("The AWS Command Line Interface is a unified tool to manage your AWS services. This build implements the "+model.ServiceName+" service only; any other service name is rejected as an invalid choice, as the AWS CLI rejects unknown services.", 0)},
		{"SYNOPSIS", "   aws [options] <command> <subcommand> [parameters]\n\n" +
			wrap("Use aws command help for information on a specific command. The synopsis for each command shows its parameters and their usage. Optional parameters are shown in square brackets.", 0)},
		{"GLOBAL OPTIONS", globalOptionsBody()},
		{"AVAILABLE SERVICES", ops.String()},
	}}
}

// Service is the page of "aws cognito-idp help".
func Service() *Page {
	var ops strings.Builder
	names := model.OperationNames()
	cli := make([]string, len(names))
	for i, n := range names {
		cli[i] = model.XformName(n, '-')
	}
	sort.Strings(cli)
	for _, n := range cli {
		ops.WriteString("* " + n + "\n")
	}
	return &Page{Name: "aws " + model.ServiceName, Sections: []Section{
		{"NAME", model.ServiceName + " - " + serviceFullName + "\n"},
		{"DESCRIPTION", RenderHTML(serviceDocumentation, 0, bodyWidth)},
		{"SYNOPSIS", "   aws " + model.ServiceName + " <command> [<parameters> ...]\n\n" +
			wrap("Use aws "+model.ServiceName+" <command> help for the options of a command.", 0)},
		{"AVAILABLE COMMANDS", ops.String()},
	}}
}

// Operation is the page of "aws cognito-idp <operation> help"; opName is
// the model name (ListUsers).
func Operation(m *model.Model, opName string) (*Page, error) {
	op := m.Operation(opName)
	if op == nil {
		return nil, fmt.Errorf("help: the model has no operation %q", opName)
	}
	cli := model.XformName(opName, '-')
	opts := Options(m, opName)

	desc := RenderHTML(op.Documentation, 0, bodyWidth)
	if op.Deprecated {
		desc = "This operation is deprecated.\n\n" + desc
	}
	desc += "\n" + wrap("See also: AWS API Documentation (https://docs.aws.amazon.com/goto/WebAPI/"+serviceUID+"/"+opName+")", 0)

	p := &Page{Name: "aws " + model.ServiceName + " " + cli, Sections: []Section{
		{"NAME", wrap(cli+" - "+Summary(op.Documentation), 0)},
		{"DESCRIPTION", desc},
		{"SYNOPSIS", synopsis(cli, opts)},
		{"OPTIONS", optionsBody(m, opts)},
		{"GLOBAL OPTIONS", globalOptionsBody()},
	}}
	if op.Output != nil {
		if out := m.Shape(op.Output.Shape); out != nil && len(out.Members) > 0 {
			t := &textWriter{width: bodyWidth}
			for _, mem := range out.Members {
				memberTree(t, m, mem.Name, m.Shape(mem.Shape), memberDoc(mem, m.Shape(mem.Shape)), false, nil)
			}
			t.flush()
			p.Sections = append(p.Sections, Section{"OUTPUT", t.b.String()})
		} else {
			p.Sections = append(p.Sections, Section{"OUTPUT", "None\n"})
		}
	} else {
		p.Sections = append(p.Sections, Section{"OUTPUT", "None\n"})
	}
	return p, nil
}

func wrap(text string, indent int) string {
	t := &textWriter{width: bodyWidth, indent: indent}
	t.addText(text)
	t.flush()
	return t.b.String()
}

func synopsis(cli string, opts []Option) string {
	var b strings.Builder
	b.WriteString("  " + cli + "\n")
	for i := 0; i < len(opts); i++ {
		o := opts[i]
		switch {
		case o.Name == "--cli-input-json" && i+1 < len(opts) && opts[i+1].Name == "--cli-input-yaml":
			b.WriteString("[--cli-input-json <value> | --cli-input-yaml <value>]\n")
			i++
		case o.Negative != "":
			b.WriteString("[" + o.Name + " | " + o.Negative + "]\n")
		case o.Required:
			b.WriteString(o.Name + " <value>\n")
		default:
			b.WriteString("[" + o.Name + " <value>]\n")
		}
	}
	for _, g := range GlobalOptions() {
		if g.TakesValue || g.Name == "--version" {
			b.WriteString("[" + g.Name + " <value>]\n")
		} else {
			b.WriteString("[" + g.Name + "]\n")
		}
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = "   " + lines[i]
	}
	return strings.Join(lines, "\n") + "\n"
}

func optionsBody(m *model.Model, opts []Option) string {
	t := &textWriter{width: bodyWidth}
	for _, o := range opts {
		t.para()
		head := o.Name
		if o.Negative != "" {
			head += " | " + o.Negative
		}
		head += " (" + o.Type + ")"
		if o.Required {
			head += " [REQUIRED]"
		}
		t.line(head)
		t.afterLabel = true
		t.indent = 3
		if o.Member == nil {
			t.addText(o.Doc)
			t.para()
			if len(o.Enum) > 0 {
				possibleValues(t, o.Enum)
			}
			t.indent = 0
			t.afterLabel = false
			continue
		}
		t.render(parseHTML(o.Doc))
		t.para()
		if o.Member.Deprecated {
			t.addText("This parameter is deprecated. " + o.Member.DeprecatedMessage)
			t.para()
		}
		s := o.Shape
		switch s.Type {
		case "structure", "map", "list":
			children(t, m, s, nil)
		default:
			if len(s.Enum) > 0 {
				possibleValues(t, s.Enum)
			}
		}
		t.indent = 0
		t.afterLabel = false
		syntaxBlocks(t, m, s)
	}
	t.flush()
	return t.b.String()
}

func possibleValues(t *textWriter, enum []string) {
	t.para()
	t.line("Possible values:")
	t.para()
	for _, v := range enum {
		t.line("* " + v)
	}
	t.para()
}

// memberTree writes "Name -> (type)" with the member's documentation and
// what the shape contains, indented under it.
func memberTree(t *textWriter, m *model.Model, name string, s *model.Shape, doc string, required bool, stack []string) {
	if s == nil {
		return
	}
	t.para()
	head := "(" + s.Type + ")"
	if name != "" {
		head = name + " -> " + head
	}
	if required {
		head += " [required]"
	}
	t.line(head)
	t.afterLabel = true
	save := t.indent
	t.indent += 3
	if doc != "" {
		t.render(parseHTML(doc))
		t.para()
	}
	if len(s.Enum) > 0 {
		possibleValues(t, s.Enum)
	}
	children(t, m, s, stack)
	t.indent = save
	t.afterLabel = false
	t.para()
}

// children writes the members of a structure, the member of a list or the
// key and value of a map.
func children(t *textWriter, m *model.Model, s *model.Shape, stack []string) {
	for _, n := range stack {
		if n == s.Name {
			t.para()
			t.line("( ... recursive ... )")
			return
		}
	}
	if len(stack) >= maxShapeNes {
		return
	}
	stack = append(stack, s.Name)
	switch s.Type {
	case "structure":
		for _, mem := range s.Members {
			ms := m.Shape(mem.Shape)
			if ms == nil {
				continue
			}
			memberTree(t, m, mem.Name, ms, memberDoc(mem, ms), s.IsRequired(mem.Name), stack)
		}
	case "list":
		if ms := m.Shape(s.Member.Shape); ms != nil {
			doc := s.Member.Documentation
			if doc == "" {
				doc = ms.Documentation
			}
			memberTree(t, m, "", ms, doc, false, stack)
		}
	case "map":
		if ks := m.Shape(s.Key.Shape); ks != nil {
			memberTree(t, m, "key", ks, s.Key.Documentation, false, stack)
		}
		if vs := m.Shape(s.Value.Shape); vs != nil {
			memberTree(t, m, "value", vs, s.Value.Documentation, false, stack)
		}
	}
}

// syntaxBlocks writes the shorthand and JSON examples of a complex option,
// or the value syntax of a list of scalars.
func syntaxBlocks(t *textWriter, m *model.Model, s *model.Shape) {
	switch s.Type {
	case "structure", "map":
	case "list":
		ms := m.Shape(s.Member.Shape)
		if ms == nil {
			return
		}
		if !isComplex(ms) {
			t.para()
			t.line("Syntax:")
			t.para()
			t.line(`   "` + scalarName(ms) + `" "` + scalarName(ms) + `" ...`)
			if len(ms.Enum) > 0 {
				t.para()
				t.line("   Where valid values are:")
				for _, v := range ms.Enum {
					t.line("     " + v)
				}
			}
			t.para()
			return
		}
	default:
		return
	}
	t.para()
	t.line("Shorthand Syntax:")
	t.para()
	t.line("   " + Shorthand(m, s))
	t.para()
	t.line("JSON Syntax:")
	t.para()
	for _, l := range strings.Split(JSONSyntax(m, s), "\n") {
		t.line("   " + l)
	}
	t.para()
}

func isComplex(s *model.Shape) bool {
	return s.Type == "structure" || s.Type == "list" || s.Type == "map"
}

// scalarName is how the syntax blocks name a scalar type.
func scalarName(s *model.Shape) string {
	return s.Type
}

// Shorthand is the shorthand syntax example of an option's shape, as the
// AWS CLI documents it.
func Shorthand(m *model.Model, s *model.Shape) string {
	switch s.Type {
	case "structure":
		return shorthandStruct(m, s, []string{s.Name}, false)
	case "list":
		ms := m.Shape(s.Member.Shape)
		if ms == nil {
			return ""
		}
		if ms.Type == "structure" {
			return shorthandStruct(m, ms, []string{s.Name, ms.Name}, false) + " ..."
		}
		return shorthandValue(m, ms, []string{s.Name})
	case "map":
		v := m.Shape(s.Value.Shape)
		if v == nil {
			return ""
		}
		val := shorthandValue(m, v, []string{s.Name})
		return "KeyName1=" + val + ",KeyName2=" + val
	}
	return scalarName(s)
}

func shorthandStruct(m *model.Model, s *model.Shape, stack []string, braces bool) string {
	parts := make([]string, 0, len(s.Members))
	for _, mem := range s.Members {
		ms := m.Shape(mem.Shape)
		if ms == nil {
			continue
		}
		parts = append(parts, mem.Name+"="+shorthandValue(m, ms, stack))
	}
	out := strings.Join(parts, ",")
	if braces {
		return "{" + out + "}"
	}
	return out
}

func shorthandValue(m *model.Model, s *model.Shape, stack []string) string {
	for _, n := range stack {
		if n == s.Name && isComplex(s) {
			return "( ... recursive ... )"
		}
	}
	if len(stack) >= maxShapeNes {
		return "..."
	}
	next := append(append([]string(nil), stack...), s.Name)
	switch s.Type {
	case "structure":
		return shorthandStruct(m, s, next, true)
	case "list":
		ms := m.Shape(s.Member.Shape)
		if ms == nil {
			return ""
		}
		e := shorthandValue(m, ms, next)
		if isComplex(ms) || len(stack) > 1 {
			return "[" + e + "," + e + "]"
		}
		return e + "," + e
	case "map":
		v := m.Shape(s.Value.Shape)
		if v == nil {
			return ""
		}
		val := shorthandValue(m, v, next)
		return "{KeyName1=" + val + ",KeyName2=" + val + "}"
	}
	return scalarName(s)
}

// JSONSyntax is the JSON example of an option's shape, as the AWS CLI
// documents it.
func JSONSyntax(m *model.Model, s *model.Shape) string {
	var b strings.Builder
	jsonExample(&b, m, s, 0, nil)
	return b.String()
}

func jsonExample(b *strings.Builder, m *model.Model, s *model.Shape, indent int, stack []string) {
	pad := strings.Repeat(" ", indent)
	for _, n := range stack {
		if n == s.Name && isComplex(s) {
			b.WriteString("{ ... recursive ... }")
			return
		}
	}
	if len(stack) >= maxShapeNes {
		b.WriteString("...")
		return
	}
	stack = append(stack, s.Name)
	switch s.Type {
	case "structure":
		b.WriteString("{\n")
		first := true
		for _, mem := range s.Members {
			ms := m.Shape(mem.Shape)
			if ms == nil {
				continue
			}
			if !first {
				b.WriteString(",\n")
			}
			first = false
			b.WriteString(pad + "  \"" + mem.Name + "\": ")
			jsonExample(b, m, ms, indent+2, stack)
		}
		b.WriteString("\n" + pad + "}")
	case "list":
		ms := m.Shape(s.Member.Shape)
		if ms == nil {
			b.WriteString("[]")
			return
		}
		if !isComplex(ms) {
			b.WriteString("[")
			jsonExample(b, m, ms, indent, stack)
			b.WriteString(", ...]")
			return
		}
		b.WriteString("[\n" + pad + "  ")
		jsonExample(b, m, ms, indent+2, stack)
		b.WriteString("\n" + pad + "  ...\n" + pad + "]")
	case "map":
		b.WriteString("{")
		if ks := m.Shape(s.Key.Shape); ks != nil {
			jsonExample(b, m, ks, indent, stack)
		}
		b.WriteString(": ")
		if vs := m.Shape(s.Value.Shape); vs != nil {
			jsonExample(b, m, vs, indent+2, stack)
		}
		b.WriteString("\n" + pad + "  ...}")
	case "string":
		if len(s.Enum) > 0 {
			b.WriteString(`"` + strings.Join(s.Enum, `"|"`) + `"`)
			return
		}
		b.WriteString(`"string"`)
	case "boolean":
		b.WriteString("true|false")
	default:
		b.WriteString(s.Type)
	}
}

func globalOptionsBody() string {
	t := &textWriter{width: bodyWidth}
	for _, g := range GlobalOptions() {
		t.para()
		t.line(g.Name + " (" + g.Type + ")")
		t.afterLabel = true
		t.indent = 3
		t.addText(g.Doc)
		t.para()
		for _, c := range g.Choices {
			t.line("* " + c)
		}
		t.indent = 0
	}
	t.flush()
	return t.b.String()
}
