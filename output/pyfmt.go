package output

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

//go:generate sh -c "/usr/bin/python3 gen_eastasian.py > eastasian_table.go"

// Python string and layout helpers of the text and table formatters; the
// values themselves print with pyfmt.

// isContainer is true for the values the formatters treat as non-scalar
// (Python's list and dict).
func isContainer(v any) bool {
	switch v.(type) {
	case []any, *document.Map:
		return true
	}
	return false
}

// upperSpecial returns the unconditional full upper-case mappings of
// Unicode's SpecialCasing.txt that Go's per-rune mapping lacks, for the
// letters likely in a key: Python's str.upper uses them.
func upperSpecial(r rune) (string, bool) {
	switch r {
	case 'ß':
		return "SS", true
	case 'ŉ':
		return "ʼN", true
	case 'ǰ':
		return "J̌", true
	case 'ΐ':
		return "Ϊ́", true
	case 'ΰ':
		return "Ϋ́", true
	case 'և':
		return "ԵՒ", true
	case 'ẖ':
		return "H̱", true
	case 'ẗ':
		return "T̈", true
	case 'ẘ':
		return "W̊", true
	case 'ẙ':
		return "Y̊", true
	case 'ẚ':
		return "Aʾ", true
	case 'ﬀ':
		return "FF", true
	case 'ﬁ':
		return "FI", true
	case 'ﬂ':
		return "FL", true
	case 'ﬃ':
		return "FFI", true
	case 'ﬄ':
		return "FFL", true
	case 'ﬅ', 'ﬆ':
		return "ST", true
	case 'ﬓ':
		return "ՄՆ", true
	case 'ﬔ':
		return "ՄԵ", true
	case 'ﬕ':
		return "ՄԻ", true
	case 'ﬖ':
		return "ՎՆ", true
	case 'ﬗ':
		return "ՄԽ", true
	}
	return "", false
}

// pyUpper is Python's str.upper.
func pyUpper(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	for _, r := range s {
		if m, ok := upperSpecial(r); ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// textWidth is the table formatter's get_text_length: East Asian wide,
// full-width and ambiguous characters count as two cells.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0xA1 && isWide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	i := sort.Search(len(wideRanges), func(i int) bool { return wideRanges[i][1] >= r })
	return i < len(wideRanges) && wideRanges[i][0] <= r
}

// sortedKeys returns m's keys in Python's sorted() order (code points,
// which byte order of valid UTF-8 matches).
func sortedKeys(m *document.Map) []string {
	keys := append([]string(nil), m.Keys()...)
	sort.Strings(keys)
	return keys
}
