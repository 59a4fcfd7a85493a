package output

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/document"
)

// FuzzFormatters sends random JSON documents through every formatter: none
// may panic, and what they print must stay valid UTF-8.
func FuzzFormatters(f *testing.F) {
	for _, seed := range []string{
		`{"a": [1, 2.5, true, null]}`,
		`[{"a": 1}, {"a": {"b": [1, "x"]}}, {"c": []}]`,
		`[[1, 2], [3], "s", [[{"k": "v"}]]]`,
		`{"": "", "k\nk": "v\u2028w", "é": "日本 \t x", "n": 1e300}`,
		`"Café"`, `null`, `0`, `{}`, `[]`, `[{}]`, `[[]]`, `[""]`,
		`{"x": [{"a": "` + strings.Repeat("w ", 80) + `"}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := document.ParseJSON(data)
		if err != nil {
			return
		}
		check := func(name string, fn func(*bytes.Buffer) error) {
			var b bytes.Buffer
			_ = fn(&b)
			if utf8.Valid(data) && !utf8.Valid(b.Bytes()) {
				t.Errorf("%s printed invalid UTF-8 for %q: %q", name, data, b.Bytes())
			}
		}
		check("text", func(b *bytes.Buffer) error { return WriteText(b, v) })
		check("table", func(b *bytes.Buffer) error { return WriteTable(b, "Op", v, false) })
		check("table colour", func(b *bytes.Buffer) error { return WriteTable(b, "Op", v, true) })
		check("narrow table", func(b *bytes.Buffer) error { return WriteTableWidth(b, "Op", v, false, 1) })
		check("yaml", func(b *bytes.Buffer) error { return WriteYAML(b, v) })
		check("yaml-stream", func(b *bytes.Buffer) error { return WriteYAMLStream(b, v) })
	})
}
