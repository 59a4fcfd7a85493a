package completion

import (
	"io"
	"strconv"
	"strings"

	"github.com/cognito-cli/aws/model"
)

// Main is the aws_completer protocol: bash runs the completer with the
// command line in COMP_LINE and the cursor's byte offset in COMP_POINT, and
// reads one candidate per line. Like the AWS CLI's completer it prints the
// names joined by newlines plus a final newline (an empty line when there
// is nothing to offer) and exits 0.
func Main(getenv func(string) string, out io.Writer) int {
	line := getenv("COMP_LINE")
	point, err := strconv.Atoi(getenv("COMP_POINT"))
	if err != nil {
		point = len(line)
	}
	words, current := Split(line, point)
	cands := Complete(model.New(), words, current, getenv)
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = c.Value
	}
	io.WriteString(out, strings.Join(names, "\n")+"\n")
	return 0
}
