package output

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/yamlres"
)

// The reference dumps YAML with ruamel.yaml's safe dumper, which hands its
// events to libyaml's C emitter (block style, keys sorted, width 80,
// indent 2, unicode allowed) and decides implicit typing with its YAML 1.2
// resolver. yaml.v3 quotes and wraps differently, so this file carries a
// port of the parts of that emitter our value types reach.

// WriteYAML prints v as `--output yaml` does: nothing for an empty dict;
// null, booleans, numbers and strings as compact JSON on one line; anything
// else as a YAML block document.
func WriteYAML(w io.Writer, v any) error {
	if m, ok := v.(*document.Map); ok && m.Len() == 0 {
		return nil
	}
	bw := bufio.NewWriterSize(w, 32*1024)
	switch v.(type) {
	case nil, bool, string, int64, int, *big.Int, float64:
		bw.WriteString(FormatJSON(v, 0))
		bw.WriteByte('\n')
	default:
		e := newYAMLEmitter(bw)
		e.document(v)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing yaml output: %w", err)
	}
	return nil
}

// WriteYAMLStream prints one response (one page, after --query) as
// `--output yaml-stream` does: as a one-item YAML list, so that pages
// printed one after another form one list. An empty dict prints nothing.
// A paginated caller calls it once per page.
func WriteYAMLStream(w io.Writer, v any) error {
	if m, ok := v.(*document.Map); ok && m.Len() == 0 {
		return nil
	}
	bw := bufio.NewWriterSize(w, 32*1024)
	e := newYAMLEmitter(bw)
	e.document([]any{v})
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing yaml output: %w", err)
	}
	return nil
}

const (
	yamlBestIndent = 2
	yamlBestWidth  = 80
)

type scalarStyle int

const (
	stylePlain scalarStyle = iota
	styleSingle
	styleDouble
	styleLiteral
)

// yamlEmitter mirrors the state of libyaml's yaml_emitter_t that block
// output depends on.
type yamlEmitter struct {
	w          *bufio.Writer
	column     int
	whitespace bool
	indention  bool
	indent     int
	indents    []int
	flowLevel  int

	mappingCtx   bool
	simpleKeyCtx bool
}

func newYAMLEmitter(w *bufio.Writer) *yamlEmitter {
	return &yamlEmitter{w: w, indent: -1, whitespace: true, indention: true}
}

// document emits an implicit document holding v: no "---", and a final
// line break.
func (e *yamlEmitter) document(v any) {
	e.node(v, false, false)
	e.writeIndent()
}

func (e *yamlEmitter) put(c byte) {
	e.w.WriteByte(c)
	e.column++
}

func (e *yamlEmitter) putBreak() {
	e.w.WriteByte('\n')
	e.column = 0
}

// writeRune copies one character; the column counts characters.
func (e *yamlEmitter) writeRune(s string) {
	e.w.WriteString(s)
	e.column++
}

func (e *yamlEmitter) increaseIndent(flow, indentless bool) {
	e.indents = append(e.indents, e.indent)
	if e.indent < 0 {
		if flow {
			e.indent = yamlBestIndent
		} else {
			e.indent = 0
		}
	} else if !indentless {
		e.indent += yamlBestIndent
	}
}

func (e *yamlEmitter) popIndent() {
	e.indent = e.indents[len(e.indents)-1]
	e.indents = e.indents[:len(e.indents)-1]
}

func (e *yamlEmitter) writeIndent() {
	indent := max(e.indent, 0)
	if !e.indention || e.column > indent || (e.column == indent && !e.whitespace) {
		e.putBreak()
	}
	for e.column < indent {
		e.put(' ')
	}
	e.whitespace = true
	e.indention = true
}

func (e *yamlEmitter) writeIndicator(ind string, needWhitespace, isWhitespace, isIndention bool) {
	if needWhitespace && !e.whitespace {
		e.put(' ')
	}
	e.w.WriteString(ind)
	e.column += utf8.RuneCountInString(ind)
	e.whitespace = isWhitespace
	e.indention = e.indention && isIndention
}

