//go:build !unix

package fallback

import (
	"context"
	"os"
)

// Exec runs the real CLI as a child (this system cannot replace a process)
// and exits with its exit code. It returns only on failure.
func Exec(path string, args, env []string) error {
	code, err := Run(context.Background(), path, args, env, os.Stdin, os.Stdout, os.Stderr)
	if err != nil {
		return err
	}
	os.Exit(code)
	return nil
}
