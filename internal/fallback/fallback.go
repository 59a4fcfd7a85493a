// Package fallback hands a command this binary does not implement (another
// service, configure, sso, ...) to the real AWS CLI, so that this binary can
// come first on PATH. It is opt-in through AWS_CLI_FALLBACK: a path (or a
// name looked up on PATH) of the real CLI, or "auto" for the first aws on
// PATH that is not this binary. The real CLI gets the same arguments,
// environment, standard streams, and its exit code becomes ours.
package fallback

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// EnvVar names the real CLI to fall back to.
const EnvVar = "AWS_CLI_FALLBACK"

// DepthVar counts nested fallbacks, so that a fallback that leads back to
// this binary (a wrapper script that calls aws from PATH) stops instead of
// replacing itself forever.
const DepthVar = "AWS_CLI_FALLBACK_DEPTH"

// MaxDepth is the deepest nesting allowed.
const MaxDepth = 3

// Auto is the AWS_CLI_FALLBACK value that searches PATH.
const Auto = "auto"

// ErrSelf means the fallback would run this binary again.
var ErrSelf = errors.New("the fallback is this binary itself")

// Resolve returns the real CLI named by value (AWS_CLI_FALLBACK). pathList
// is $PATH and self this binary's path (os.Executable); candidates that are
// the same file as self are refused (explicit value) or skipped (auto).
func Resolve(value, pathList, self string) (string, error) {
	value = strings.TrimSpace(value)
	switch {
	case value == "":
		return "", fmt.Errorf("%s is not set", EnvVar)
	case value == Auto:
		for _, dir := range filepath.SplitList(pathList) {
			if dir == "" {
				dir = "."
			}
			cand := filepath.Join(dir, "aws")
			if !executable(cand) || sameFile(cand, self) {
				continue
			}
			return cand, nil
		}
		return "", fmt.Errorf("%s=auto: no aws on PATH other than this binary", EnvVar)
	}
	path := value
	if !strings.ContainsRune(value, os.PathSeparator) && !strings.ContainsRune(value, '/') {
		found := ""
		for _, dir := range filepath.SplitList(pathList) {
			if dir == "" {
				dir = "."
			}
			if cand := filepath.Join(dir, value); executable(cand) {
				found = cand
				break
			}
		}
		if found == "" {
			return "", fmt.Errorf("%s=%s: not found on PATH", EnvVar, value)
		}
		path = found
	}
	if !executable(path) {
		return "", fmt.Errorf("%s=%s: not an executable file", EnvVar, value)
	}
	if sameFile(path, self) {
		return "", fmt.Errorf("%s=%s: %w", EnvVar, value, ErrSelf)
	}
	return path, nil
}

// executable reports a regular file with an execute bit.
func executable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// sameFile compares by file identity, so symlinks and hard links to this
// binary are recognised.
func sameFile(a, b string) bool {
	if b == "" {
		return false
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(fa, fb)
}

// Env returns environ with the nesting counter raised, or an error when the
// fallback has already nested MaxDepth times.
func Env(environ []string) ([]string, error) {
	depth := 0
	out := make([]string, 0, len(environ)+1)
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, DepthVar+"="); ok {
			depth, _ = strconv.Atoi(v)
			continue
		}
		out = append(out, kv)
	}
	if depth >= MaxDepth {
		return nil, fmt.Errorf("%s: the fallback CLI led back here %d times; is %s pointing at a wrapper of this binary?", EnvVar, depth, EnvVar)
	}
	return append(out, DepthVar+"="+strconv.Itoa(depth+1)), nil
}