func (e *yamlEmitter) node(v any, mapping, simpleKey bool) {
	e.mappingCtx = mapping
	e.simpleKeyCtx = simpleKey
	switch t := v.(type) {
	case []any:
		if e.flowLevel > 0 || len(t) == 0 {
			e.writeIndicator("[", true, true, false)
			e.increaseIndent(true, false)
			e.flowLevel++
			// Only empty sequences are written in flow style.
			e.flowLevel--
			e.popIndent()
			e.writeIndicator("]", false, false, false)
			return
		}
		e.increaseIndent(false, e.mappingCtx && !e.indention)
		for _, item := range t {
			e.writeIndent()
			e.writeIndicator("-", true, false, true)
			e.node(item, false, false)
		}
		e.popIndent()
	case *document.Map:
		if e.flowLevel > 0 || t.Len() == 0 {
			e.writeIndicator("{", true, true, false)
			e.increaseIndent(true, false)
			e.popIndent()
			e.writeIndicator("}", false, false, false)
			return
		}
		e.increaseIndent(false, false)
		for _, k := range sortedKeys(t) {
			val, _ := t.Get(k)
			e.writeIndent()
			if a := analyzeScalar(k); !a.multiline && len(k) <= 128 {
				e.node(k, true, true)
				e.writeIndicator(":", false, false, false)
			} else {
				e.writeIndicator("?", true, false, true)
				e.node(k, true, false)
				e.writeIndent()
				e.writeIndicator(":", true, false, true)
			}
			e.node(val, true, false)
		}
		e.popIndent()
	default:
		e.scalar(v)
	}
}

// scalar represents v as ruamel's SafeRepresenter does and emits it.
func (e *yamlEmitter) scalar(v any) {
	var value, tag string
	plainImplicit := true
	style := stylePlain
	switch t := v.(type) {
	case nil:
		value = "null"
	case bool:
		value = strconv.FormatBool(t)
	case int64:
		value = strconv.FormatInt(t, 10)
	case int:
		value = strconv.Itoa(t)
	case *big.Int:
		value = t.String()
	case float64:
		switch {
		case math.IsNaN(t):
			value = ".nan"
		case math.IsInf(t, 1):
			value = ".inf"
		case math.IsInf(t, -1):
			value = "-.inf"
		default:
			value = strings.ToLower(document.FormatFloat(t))
		}
	case string:
		value = t
		plainImplicit = resolvesToStr(t)
	case []byte:
		value = base64Lines(t)
		tag = "binary"
		plainImplicit = false
		style = styleLiteral
	default:
		value = fmt.Sprint(t)
	}
	a := analyzeScalar(value)
	style = e.selectStyle(style, a, plainImplicit, tag != "")
	if tag != "" {
		// The "!!" handle stands for tag:yaml.org,2002:.
		if !e.whitespace {
			e.put(' ')
		}
		e.w.WriteString("!!" + tag)
		e.column += 2 + len(tag)
		e.whitespace = false
		e.indention = false
	}
	e.increaseIndent(true, false)
	allowBreaks := !e.simpleKeyCtx
	switch style {
	case stylePlain:
		e.writePlain(value, allowBreaks)
	case styleSingle:
		e.writeSingleQuoted(value, allowBreaks)
	case styleDouble:
		e.writeDoubleQuoted(value, allowBreaks)
	case styleLiteral:
		e.writeLiteral(value)
	}
	e.popIndent()
}

// base64Lines is Python's base64.encodebytes: lines of 76 characters, each
// ending in a newline.
func base64Lines(p []byte) string {
	s := base64.StdEncoding.EncodeToString(p)
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76])
		b.WriteByte('\n')
		s = s[76:]
	}
	if s != "" {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String()
}

