package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/cognito-cli/aws/internal/motoserver"
)

// CommandTimeout bounds one CLI invocation, as conform's COMMAND_TIMEOUT.
const CommandTimeout = 60 * time.Second

// Step is the normalised result of one command of a case.
type Step struct {
	Argv     []string
	RC       int
	Stdout   string
	Stderr   string
	Requests []Request
	// RawStderr is stderr before Runner.Translate (equal to Stderr when
	// nothing was translated).
	RawStderr string
}

// Runner runs cases with one binary against one moto server behind a
// recording proxy.
type Runner struct {
	Binary   string
	DataPath string // AWS_DATA_PATH given to the binary
	Moto     *motoserver.Server
	Proxy    *Proxy
	Scratch  string // parent of the per-case temporary directories
	// Translate rewrites stderr after a command (record mode: 2.9.19's
	// error text into 2.36.7's); nil leaves it alone.
	Translate func(argv []string, rc int, stderr string) string
}

// BaseEnv is the environment every command starts from (conform's base_env).
func BaseEnv(home, dataPath string) map[string]string {
	return map[string]string{
		"PATH":                        "/usr/local/bin:/usr/bin:/bin",
		"HOME":                        home,
		"LANG":                        "C.UTF-8",
		"LC_ALL":                      "C.UTF-8",
		"TZ":                          "UTC",
		"AWS_ACCESS_KEY_ID":           "test",
		"AWS_SECRET_ACCESS_KEY":       "test",
		"AWS_DEFAULT_REGION":          motoserver.Region,
		"AWS_PAGER":                   "",
		"AWS_CONFIG_FILE":             filepath.Join(home, ".aws", "config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(home, ".aws", "credentials"),
		"AWS_EC2_METADATA_DISABLED":   "true",
		"AWS_DATA_PATH":               dataPath,
	}
}

func envList(env map[string]string) []string {
	out := make([]string, 0, len(env))
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	return out
}

// Run runs a command with a bounded time; stdin is a regular file (or none).
func Run(argv []string, env map[string]string, dir, stdinPath string) (stdout, stderr string, rc int) {
	ctx, cancel := context.WithTimeout(context.Background(), CommandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = envList(env)
	cmd.Dir = dir
	if stdinPath != "" {
		f, err := os.Open(stdinPath)
		if err != nil {
			return "", fmt.Sprintf("[e2e: cannot open stdin: %v]\n", err), -1
		}
		defer f.Close()
		cmd.Stdin = f
	}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	rc = 0
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		e.WriteString(fmt.Sprintf("\n[e2e: killed after %s]\n", CommandTimeout))
		rc = -9
	case errors.As(err, &ee):
		rc = ee.ExitCode()
	case err != nil:
		return "", fmt.Sprintf("[e2e: cannot execute: %v]\n", err), -1
	}
	return strings.ToValidUTF8(o.String(), "\uFFFD"), strings.ToValidUTF8(e.String(), "\uFFFD"), rc
}

// RunCase resets moto, creates the case's fixture and files, and runs its
// commands in order; outputs and request bodies come back normalised.
func (r *Runner) RunCase(c *Case) ([]Step, error) {
	root, err := os.MkdirTemp(r.Scratch, "case-")
	if err != nil {
		return nil, fmt.Errorf("case %s: %w", c.ID, err)
	}
	defer os.RemoveAll(root)
	tmp := filepath.Join(root, "t")
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		return nil, fmt.Errorf("case %s: %w", c.ID, err)
	}
	paths := []string{tmp}
	if real, err := filepath.EvalSymlinks(tmp); err == nil && real != tmp {
		paths = append(paths, real)
	}
	norm := Normalizer{Paths: paths, Ports: []int{r.Proxy.Port(), r.Moto.Port()}}

	if err := r.Moto.Reset(); err != nil {
		return nil, fmt.Errorf("case %s: %w", c.ID, err)
	}
	vars, err := r.Moto.ApplyFixture(c.Fixture)
	if err != nil {
		return nil, fmt.Errorf("case %s: %w", c.ID, err)
	}
	vars["ENDPOINT"] = r.Proxy.Endpoint()
	vars["TMP"] = tmp
	vars["PASSWORD"] = motoserver.Password
	for _, f := range c.Files {
		p := filepath.Join(tmp, f[0])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
		if err := os.WriteFile(p, []byte(Subst(f[1], vars)), 0o644); err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
	}
	env := BaseEnv(home, r.DataPath)
	for _, kv := range c.Env {
		env[kv[0]] = Subst(kv[1], vars)
	}
	for _, n := range c.Unset {
		delete(env, n)
	}
	stdinPath := filepath.Join(root, "stdin")
	if err := os.WriteFile(stdinPath, []byte(Subst(c.Stdin, vars)), 0o644); err != nil {
		return nil, fmt.Errorf("case %s: %w", c.ID, err)
	}
	var steps []Step
	for _, line := range c.Runs {
		words, err := Split(line)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
		argv := make([]string, len(words))
		for i, w := range words {
			argv[i] = Subst(w, vars)
		}
		shown := append([]string{"aws"}, argv[1:]...)
		cmd := append([]string{r.Binary}, argv[1:]...)
		if c.Endpoint {
			cmd = append([]string{r.Binary, "--endpoint-url", r.Proxy.Endpoint()}, argv[1:]...)
		}
		r.Proxy.Take()
		out, errText, rc := Run(cmd, env, tmp, stdinPath)
		reqs := r.Proxy.Take()
		raw := errText
		if r.Translate != nil {
			errText = r.Translate(shown[1:], rc, errText)
		}
		vars["LAST_STDOUT"] = strings.TrimSpace(out)
		vars["LAST_NEXT_TOKEN"] = nextToken(out)
		st := Step{RC: rc, Stdout: norm.Apply(out), Stderr: norm.Apply(errText), RawStderr: norm.Apply(raw)}
		for _, a := range shown {
			st.Argv = append(st.Argv, norm.Apply(a))
		}
		for _, q := range reqs {
			st.Requests = append(st.Requests, Request{Target: q.Target, Body: norm.Apply(q.Body)})
		}
		steps = append(steps, st)
	}
	return steps, nil
}

