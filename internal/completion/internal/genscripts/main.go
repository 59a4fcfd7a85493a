// Command genscripts writes cobra's completion scripts into scripts/ for
// embedding (go generate in internal/completion).
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cognito-cli/aws/internal/completion/internal/cobrascripts"
)

func main() {
	for _, sh := range cobrascripts.Shells() {
		var buf bytes.Buffer
		if err := cobrascripts.Generate(sh, &buf); err != nil {
			fmt.Fprintln(os.Stderr, "genscripts:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(filepath.Join("scripts", sh), buf.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genscripts:", err)
			os.Exit(1)
		}
	}
}