func (e *yamlEmitter) selectStyle(style scalarStyle, a scalarAnalysis, plainImplicit, hasTag bool) scalarStyle {
	noTag := !hasTag
	if e.simpleKeyCtx && a.multiline {
		style = styleDouble
	}
	if style == stylePlain {
		if (e.flowLevel > 0 && !a.flowPlainAllowed) || (e.flowLevel == 0 && !a.blockPlainAllowed) {
			style = styleSingle
		}
		if a.length == 0 && (e.flowLevel > 0 || e.simpleKeyCtx) {
			style = styleSingle
		}
		if noTag && !plainImplicit {
			style = styleSingle
		}
	}
	if style == styleSingle && !a.singleQuotedAllowed {
		style = styleDouble
	}
	if style == styleLiteral && (!a.blockAllowed || e.flowLevel > 0 || e.simpleKeyCtx) {
		style = styleDouble
	}
	return style
}

type scalarAnalysis struct {
	length              int
	multiline           bool
	flowPlainAllowed    bool
	blockPlainAllowed   bool
	singleQuotedAllowed bool
	blockAllowed        bool
}

// YAML character classes of libyaml's yaml_private.h, on code points.
func yamlIsBreak(r rune) bool {
	return r == '\r' || r == '\n' || r == 0x85 || r == 0x2028 || r == 0x2029
}

func yamlIsBlankZ(r rune) bool {
	return r == ' ' || r == '\t' || r == 0 || yamlIsBreak(r)
}

func yamlIsPrintable(r rune) bool {
	return r == 0x0A || (r >= 0x20 && r <= 0x7E) || (r >= 0xA0 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF)
}

// runeAt decodes the character at byte offset i; past the end it is the
// terminating NUL libyaml sees.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n == 1 {
		// Python would have refused undecodable text; treat it as a
		// non-printable character so it ends up escaped.
		return 0xFFFF, 1
	}
	return r, n
}

// analyzeScalar is yaml_emitter_analyze_scalar with unicode output allowed.
func analyzeScalar(s string) scalarAnalysis {
	a := scalarAnalysis{length: len(s)}
	if s == "" {
		a.blockPlainAllowed = true
		a.singleQuotedAllowed = true
		return a
	}
	var blockIndicators, flowIndicators, lineBreaks, special bool
	var leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak bool
	var previousSpace, previousBreak bool
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		blockIndicators, flowIndicators = true, true
	}
	precededByWhitespace := true
	_, w0 := runeAt(s, 0)
	nr, _ := runeAt(s, w0)
	followedByWhitespace := yamlIsBlankZ(nr)
	for i := 0; i < len(s); {
		r, w := runeAt(s, i)
		if i == 0 {
			switch r {
			case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
				flowIndicators, blockIndicators = true, true
			case '?', ':':
				flowIndicators = true
				if followedByWhitespace {
					blockIndicators = true
				}
			case '-':
				if followedByWhitespace {
					flowIndicators, blockIndicators = true, true
				}
			}
		} else {
			switch r {
			case ',', '?', '[', ']', '{', '}':
				flowIndicators = true
			case ':':
				flowIndicators = true
				if followedByWhitespace {
					blockIndicators = true
				}
			case '#':
				if precededByWhitespace {
					flowIndicators, blockIndicators = true, true
				}
			}
		}
		if !yamlIsPrintable(r) {
			special = true
		}
		if yamlIsBreak(r) {
			lineBreaks = true
		}
		switch {
		case r == ' ':
			if i == 0 {
				leadingSpace = true
			}
			if i+w == len(s) {
				trailingSpace = true
			}
			if previousBreak {
				breakSpace = true
			}
			previousSpace, previousBreak = true, false
		case yamlIsBreak(r):
			if i == 0 {
				leadingBreak = true
			}
			if i+w == len(s) {
				trailingBreak = true
			}
			if previousSpace {
				spaceBreak = true
			}
			previousSpace, previousBreak = false, true
		default:
			previousSpace, previousBreak = false, false
		}
		precededByWhitespace = yamlIsBlankZ(r)
		i += w
		if i < len(s) {
			_, nw := runeAt(s, i)
			nr, _ := runeAt(s, i+nw)
			followedByWhitespace = yamlIsBlankZ(nr)
		}
	}
	a.multiline = lineBreaks
	a.flowPlainAllowed, a.blockPlainAllowed, a.singleQuotedAllowed, a.blockAllowed = true, true, true, true
	if leadingSpace || leadingBreak || trailingSpace || trailingBreak {
		a.flowPlainAllowed, a.blockPlainAllowed = false, false
	}
	if trailingSpace {
		a.blockAllowed = false
	}
	if breakSpace {
		a.flowPlainAllowed, a.blockPlainAllowed, a.singleQuotedAllowed = false, false, false
	}
	if spaceBreak || special {
		a.flowPlainAllowed, a.blockPlainAllowed, a.singleQuotedAllowed, a.blockAllowed = false, false, false, false
	}
	if lineBreaks {
		a.flowPlainAllowed, a.blockPlainAllowed = false, false
	}
	if flowIndicators {
		a.flowPlainAllowed = false
	}
	if blockIndicators {
		a.blockPlainAllowed = false
	}
	return a
}

