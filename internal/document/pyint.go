package document

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// ParsePythonInt parses s as Python's int(s) does for base 10: surrounding
// whitespace is ignored, a sign is allowed, and single underscores may
// separate digits ("1_000"). It returns int64 or, beyond that range, *big.Int.
func ParsePythonInt(s string) (any, bool) {
	t := strings.TrimFunc(s, unicode.IsSpace)
	body := strings.TrimLeft(t, "+-")
	if len(t)-len(body) > 1 || body == "" || body[0] == '_' || body[len(body)-1] == '_' || strings.Contains(body, "__") {
		return nil, false
	}
	digits := strings.ReplaceAll(t, "_", "")
	for _, r := range strings.TrimLeft(digits, "+-") {
		if r < '0' || r > '9' {
			return nil, false
		}
	}
	if n, err := strconv.ParseInt(digits, 10, 64); err == nil {
		return n, true
	}
	b, ok := new(big.Int).SetString(strings.TrimPrefix(digits, "+"), 10)
	if !ok {
		return nil, false
	}
	return b, true
}
