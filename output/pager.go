package output

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
)

// PagerSettings are what the pager choice depends on.
type PagerSettings struct {
	// LookupEnv reads the environment (AWS_PAGER, PAGER) telling a variable
	// set to "" (no pager) from an unset one.
	LookupEnv func(string) (string, bool)
	// ConfigPager is the profile's cli_pager; ConfigSet reports whether
	// the key is present at all (an empty value turns the pager off).
	ConfigPager string
	ConfigSet   bool
	// NoPager is --no-cli-pager.
	NoPager bool
	// StdoutTTY reports whether standard output is a terminal.
	StdoutTTY bool
}

// DefaultPager is the AWS CLI's pager when nothing is configured.
const DefaultPager = "less"

// PagerCommand returns the shell command of the pager to use, or "" for
// none: never off a terminal or with --no-cli-pager; else AWS_PAGER, then
// cli_pager, then PAGER, then less. A set but empty value means no pager.
func PagerCommand(s PagerSettings) string {
	if s.NoPager || !s.StdoutTTY {
		return ""
	}
	if v, ok := lookup(s.LookupEnv, "AWS_PAGER"); ok {
		return v
	}
	if s.ConfigSet {
		return s.ConfigPager
	}
	if v, ok := lookup(s.LookupEnv, "PAGER"); ok {
		return v
	}
	return DefaultPager
}

func lookup(env func(string) (string, bool), key string) (string, bool) {
	if env == nil {
		return "", false
	}
	return env(key)
}

// PagerEnv is the environment of the pager process: the CLI sets LESS=FRX
// when LESS is not set, so short output does not wait for a key press.
func PagerEnv(environ []string, getenv func(string) string) []string {
	env := append([]string(nil), environ...)
	if getenv == nil || getenv("LESS") == "" {
		env = append(env, "LESS=FRX")
	}
	return env
}

// Pager returns a writer that starts the pager command on first write and
// sends it everything written, and a wait function that closes the pager's
// input and waits for it. With an empty command, or when the pager cannot
// be started, output goes straight to out. Once the user quits the pager,
// further writes are dropped instead of failing.
func Pager(command string, out, errOut io.Writer, getenv func(string) string) (io.Writer, func() error) {
	if command == "" {
		return out, func() error { return nil }
	}
	p := &pagerWriter{command: command, out: out, errOut: errOut, getenv: getenv}
	return p, p.wait
}

type pagerWriter struct {
	command string
	out     io.Writer
	errOut  io.Writer
	getenv  func(string) string

	once   sync.Once
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	direct bool // the pager could not start
	broken bool // the pager has gone away
}

func (p *pagerWriter) start() {
	// A missing pager program would swallow the output inside the shell.
	if f := strings.Fields(p.command); len(f) == 0 {
		p.direct = true
		return
	} else if _, err := exec.LookPath(f[0]); err != nil {
		p.direct = true
		return
	}
	var c *exec.Cmd
	if runtime.GOOS == "windows" {
		c = exec.Command("cmd", "/C", p.command)
	} else {
		c = exec.Command("/bin/sh", "-c", p.command)
	}
	// The pager must write to the terminal itself, not through a pipe of
	// ours, or it cannot tell it is on one (less would act like cat).
	c.Stdout, c.Stderr = underlyingFile(p.out), underlyingFile(p.errOut)
	c.Env = PagerEnv(os.Environ(), p.getenv)
	in, err := c.StdinPipe()
	if err == nil {
		err = c.Start()
	}
	if err != nil {
		p.direct = true
		return
	}
	p.cmd, p.stdin = c, in
}

func (p *pagerWriter) Write(b []byte) (int, error) {
	p.once.Do(p.start)
	if p.direct {
		return p.out.Write(b)
	}
	if p.broken {
		return len(b), nil
	}
	if _, err := p.stdin.Write(b); err != nil {
		// The user quit the pager before reading everything.
		p.broken = true
	}
	return len(b), nil
}

func (p *pagerWriter) wait() error {
	if p.cmd == nil {
		return nil
	}
	p.stdin.Close()
	err := p.cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		// The pager's own exit status is not the command's.
		return nil
	}
	return err
}

// underlyingFile unwraps writers that wrap another (an Unwrap method) down
// to the *os.File, if there is one.
func underlyingFile(w io.Writer) io.Writer {
	for {
		if _, ok := w.(*os.File); ok {
			return w
		}
		u, ok := w.(interface{ Unwrap() io.Writer })
		if !ok {
			return w
		}
		w = u.Unwrap()
	}
}