// isSpaceAt reports whether the byte at i is a space (the NUL past the end
// is not).
func isSpaceAt(s string, i int) bool { return i < len(s) && s[i] == ' ' }

func (e *yamlEmitter) writePlain(s string, allowBreaks bool) {
	if !e.whitespace && (len(s) > 0 || e.flowLevel > 0) {
		e.put(' ')
	}
	spaces, breaks := false, false
	for i := 0; i < len(s); {
		r, w := runeAt(s, i)
		switch {
		case r == ' ':
			if allowBreaks && !spaces && e.column > yamlBestWidth && !isSpaceAt(s, i+1) {
				e.writeIndent()
			} else {
				e.writeRune(s[i : i+w])
			}
			spaces = true
		case yamlIsBreak(r):
			if !breaks && r == '\n' {
				e.putBreak()
			}
			e.writeBreak(s[i : i+w])
			e.indention = true
			breaks = true
		default:
			if breaks {
				e.writeIndent()
			}
			e.writeRune(s[i : i+w])
			e.indention = false
			spaces, breaks = false, false
		}
		i += w
	}
	e.whitespace = false
	e.indention = false
}

// writeBreak is libyaml's WRITE_BREAK: "\n" becomes the configured line
// break, other break characters are copied.
func (e *yamlEmitter) writeBreak(c string) {
	if c == "\n" {
		e.putBreak()
		return
	}
	e.w.WriteString(c)
	e.column = 0
}

func (e *yamlEmitter) writeSingleQuoted(s string, allowBreaks bool) {
	e.writeIndicator("'", true, false, false)
	spaces, breaks := false, false
	for i := 0; i < len(s); {
		r, w := runeAt(s, i)
		switch {
		case r == ' ':
			if allowBreaks && !spaces && e.column > yamlBestWidth && i != 0 && i != len(s)-1 && !isSpaceAt(s, i+1) {
				e.writeIndent()
			} else {
				e.writeRune(s[i : i+w])
			}
			spaces = true
		case yamlIsBreak(r):
			if !breaks && r == '\n' {
				e.putBreak()
			}
			e.writeBreak(s[i : i+w])
			e.indention = true
			breaks = true
		default:
			if breaks {
				e.writeIndent()
			}
			if r == '\'' {
				e.put('\'')
			}
			e.writeRune(s[i : i+w])
			e.indention = false
			spaces, breaks = false, false
		}
		i += w
	}
	if breaks {
		e.writeIndent()
	}
	e.writeIndicator("'", false, false, false)
	e.whitespace = false
	e.indention = false
}

