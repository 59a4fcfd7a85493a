package skeleton

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/cognito-cli/aws/model"
)

// The yaml-input skeleton is what ruamel.yaml's round-trip dumper prints for
// a tree of CommentedMaps carrying end-of-line comments: block style, maps
// indented by two, list dashes at their key's column, a comment after each
// structure member's value (after "Key:" when the value is a block).

// ynode is one node of the skeleton as ruamel.yaml would hold it.
type ynode struct {
	kind    byte // 'm' map, 's' sequence, 'v' scalar
	entries []yentry
	items   []*ynode
	scalar  string // already in its YAML spelling
}

type yentry struct {
	key     string
	val     *ynode
	comment string // "" for none; else the text after the spaces, from '#' on
	wide    bool   // ruamel found no column for it: two spaces before '#'
}

// YAMLInput is the exact text `--generate-cli-skeleton yaml-input` prints.
func YAMLInput(m *model.Model, op string) (string, error) {
	o := m.Operation(op)
	if o == nil {
		return "", fmt.Errorf("skeleton: unknown operation %q", op)
	}
	root := &ynode{kind: 'm'}
	if o.Input != nil {
		g := yamlGenerator{generator: generator{m: m}}
		n, err := g.node(o.Input.Shape)
		if err != nil {
			return "", err
		}
		root = n
	}
	var b strings.Builder
	if root.kind == 'm' && len(root.entries) == 0 {
		b.WriteString("{}\n")
		return b.String(), nil
	}
	emitMap(&b, root, 0, false)
	return b.String(), nil
}

type yamlGenerator struct{ generator }

func (g *yamlGenerator) node(shapeName string) (*ynode, error) {
	s, err := g.shape(shapeName)
	if err != nil {
		return nil, err
	}
	g.stack = append(g.stack, s.Name)
	defer func() { g.stack = g.stack[:len(g.stack)-1] }()
	switch s.Type {
	case "blob":
		return &ynode{kind: 'v', scalar: "!!binary ''"}, nil
	case "structure":
		n := &ynode{kind: 'm'}
		if g.count(s.Name) > 1 {
			return n, nil
		}
		for _, mem := range s.Members {
			v, err := g.node(mem.Shape)
			if err != nil {
				return nil, err
			}
			ms, err := g.shape(mem.Shape)
			if err != nil {
				return nil, err
			}
			e := yentry{key: mem.Name, val: v}
			if c := memberComment(mem, ms, s.IsRequired(mem.Name)); c != "" {
				e.comment = "# " + c
				e.wide = !commentColumnKnown(n.entries, mem.Name)
			}
			n.entries = append(n.entries, e)
		}
		return n, nil
	case "list":
		if s.Member == nil {
			return nil, fmt.Errorf("skeleton: list %s has no member", s.Name)
		}
		v, err := g.node(s.Member.Shape)
		if err != nil {
			return nil, err
		}
		return &ynode{kind: 's', items: []*ynode{v}}, nil
	case "map":
		if s.Value == nil {
			return nil, fmt.Errorf("skeleton: map %s has no value", s.Name)
		}
		v, err := g.node(s.Value.Shape)
		if err != nil {
			return nil, err
		}
		return &ynode{kind: 'm', entries: []yentry{{key: "KeyName", val: v}}}, nil
	case "string":
		if len(s.Enum) > 0 {
			return &ynode{kind: 'v', scalar: yamlString(s.Enum[0])}, nil
		}
		return &ynode{kind: 'v', scalar: "''"}, nil
	case "integer", "long":
		return &ynode{kind: 'v', scalar: "0"}, nil
	case "float", "double":
		return &ynode{kind: 'v', scalar: "0.0"}, nil
	case "boolean":
		return &ynode{kind: 'v', scalar: "true"}, nil
	case "timestamp":
		return &ynode{kind: 'v', scalar: epoch().PyStr()}, nil
	}
	return &ynode{kind: 'v', scalar: "null"}, nil
}

