package output

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
)

// DefaultTableWidth is the terminal width the reference assumes when stdout
// is not a terminal: a table wider than this is redrawn with every
// single-row section turned vertical (key | value lines).
const DefaultTableWidth = 80

// ANSI sequences of colorama's Style/Fore, which the reference's
// ColorizedStyler uses.
const (
	ansiReset  = "\x1b[0m"
	ansiIndent = "\x1b[2m\x1b[33m" // DIM + YELLOW: the nesting bars
	ansiValue  = "\x1b[1m\x1b[34m" // BRIGHT + BLUE: the cell values
)

// WriteTable prints v as the AWS CLI's `--output table` does for stdout that
// is not a terminal (width DefaultTableWidth). See WriteTableWidth.
func WriteTable(w io.Writer, title string, v any, color bool) error {
	return WriteTableWidth(w, title, v, color, DefaultTableWidth)
}

// WriteTableWidth prints v as `--output table` (awscli/formatter.py
// TableFormatter and awscli/table.py): title is the operation name
// (DescribeUserPoolClient); termWidth is the terminal's width when stdout
// is a terminal, else DefaultTableWidth. color is true for `--color on`, and
// for `--color auto` when stdout is a terminal: cell values and nesting bars
// get ANSI codes, and, as colorama's autoreset does, every write the
// reference makes is followed by a reset, so the output ends with "\x1b[0m"
// and no newline.
//
// Falsy values print nothing (null, false, 0, "", [], {}); a scalar prints
// only the title box. The whole table is built before anything is written,
// so an input the reference cannot lay out (rows of different lengths, a
// list mixing dicts with other values) writes nothing and returns an error
// carrying the reference's Python message.
func WriteTableWidth(w io.Writer, title string, v any, color bool, termWidth int) error {
	b := &tableBuilder{}
	built, err := b.build(&title, v, 0)
	if err != nil {
		return err
	}
	if !built {
		return nil
	}
	bw := bufio.NewWriterSize(w, 32*1024)
	out := &tableOut{w: bw, color: color}
	renderTable(out, b.sections, termWidth)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing table output: %w", err)
	}
	return nil
}

// section is table.py's Section.
type section struct {
	title     string
	hasTitle  bool // false for Python's None or ""
	titleNone bool // Python's None, which str() makes "None" when measured
	headers   []string
	rows      [][]string
	indent    int
	numCols   int
	hasCols   bool
	maxWidths []int
}

func (s *section) addHeader(headers []string) error {
	if err := s.updateMaxWidths(headers); err != nil {
		return err
	}
	if !s.hasCols {
		s.numCols, s.hasCols = len(headers), true
	}
	s.headers = headers
	return nil
}

func (s *section) addRow(row []string) error {
	if !s.hasCols {
		s.numCols, s.hasCols = len(row), true
	}
	if len(row) != s.numCols {
		return fmt.Errorf("Row should have %d elements, instead it has %d", s.numCols, len(row))
	}
	s.rows = append(s.rows, row)
	return s.updateMaxWidths(row)
}

func (s *section) updateMaxWidths(row []string) error {
	if len(s.maxWidths) == 0 {
		s.maxWidths = make([]int, len(row))
		for i, el := range row {
			s.maxWidths[i] = textWidth(el)
		}
		return nil
	}
	for i, el := range row {
		if i >= len(s.maxWidths) {
			return fmt.Errorf("list index out of range")
		}
		s.maxWidths[i] = max(s.maxWidths[i], textWidth(el))
	}
	return nil
}