func (e *yamlEmitter) writeDoubleQuoted(s string, allowBreaks bool) {
	e.writeIndicator("\"", true, false, false)
	spaces := false
	for i := 0; i < len(s); {
		r, w := runeAt(s, i)
		switch {
		case !yamlIsPrintable(r) || r == 0xFEFF || yamlIsBreak(r) || r == '"' || r == '\\':
			e.put('\\')
			switch r {
			case 0x00:
				e.put('0')
			case 0x07:
				e.put('a')
			case 0x08:
				e.put('b')
			case 0x09:
				e.put('t')
			case 0x0A:
				e.put('n')
			case 0x0B:
				e.put('v')
			case 0x0C:
				e.put('f')
			case 0x0D:
				e.put('r')
			case 0x1B:
				e.put('e')
			case 0x22:
				e.put('"')
			case 0x5C:
				e.put('\\')
			case 0x85:
				e.put('N')
			case 0xA0:
				e.put('_')
			case 0x2028:
				e.put('L')
			case 0x2029:
				e.put('P')
			default:
				var digits string
				switch {
				case r <= 0xFF:
					e.put('x')
					digits = fmt.Sprintf("%02X", r)
				case r <= 0xFFFF:
					e.put('u')
					digits = fmt.Sprintf("%04X", r)
				default:
					e.put('U')
					digits = fmt.Sprintf("%08X", r)
				}
				for j := 0; j < len(digits); j++ {
					e.put(digits[j])
				}
			}
			spaces = false
		case r == ' ':
			if allowBreaks && !spaces && e.column > yamlBestWidth && i != 0 && i != len(s)-1 {
				e.writeIndent()
				if isSpaceAt(s, i+1) {
					e.put('\\')
				}
			} else {
				e.writeRune(s[i : i+w])
			}
			spaces = true
		default:
			e.writeRune(s[i : i+w])
			spaces = false
		}
		i += w
	}
	e.writeIndicator("\"", false, false, false)
	e.whitespace = false
	e.indention = false
}

func (e *yamlEmitter) writeLiteral(s string) {
	e.writeIndicator("|", true, false, false)
	// Block scalar hints: an indentation indicator when the text starts
	// with a space or break; "-" without a final break, "+" with several.
	if r, _ := runeAt(s, 0); r == ' ' || yamlIsBreak(r) {
		e.writeIndicator(strconv.Itoa(yamlBestIndent), false, false, false)
	}
	if s == "" {
		e.writeIndicator("-", false, false, false)
	} else {
		last, lw := utf8.DecodeLastRuneInString(s)
		if !yamlIsBreak(last) {
			e.writeIndicator("-", false, false, false)
		} else if len(s) == lw {
			e.writeIndicator("+", false, false, false)
		} else if prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-lw]); yamlIsBreak(prev) {
			e.writeIndicator("+", false, false, false)
		}
	}
	e.putBreak()
	e.indention = true
	e.whitespace = true
	breaks := true
	for i := 0; i < len(s); {
		r, w := runeAt(s, i)
		if yamlIsBreak(r) {
			e.writeBreak(s[i : i+w])
			e.indention = true
			breaks = true
		} else {
			if breaks {
				e.writeIndent()
			}
			e.writeRune(s[i : i+w])
			e.indention = false
			breaks = false
		}
		i += w
	}
}

// resolvesToStr is true when ruamel's resolver reads s, written plain, back
// as a string. Python's `$` also matches before a final newline, but such
// strings are never plain anyway.
func resolvesToStr(s string) bool {
	if s == "" {
		return false // null
	}
	switch s[0] {
	case 't', 'T', 'f', 'F':
		if yamlres.Bool().MatchString(s) {
			return false
		}
	case '<':
		if s == "<<" {
			return false
		}
	case '=':
		if s == "=" {
			return false
		}
	case '!', '&', '*':
		if len(s) == 1 {
			return false
		}
	case '~', 'n', 'N':
		if yamlres.Null().MatchString(s) {
			return false
		}
	}
	if strings.ContainsRune("-+0123456789.", rune(s[0])) {
		if yamlres.Float().MatchString(s) {
			return false
		}
		if s[0] != '.' && yamlres.Int().MatchString(s) {
			return false
		}
		if s[0] >= '0' && s[0] <= '9' && yamlres.Timestamp().MatchString(s) {
			return false
		}
	}
	return true
}
