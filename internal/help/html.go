package help

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The model's documentation is a small HTML dialect: p, code, a, ul/ol/li,
// dl/dt/dd, note, important, b, i (and, defensively, br, pre and headings).
// It is parsed into a tree and rendered as wrapped plain text.

// maxDepth bounds element nesting; deeper start tags are ignored so that
// hostile input cannot make rendering recurse without limit.
const maxDepth = 64

type node struct {
	tag      string // "" for a text node
	text     string
	href     string
	children []*node
}

// parseHTML builds a tolerant tree: unknown end tags are ignored, unclosed
// elements close at the end of their parent.
func parseHTML(s string) *node {
	root := &node{tag: "root"}
	stack := []*node{root}
	top := func() *node { return stack[len(stack)-1] }
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			top().children = append(top().children, &node{text: decodeEntities(s)})
			break
		}
		if lt > 0 {
			top().children = append(top().children, &node{text: decodeEntities(s[:lt])})
			s = s[lt:]
		}
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			top().children = append(top().children, &node{text: decodeEntities(s)})
			break
		}
		tagText := s[1:gt]
		s = s[gt+1:]
		closing := strings.HasPrefix(tagText, "/")
		tagText = strings.TrimPrefix(tagText, "/")
		selfClosing := strings.HasSuffix(tagText, "/")
		tagText = strings.TrimSuffix(tagText, "/")
		name, attrs, _ := strings.Cut(strings.TrimSpace(tagText), " ")
		name = strings.ToLower(name)
		if name == "" || strings.HasPrefix(name, "!") {
			continue
		}
		if closing {
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].tag == name {
					stack = stack[:i]
					break
				}
			}
			continue
		}
		n := &node{tag: name}
		if name == "a" {
			n.href = attr(attrs, "href")
		}
		if name == "br" || selfClosing || len(stack) > maxDepth {
			if name == "br" {
				top().children = append(top().children, n)
			}
			continue
		}
		top().children = append(top().children, n)
		stack = append(stack, n)
	}
	return root
}

// attr finds name="value" in a tag's attribute text.
func attr(attrs, name string) string {
	i := strings.Index(attrs, name+"=")
	if i < 0 {
		return ""
	}
	v := attrs[i+len(name)+1:]
	if v == "" {
		return ""
	}
	if q := v[0]; q == '"' || q == '\'' {
		if end := strings.IndexByte(v[1:], q); end >= 0 {
			return decodeEntities(v[1 : end+1])
		}
		return decodeEntities(v[1:])
	}
	end := strings.IndexAny(v, " \t\n")
	if end < 0 {
		end = len(v)
	}
	return decodeEntities(v[:end])
}

func namedEntity(name string) (string, bool) {
	switch name {
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "amp":
		return "&", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	case "nbsp":
		return " ", true
	}
	return "", false
}

func decodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		semi := strings.IndexByte(s, ';')
		if semi < 0 || semi > 10 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		name := s[1:semi]
		if v, ok := namedEntity(name); ok {
			b.WriteString(v)
		} else if r, ok := numericEntity(name); ok {
			b.WriteRune(r)
		} else {
			b.WriteString(s[:semi+1])
		}
		s = s[semi+1:]
	}
}