// columnWidths is Section.calculate_column_widths: each column's widest
// cell plus padding, scaled to fill maxWidth (maxWidth < 0: unscaled).
func (s *section) columnWidths(padding, maxWidth int) []int {
	unscaled := make([]int, len(s.maxWidths))
	sum := 0
	for i, w := range s.maxWidths {
		unscaled[i] = w + padding
		sum += unscaled[i]
	}
	if maxWidth < 0 || len(unscaled) == 0 {
		return unscaled
	}
	scale := float64(maxWidth) / float64(sum)
	scaled := make([]int, len(unscaled))
	total := 0
	for i, w := range unscaled {
		// Python's round() rounds halves to even.
		scaled[i] = int(math.RoundToEven(scale * float64(w)))
		total += scaled[i]
	}
	offBy := total - maxWidth
	for offBy != 0 {
		n := len(scaled)
		for j := 0; j < n; j++ {
			i := j
			if offBy < 0 {
				i = n - 1 - j
			}
			if offBy > 0 {
				scaled[i]--
				offBy--
			} else {
				scaled[i]++
				offBy++
			}
			if offBy == 0 {
				break
			}
		}
	}
	return scaled
}

func (s *section) totalWidth(padding int, withBorder bool, outerPadding int) int {
	total := 0
	for _, w := range s.columnWidths(0, -1) {
		total += w + padding
	}
	if withBorder {
		total += 2
	}
	total += 2 * outerPadding
	titleWidth := textWidth(s.title)
	if s.titleNone {
		titleWidth = len("None")
	}
	return max(titleWidth+2+2*outerPadding, total)
}

// tableBuilder is TableFormatter._build_table and MultiTable's section
// list.
type tableBuilder struct {
	sections []*section
	current  *section
}

func (b *tableBuilder) newSection(title *string, indent int) {
	s := &section{indent: indent, titleNone: title == nil}
	if title != nil {
		s.title = *title
		s.hasTitle = *title != ""
	}
	b.sections = append(b.sections, s)
	b.current = s
}

func (b *tableBuilder) addRow(row []any) error {
	if b.current == nil {
		return fmt.Errorf("'NoneType' object has no attribute 'add_row'")
	}
	cells := make([]string, len(row))
	for i, e := range row {
		cells[i] = pyfmt.Str(e)
	}
	return b.current.addRow(cells)
}

func (b *tableBuilder) addHeader(headers []string) error {
	if b.current == nil {
		return fmt.Errorf("'NoneType' object has no attribute 'add_header'")
	}
	return b.current.addHeader(headers)
}

func (b *tableBuilder) build(title *string, v any, indent int) (bool, error) {
	if !pyfmt.Truthy(v) {
		return false, nil
	}
	if title != nil {
		b.newSection(title, indent)
	}
	switch t := v.(type) {
	case []any:
		if _, ok := t[0].(*document.Map); ok {
			if err := b.subTableFromList(t, indent, title); err != nil {
				return false, err
			}
			break
		}
		for _, item := range t {
			switch it := item.(type) {
			case []any:
				allScalar := true
				for _, el := range it {
					if isContainer(el) {
						allScalar = false
						break
					}
				}
				if allScalar {
					if err := b.addRow(it); err != nil {
						return false, err
					}
				} else if _, err := b.build(nil, it, 0); err != nil {
					return false, err
				}
			case *document.Map:
				// Iterating a dict yields its keys: a row of key names.
				keys := make([]any, 0, it.Len())
				for _, k := range it.Keys() {
					keys = append(keys, k)
				}
				if err := b.addRow(keys); err != nil {
					return false, err
				}
			default:
				if err := b.addRow([]any{item}); err != nil {
					return false, err
				}
			}
		}
	case *document.Map:
		if err := b.subTableFromDict(t, indent); err != nil {
			return false, err
		}
	}
	return true, nil
}

func (b *tableBuilder) subTableFromDict(m *document.Map, indent int) error {
	headers, more := groupScalarKeys(m)
	if len(headers) == 1 {
		v, _ := m.Get(headers[0])
		if err := b.addRow([]any{headers[0], v}); err != nil {
			return err
		}
	} else if len(headers) > 0 {
		if err := b.addHeader(headers); err != nil {
			return err
		}
		row := make([]any, len(headers))
		for i, h := range headers {
			row[i], _ = m.Get(h)
		}
		if err := b.addRow(row); err != nil {
			return err
		}
	}
	for _, k := range more {
		v, _ := m.Get(k)
		k := k
		if _, err := b.build(&k, v, indent+1); err != nil {
			return err
		}
	}
	return nil
}

