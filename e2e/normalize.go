package e2e

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The same normalisation as conform's normalize(): results differ from run
// to run only in the temporary directory, the port, timestamps and JWTs.
var (
	jwtRE   = regexp.MustCompile(`eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+`)
	isoRE   = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?`)
	digitRE = regexp.MustCompile(`\d`)
	// Go's regexp has no look-around; epochRE captures the neighbours and
	// epochOK checks them as conform's (?<![\w.-]) … (?![\w-]) would.
	epochRE = regexp.MustCompile(`1[6-9]\d{8}(?:\.\d+)?`)
)

// Normalizer rewrites one case's outputs into their comparable form.
type Normalizer struct {
	Paths []string // temporary directories, replaced by TMP (longest first)
	Ports []int    // loopback ports, replaced by PORT
}

// Apply normalises text.
func (n Normalizer) Apply(text string) string {
	paths := append([]string(nil), n.Paths...)
	sort.Slice(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) })
	for _, p := range paths {
		if p != "" {
			text = strings.ReplaceAll(text, p, "TMP")
		}
	}
	for _, port := range n.Ports {
		for _, host := range []string{"127.0.0.1", "localhost"} {
			text = strings.ReplaceAll(text, host+":"+strconv.Itoa(port), host+":PORT")
		}
	}
	text = jwtRE.ReplaceAllStringFunc(text, func(m string) string { return "JWT" + strings.Repeat("x", len(m)-3) })
	text = isoRE.ReplaceAllStringFunc(text, zeroDigits)
	return replaceEpochs(text)
}

func zeroDigits(s string) string { return digitRE.ReplaceAllString(s, "0") }

func isWord(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// replaceEpochs zeroes epoch timestamps not glued to a word, '.' or '-'
// before, or to a word or '-' after. The regexp is greedy like Python's, and
// a rejected match is retried one byte later, as Python's scanner would.
func replaceEpochs(text string) string {
	var b strings.Builder
	pos := 0
	for pos < len(text) {
		loc := epochRE.FindStringIndex(text[pos:])
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		// Python backtracks the optional fraction and the fixed digits when
		// the following character is a word character; with \d{8} fixed the
		// only backtrack is dropping fraction digits, which leaves a digit or
		// '.' behind, still failing (?![\w-]) unless it is the '.' itself.
		ok := start == 0 || !(isWord(text[start-1]) || text[start-1] == '.' || text[start-1] == '-')
		if ok {
			for e := end; e >= start+10; e-- {
				if e < end && text[e-1] == '.' {
					continue
				}
				if e == len(text) || !(isWord(text[e]) || text[e] == '-') {
					b.WriteString(text[pos:start])
					b.WriteString(zeroDigits(text[start:e]))
					pos = e
					goto next
				}
				if e == start+10 {
					break
				}
			}
		}
		b.WriteString(text[pos : start+1])
		pos = start + 1
	next:
	}
	b.WriteString(text[pos:])
	return b.String()
}