func numericEntity(name string) (rune, bool) {
	if !strings.HasPrefix(name, "#") {
		return 0, false
	}
	num, base := name[1:], 10
	if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
		num, base = num[1:], 16
	}
	n, err := strconv.ParseUint(num, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// textWriter lays out blocks of words within a width, with indentation,
// hanging bullets and blank lines between blocks.
type textWriter struct {
	b         strings.Builder
	width     int
	indent    int
	words     []string
	glue      bool   // the next text continues the last word (no space between)
	prefix    string // bullet for the first line of the next block of a list item
	needBlank bool
	// afterLabel: a NOTE: label was just written; its body follows directly.
	afterLabel bool
}

func (t *textWriter) addText(s string) {
	if s == "" {
		return
	}
	startsSpace := isSpace(s[0])
	fields := strings.Fields(s)
	if len(fields) == 0 {
		t.glue = false
		return
	}
	if t.glue && !startsSpace && len(t.words) > 0 {
		t.words[len(t.words)-1] += fields[0]
		fields = fields[1:]
	}
	t.words = append(t.words, fields...)
	t.glue = !isSpace(s[len(s)-1])
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// flush writes the pending words as one wrapped block.
func (t *textWriter) flush() {
	t.glue = false
	if len(t.words) == 0 {
		return
	}
	t.blankIfNeeded()
	first := strings.Repeat(" ", t.indent) + t.prefix
	t.takePrefix()
	rest := strings.Repeat(" ", t.indent)
	line, lineLen, lead := first, utf8.RuneCountInString(first), true
	for _, w := range t.words {
		wl := utf8.RuneCountInString(w)
		if !lead && lineLen+1+wl > t.width {
			t.b.WriteString(strings.TrimRight(line, " "))
			t.b.WriteByte('\n')
			line, lineLen, lead = rest, utf8.RuneCountInString(rest), true
		}
		if !lead {
			line += " "
			lineLen++
		}
		line += w
		lineLen += wl
		lead = false
	}
	t.b.WriteString(strings.TrimRight(line, " "))
	t.b.WriteByte('\n')
	t.words = t.words[:0]
}

func (t *textWriter) blankIfNeeded() {
	t.afterLabel = false
	if t.needBlank && t.b.Len() > 0 {
		t.b.WriteByte('\n')
	}
	t.needBlank = false
}

// line writes one unwrapped line at the current indentation.
func (t *textWriter) line(s string) {
	t.flush()
	t.blankIfNeeded()
	if s != "" || t.prefix != "" {
		t.b.WriteString(strings.Repeat(" ", t.indent))
		t.b.WriteString(t.prefix)
		t.takePrefix()
		t.b.WriteString(s)
	}
	t.b.WriteByte('\n')
}

// takePrefix consumes a pending bullet: the rest of the item hangs under
// the bullet's text.
func (t *textWriter) takePrefix() {
	t.indent += utf8.RuneCountInString(t.prefix)
	t.prefix = ""
}

// para ends the current block; the next one starts after a blank line.
func (t *textWriter) para() {
	t.flush()
	if t.b.Len() > 0 && !t.afterLabel {
		t.needBlank = true
	}
}

func (t *textWriter) render(n *node) {
	if n.tag == "" {
		t.addText(n.text)
		return
	}
	switch n.tag {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "dt":
		t.para()
		t.children(n)
		t.para()
	case "br":
		t.flush()
	case "ul", "ol":
		t.para()
		num := 0
		for _, c := range n.children {
			if c.tag != "li" {
				t.render(c)
				continue
			}
			num++
			bullet := "* "
			if n.tag == "ol" {
				bullet = strconv.Itoa(num) + ". "
			}
			t.para()
			save := t.indent
			t.prefix = bullet
			t.children(c)
			t.flush()
			t.prefix = ""
			t.indent = save
			t.para()
		}
		t.para()
	case "note", "important":
		t.para()
		label := "NOTE:"
		if n.tag == "important" {
			label = "IMPORTANT:"
		}
		t.line(label)
		t.afterLabel = true
		t.indent += 3
		t.children(n)
		t.para()
		t.indent -= 3
	case "dd":
		t.para()
		t.indent += 3
		t.children(n)
		t.para()
		t.indent -= 3
	case "pre":
		t.para()
		t.indent += 3
		for _, l := range strings.Split(strings.Trim(textOf(n), "\n"), "\n") {
			t.line(strings.TrimRight(l, " \t\r"))
		}
		t.indent -= 3
		t.para()
	case "a":
		t.children(n)
		text := strings.TrimSpace(textOf(n))
		if n.href != "" && n.href != text {
			t.addText(" (" + n.href + ")")
		}
	default:
		t.children(n)
	}
}

func isInline(tag string) bool {
	switch tag {
	case "code", "a", "b", "i", "em", "strong", "span", "br":
		return true
	}
	return false
}

func (t *textWriter) children(n *node) {
	for _, c := range n.children {
		t.render(c)
	}
}

func textOf(n *node) string {
	if n.tag == "" {
		return n.text
	}
	var b strings.Builder
	for _, c := range n.children {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// RenderHTML turns model documentation into plain text wrapped at width
// columns, every line indented by indent spaces. The result ends with a
// newline unless it is empty.
func RenderHTML(doc string, indent, width int) string {
	t := &textWriter{width: width, indent: indent}
	t.render(parseHTML(doc))
	t.flush()
	return t.b.String()
}

// Summary is the first sentence of the documentation as one line.
func Summary(doc string) string {
	text := strings.Join(strings.Fields(RenderHTML(doc, 0, 1<<30)), " ")
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i+1]
	}
	return text
}