func (b *tableBuilder) subTableFromList(list []any, indent int, title *string) error {
	headers, more, err := groupScalarKeysFromList(list)
	if err != nil {
		return err
	}
	if err := b.addHeader(headers); err != nil {
		return err
	}
	for i, e := range list {
		m, ok := e.(*document.Map)
		if !ok {
			return fmt.Errorf("'%s' object has no attribute 'get'", pyfmt.TypeName(e))
		}
		if i > 0 && len(more) > 0 {
			b.newSection(title, indent)
			if err := b.addHeader(headers); err != nil {
				return err
			}
		}
		row := make([]any, len(headers))
		for j, h := range headers {
			if v, ok := m.Get(h); ok {
				row[j] = v
			} else {
				row[j] = ""
			}
		}
		if err := b.addRow(row); err != nil {
			return err
		}
		for _, k := range more {
			if v, ok := m.Get(k); ok {
				k := k
				if _, err := b.build(&k, v, indent+1); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// groupScalarKeys splits a dict's keys into those holding scalars and the
// rest, each sorted.
func groupScalarKeys(m *document.Map) (headers, more []string) {
	for _, k := range sortedKeys(m) {
		v, _ := m.Get(k)
		if isContainer(v) {
			more = append(more, k)
		} else {
			headers = append(headers, k)
		}
	}
	return headers, more
}

// groupScalarKeysFromList unions groupScalarKeys over a list whose first
// element is a dict. Other elements fail as Python's `for k in x: x[k]`
// does on them.
func groupScalarKeysFromList(list []any) (headers, more []string, err error) {
	hs, ms := map[string]bool{}, map[string]bool{}
	for _, e := range list {
		switch t := e.(type) {
		case *document.Map:
			h, m := groupScalarKeys(t)
			for _, k := range h {
				hs[k] = true
			}
			for _, k := range m {
				ms[k] = true
			}
		case string:
			if t != "" {
				return nil, nil, fmt.Errorf("string indices must be integers, not 'str'")
			}
		case []any:
			for _, el := range t {
				switch el.(type) {
				case int64, bool:
					// Python would index the list with it; the element
					// then fails on .get below.
					continue
				}
				return nil, nil, fmt.Errorf("list indices must be integers or slices, not %s", pyfmt.TypeName(el))
			}
		default:
			return nil, nil, fmt.Errorf("'%s' object is not iterable", pyfmt.TypeName(e))
		}
	}
	toSorted := func(set map[string]bool) []string {
		m := document.NewMap(len(set))
		for k := range set {
			m.Set(k, nil)
		}
		return sortedKeys(m)
	}
	return toSorted(hs), toSorted(ms), nil
}

// tableOut writes the rendered table; with colour each write is followed
// by a reset, as colorama's autoreset wrapper of stdout does.
type tableOut struct {
	w     *bufio.Writer
	color bool
}

func (o *tableOut) write(s string) {
	o.w.WriteString(s)
	if o.color {
		o.w.WriteString(ansiReset)
	}
}

func (o *tableOut) styleValue(s string) string {
	if o.color {
		return ansiValue + s + ansiReset
	}
	return s
}

func (o *tableOut) indentChar() string {
	if o.color {
		return ansiIndent + "|" + ansiReset
	}
	return "|"
}

// indentedWrite is table.py's IndentedStream.write.
func (o *tableOut) indentedWrite(level int, text string) {
	bar := strings.Repeat(o.indentChar(), level)
	o.write(bar)
	if strings.HasSuffix(text, "\n") {
		o.write(text[:len(text)-1])
		o.write(bar)
		o.write("\n")
	} else {
		o.write(text)
	}
}

func renderTable(o *tableOut, sections []*section, termWidth int) {
	maxWidth := calculateMaxWidth(sections)
	if maxWidth > termWidth {
		convertToVertical(sections)
		maxWidth = calculateMaxWidth(sections)
	}
	o.write(strings.Repeat("-", maxWidth) + "\n")
	for _, s := range sections {
		renderSection(o, s, maxWidth)
	}
}

func calculateMaxWidth(sections []*section) int {
	m := 0
	for i, s := range sections {
		w := s.totalWidth(4, true, s.indent)
		if i == 0 || w > m {
			m = w
		}
	}
	return m
}

// convertToVertical turns each section holding one row under headers into
// header | value rows.
func convertToVertical(sections []*section) {
	for i, s := range sections {
		if len(s.rows) != 1 || len(s.headers) == 0 {
			continue
		}
		n := &section{title: s.title, hasTitle: s.hasTitle, titleNone: s.titleNone, indent: s.indent}
		for j := 0; j < len(s.headers) && j < len(s.rows[0]); j++ {
			// Two cells per row always: cannot fail.
			_ = n.addRow([]string{s.headers[j], s.rows[0][j]})
		}
		sections[i] = n
	}
}

func renderSection(o *tableOut, s *section, maxWidth int) {
	maxWidth -= s.indent * 2
	if s.hasTitle {
		o.indentedWrite(s.indent, centerText(s.title, maxWidth, "|", "|", textWidth(s.title))+"\n")
		if len(s.headers) == 0 && len(s.rows) == 0 {
			o.indentedWrite(s.indent, "+"+strings.Repeat("-", maxWidth-2)+"+\n")
		}
	}
	if len(s.headers) > 0 {
		widths := s.columnWidths(4, maxWidth)
		var cur strings.Builder
		for i := 0; i < len(widths) && i < len(s.headers); i++ {
			left := ""
			if i == 0 {
				left = "|"
			}
			cur.WriteString(centerText(s.headers[i], widths[i], left, "|", textWidth(s.headers[i])))
		}
		o.indentedWrite(s.indent, lineBreak(widths))
		o.indentedWrite(s.indent, cur.String()+"\n")
	}
	if len(s.rows) > 0 {
		widths := s.columnWidths(4, maxWidth)
		if len(widths) == 0 {
			return
		}
		o.indentedWrite(s.indent, lineBreak(widths))
		for _, row := range s.rows {
			var cur strings.Builder
			for i := 0; i < len(widths) && i < len(row); i++ {
				left := ""
				if i == 0 {
					left = "|"
				}
				cur.WriteString(alignLeft(o.styleValue(row[i]), widths[i], left, "|", textWidth(row[i])))
			}
			o.indentedWrite(s.indent, cur.String()+"\n")
		}
		o.indentedWrite(s.indent, lineBreak(widths))
	}
}

func lineBreak(widths []int) string {
	var b strings.Builder
	for i, w := range widths {
		if i == 0 {
			b.WriteString("+" + dashes(w-2) + "+")
		} else {
			b.WriteString(dashes(w-1) + "+")
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// dashes and spaces repeat like Python's str * n: nothing for n <= 0.
func dashes(n int) string { return strings.Repeat("-", max(n, 0)) }
func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

// centerText is table.py's center_text; its arithmetic keeps negative
// offsets as Python does.
func centerText(text string, length int, left, right string, textLength int) string {
	charStart := length/2 - textLength/2 - 1
	soFar := textWidth(left) + charStart + textLength
	rightSpaces := length - textWidth(right) - soFar
	return left + spaces(charStart) + text + spaces(rightSpaces) + right
}

// alignLeft is table.py's align_left.
func alignLeft(text string, length int, left, right string, textLength int) string {
	padding := 2
	if length-(textLength+2+textWidth(left)+textWidth(right)) < 0 {
		padding = 0
	}
	soFar := len(left) + padding + textLength
	return left + spaces(padding) + text + spaces(length-soFar-len(right)) + right
}
