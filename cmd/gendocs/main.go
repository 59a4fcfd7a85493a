// Command gendocs writes the manual pages (one for aws, one for the
// service, one per operation) and the shell completion scripts, for
// `make man` and `make release`.
//
//	go run ./cmd/gendocs -man DIR -completions DIR -version V
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cognito-cli/aws/internal/completion"
	"github.com/cognito-cli/aws/internal/help"
	"github.com/cognito-cli/aws/model"
)

func main() {
	manDir := flag.String("man", "", "write man(1) pages into this directory")
	compDir := flag.String("completions", "", "write shell completion scripts into this directory")
	version := flag.String("version", "dev", "version shown in the pages' footer")
	flag.Parse()
	if *manDir == "" && *compDir == "" {
		fmt.Fprintln(os.Stderr, "gendocs: give -man DIR and/or -completions DIR")
		os.Exit(2)
	}
	if *manDir != "" {
		if err := writeMan(*manDir, *version); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
	if *compDir != "" {
		if err := writeCompletions(*compDir); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
}

func writeMan(dir, version string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	m := model.New()
	pages := []*help.Page{help.Top(), help.Service()}
	for _, name := range model.OperationNames() {
		p, err := help.Operation(m, name)
		if err != nil {
			return err
		}
		pages = append(pages, p)
	}
	for _, p := range pages {
		var buf bytes.Buffer
		if err := p.WriteRoff(&buf, version); err != nil {
			return err
		}
		file := filepath.Join(dir, strings.ReplaceAll(p.Name, " ", "-")+".1")
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("gendocs: %d man pages in %s\n", len(pages), dir)
	return nil
}

// completionFiles are the conventional file names of each shell's script.
var completionFiles = map[string]string{
	"bash":       "aws.bash",
	"zsh":        "_aws",
	"fish":       "aws.fish",
	"powershell": "aws.ps1",
}

func writeCompletions(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, sh := range completion.Shells() {
		var buf bytes.Buffer
		if err := completion.Script(sh, &buf); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, completionFiles[sh]), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("gendocs: completion scripts in %s\n", dir)
	return nil
}
