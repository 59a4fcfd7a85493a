//go:build unix

package fallback

import (
	"fmt"
	"syscall"
)

// Exec replaces this process with the real CLI: same process id, so
// signals, the terminal and the exit code pass through untouched. It
// returns only on failure.
func Exec(path string, args, env []string) error {
	argv := append([]string{"aws"}, args...)
	if err := syscall.Exec(path, argv, env); err != nil {
		return fmt.Errorf("running %s: %w", path, err)
	}
	return nil
}