func nextToken(stdout string) string {
	var obj map[string]any
	if json.Unmarshal([]byte(stdout), &obj) != nil {
		return ""
	}
	if s, ok := obj["NextToken"].(string); ok {
		return s
	}
	return ""
}

// BuildDataPath lays out an AWS_DATA_PATH directory as conform does: the
// vendored service and paginator models, plus the endpoint rules from the
// installed botocore (the reference CLI needs them; say required=true then).
func BuildDataPath(repoRoot, dest string, required bool) error {
	out := filepath.Join(dest, "cognito-idp", "2016-04-18")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, n := range []string{"service-2.json", "paginators-1.json"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, "model", "botocore", n))
		if err != nil {
			return fmt.Errorf("vendored model: %w", err)
		}
		if err := os.WriteFile(filepath.Join(out, n), data, 0o644); err != nil {
			return err
		}
	}
	rules, err := endpointRules()
	if err != nil {
		if required {
			return err
		}
		return nil
	}
	return os.WriteFile(filepath.Join(out, "endpoint-rule-set-1.json"), rules, 0o644)
}

// endpointRules reads endpoint-rule-set-1.json(.gz) from the botocore that
// moto's Python has installed.
func endpointRules() ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	dir, err := exec.CommandContext(ctx, motoserver.Python(), "-c",
		"import botocore, os; print(os.path.dirname(botocore.__file__))").Output()
	if err != nil {
		return nil, fmt.Errorf("locating botocore with %s: %w", motoserver.Python(), err)
	}
	p := filepath.Join(strings.TrimSpace(string(dir)), "data", "cognito-idp", "2016-04-18", "endpoint-rule-set-1.json")
	if data, err := os.ReadFile(p); err == nil {
		return data, nil
	}
	f, err := os.Open(p + ".gz")
	if err != nil {
		return nil, fmt.Errorf("botocore endpoint rules: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("botocore endpoint rules: %w", err)
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("botocore endpoint rules: %w", err)
	}
	return b.Bytes(), nil
}