// memberComment is the comment YAMLArgumentGenerator attaches to a member:
// "[REQUIRED]", the documentation's first sentence and the enum values,
// joined by spaces; "" when that is empty or only spaces.
func memberComment(mem *model.Member, target *model.Shape, required bool) string {
	var parts []string
	if required {
		parts = append(parts, "[REQUIRED]")
	}
	doc := mem.Documentation
	if doc == "" {
		// botocore merges member traits over the target shape.
		doc = target.Documentation
	}
	parts = append(parts, docOverview(doc))
	if target.Type == "string" && len(target.Enum) > 0 {
		parts = append(parts, "Valid values are: "+strings.Join(target.Enum, ", ")+".")
	}
	c := strings.Join(parts, " ")
	if strings.TrimFunc(c, isPySpace) == "" {
		return ""
	}
	return c
}

// isPySpace approximates Python's str.isspace.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\x1c' || r == '\x1d' || r == '\x1e' || r == '\x1f'
}

// commentColumnKnown mirrors ruamel's CommentedMap._yaml_get_column when a
// comment is added for the newest key: the previous key's comment gives the
// column; failing that, any commented key met before the first key that
// sorts at or after this one. Without a column ruamel prefixes the comment
// with a space, which shows as two spaces before '#'.
func commentColumnKnown(prev []yentry, key string) bool {
	if len(prev) > 0 && prev[len(prev)-1].comment != "" {
		return true
	}
	found := false
	for _, e := range prev {
		if e.key >= key {
			return found
		}
		if e.comment != "" {
			found = true
		}
	}
	return found
}

func writeIndent(b *strings.Builder, n int) {
	for i := 0; i < n; i++ {
		b.WriteByte(' ')
	}
}

func writeComment(b *strings.Builder, e yentry) {
	if e.comment == "" {
		return
	}
	b.WriteByte(' ')
	if e.wide {
		b.WriteByte(' ')
	}
	b.WriteString(e.comment)
}

// emitMap writes a block mapping at indent; inline means the first key goes
// on the current line (after a sequence dash).
func emitMap(b *strings.Builder, n *ynode, indent int, inline bool) {
	for i, e := range n.entries {
		if i > 0 || !inline {
			writeIndent(b, indent)
		}
		b.WriteString(e.key)
		b.WriteByte(':')
		switch {
		case e.val.kind == 'v':
			b.WriteByte(' ')
			b.WriteString(e.val.scalar)
			writeComment(b, e)
			b.WriteByte('\n')
		case e.val.kind == 'm' && len(e.val.entries) == 0:
			b.WriteString(" {}")
			writeComment(b, e)
			b.WriteByte('\n')
		case e.val.kind == 's' && len(e.val.items) == 0:
			b.WriteString(" []")
			writeComment(b, e)
			b.WriteByte('\n')
		case e.val.kind == 'm':
			writeComment(b, e)
			b.WriteByte('\n')
			emitMap(b, e.val, indent+2, false)
		default:
			writeComment(b, e)
			b.WriteByte('\n')
			emitSeq(b, e.val, indent, false)
		}
	}
}

// emitSeq writes a block sequence whose dashes sit at indent.
func emitSeq(b *strings.Builder, n *ynode, indent int, inline bool) {
	for i, it := range n.items {
		if i > 0 || !inline {
			writeIndent(b, indent)
		}
		b.WriteString("- ")
		switch {
		case it.kind == 'v':
			b.WriteString(it.scalar)
			b.WriteByte('\n')
		case it.kind == 'm' && len(it.entries) == 0:
			b.WriteString("{}\n")
		case it.kind == 's' && len(it.items) == 0:
			b.WriteString("[]\n")
		case it.kind == 'm':
			emitMap(b, it, indent+2, true)
		default:
			emitSeq(b, it, indent+2, true)
		}
	}
}

// yamlString spells a string as ruamel.yaml's dumper does for the short,
// single-line texts a skeleton holds: plain when a YAML 1.2 reader would read
// it back as the same string, else single-quoted.
func yamlString(s string) string {
	if s == "" || !plainSafe(s) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	if _, isStr := resolvePlain(s); !isStr {
		return "'" + s + "'"
	}
	return s
}

// plainSafe is the subset of the emitter's analyze_scalar that decides
// whether a one-line printable string may be written without quotes.
func plainSafe(s string) bool {
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`") && !(len(s) > 1 && (s[0] == '-' || s[0] == '?' || s[0] == ':') && s[1] != ' ') {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.HasSuffix(s, ":") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return false
		}
	}
	return true
}
