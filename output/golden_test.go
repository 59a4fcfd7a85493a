package output

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
)

// The golden files under testdata/golden were recorded from the reference
// CLI by testdata/record.py: NAME.json is its --output json result for a
// command (the input of every formatter here), NAME.FORMAT its stdout in
// that format, NAME.FORMAT.err its exit code and stderr when it failed.

type goldenCase struct {
	name, title string
	input       any
}

func loadGolden(t *testing.T) []goldenCase {
	t.Helper()
	dir := filepath.Join("testdata", "golden")
	manifest, err := os.ReadFile(filepath.Join(dir, "cases.txt"))
	if err != nil {
		t.Fatalf("reading manifest: %v", err)
	}
	var cases []goldenCase
	sc := bufio.NewScanner(bytes.NewReader(manifest))
	for sc.Scan() {
		name, title, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad manifest line %q", sc.Text())
		}
		raw, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var input any = document.NewMap(0) // the reference prints nothing for {}
		if len(bytes.TrimSpace(raw)) > 0 {
			input, err = document.ParseJSON(raw)
			if err != nil {
				t.Fatalf("%s: parsing input: %v", name, err)
			}
		}
		cases = append(cases, goldenCase{name, title, input})
	}
	return cases
}

// expected returns the recorded stdout, and the Python message when the
// reference failed (exit 255).
func expected(t *testing.T, name, format string) (stdout string, errMsg string, failed bool) {
	t.Helper()
	base := filepath.Join("testdata", "golden", name+"."+format)
	out, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	e, err := os.ReadFile(base + ".err")
	if err != nil {
		return string(out), "", false
	}
	code, rest, _ := strings.Cut(string(e), "\n")
	if n, _ := strconv.Atoi(code); n != 255 {
		t.Fatalf("%s: unexpected exit code %s", base, code)
	}
	// stderr is "\n<message>\n", in colour wrapped in resets.
	msg := strings.ReplaceAll(rest, ansiReset, "")
	return string(out), strings.TrimSpace(msg), true
}

func checkFormat(t *testing.T, c goldenCase, format string, run func(*bytes.Buffer) error) {
	t.Helper()
	want, wantErr, failed := expected(t, c.name, format)
	var buf bytes.Buffer
	err := run(&buf)
	if failed {
		if err == nil {
			t.Errorf("%s %s: no error, want %q", c.name, format, wantErr)
		} else if err.Error() != wantErr {
			t.Errorf("%s %s: error %q, want %q", c.name, format, err.Error(), wantErr)
		}
		// The text formatter streams: what came before the failure stays.
		if format == "text" && buf.String() != want {
			t.Errorf("%s %s: output before the error\n got: %q\nwant: %q", c.name, format, buf.String(), want)
		}
		return
	}
	if err != nil {
		t.Errorf("%s %s: unexpected error %v", c.name, format, err)
		return
	}
	if got := buf.String(); got != want {
		t.Errorf("%s %s mismatch\n--- got\n%s\n--- want\n%s\n got: %q\nwant: %q", c.name, format, got, want, got, want)
	}
}

func TestGoldenText(t *testing.T) {
	for _, c := range loadGolden(t) {
		checkFormat(t, c, "text", func(b *bytes.Buffer) error { return WriteText(b, c.input) })
	}
}

func TestGoldenTable(t *testing.T) {
	for _, c := range loadGolden(t) {
		checkFormat(t, c, "table", func(b *bytes.Buffer) error { return WriteTable(b, c.title, c.input, false) })
		checkFormat(t, c, "table-color", func(b *bytes.Buffer) error { return WriteTable(b, c.title, c.input, true) })
	}
}

func TestGoldenYAML(t *testing.T) {
	for _, c := range loadGolden(t) {
		checkFormat(t, c, "yaml", func(b *bytes.Buffer) error { return WriteYAML(b, c.input) })
		checkFormat(t, c, "yaml-stream", func(b *bytes.Buffer) error { return WriteYAMLStream(b, c.input) })
	}
}
