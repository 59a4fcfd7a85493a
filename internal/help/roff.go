package help

import (
	"io"
	"strings"
)

// WriteRoff writes the page as a man(7) page in section 1. The text is
// already laid out, so every section is set with filling off; man indents
// section bodies itself.
func (p *Page) WriteRoff(w io.Writer, version string) error {
	var b strings.Builder
	name := strings.ReplaceAll(p.Name, " ", "-")
	b.WriteString(".\\\" Generated from the " + serviceFullName + " model; do not edit.\n")
	b.WriteString(".TH " + roffQuote(strings.ToUpper(name)) + " 1 \"\" " + roffQuote("cognito-cli "+version) + " \"AWS CLI\"\n")
	for _, s := range p.Sections {
		b.WriteString(".SH " + roffQuote(s.Title) + "\n.nf\n")
		for _, l := range strings.Split(strings.TrimRight(s.Body, "\n"), "\n") {
			b.WriteString(roffLine(l) + "\n")
		}
		b.WriteString(".fi\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// roffLine escapes a text line: backslashes, and a leading control
// character or space that roff would interpret.
func roffLine(l string) string {
	l = strings.ReplaceAll(l, "\\", "\\e")
	if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
		l = "\\&" + l
	}
	return l
}

func roffQuote(s string) string {
	return "\"" + strings.ReplaceAll(roffLine(s), "\"", "\\(dq") + "\""
}
