package output

import (
	"bytes"
	"io"
	"os"
	"testing"
)

type wrapper struct{ w io.Writer }

func (w wrapper) Write(p []byte) (int, error) { return w.w.Write(p) }
func (w wrapper) Unwrap() io.Writer           { return w.w }

// The pager must get the terminal's file, not a writer of ours, or it runs
// on a pipe and cannot page.
func TestPagerGetsTheUnderlyingFile(t *testing.T) {
	if got := underlyingFile(wrapper{wrapper{os.Stdout}}); got != io.Writer(os.Stdout) {
		t.Errorf("underlyingFile = %T, want os.Stdout", got)
	}
	var buf bytes.Buffer
	if got := underlyingFile(wrapper{&buf}); got != io.Writer(&buf) {
		t.Errorf("a writer without a file must be kept as it is, got %T", got)
	}
}
