// Package e2e runs the built `aws` binary against a local moto server and
// compares its stdout, stderr and exit status with golden files recorded from
// the reference AWS CLI (see scripts/record-golden.sh).
//
// Cases are written in the format of ../shared/conformance/cases (parsed the
// same way), plus one key of our own, `ref: ID`, naming a conformance case
// whose cached 2.36.7 transcript the recorded golden file must equal: that is
// how the 2.9.19 → 2.36.7 error translation is checked.
package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Case is one end-to-end case: a fixture, files, environment and commands.
type Case struct {
	ID       string
	Source   string // file:line, for messages
	Desc     string
	Fixture  string
	Env      [][2]string
	Unset    []string
	Endpoint bool // insert --endpoint-url after the binary
	Files    [][2]string
	Stdin    string
	Runs     []string
	Ref      string // conformance case with the same commands, if any
}

// KnownFixtures are the fixture names a case may use (motoserver's).
var knownFixtures = map[string]bool{"none": true, "pool": true, "2pools": true, "pool+client": true,
	"pool+secret-client": true, "pool+3clients": true, "pool+users": true, "pool+groups": true}

var (
	idRE      = regexp.MustCompile(`^\[([A-Za-z0-9][A-Za-z0-9._-]*)\]$`)
	heredocRE = regexp.MustCompile(`^(.*?)\s*<<([A-Za-z_][A-Za-z0-9_]*)$`)
	envNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// ParseCases parses one case file. name is used in messages only.
func ParseCases(name string, data string) ([]*Case, error) {
	lines := strings.Split(data, "\n")
	var cases []*Case
	var cur *Case
	last := "" // the key a continuation line extends
	fail := func(lineno int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, lineno, fmt.Sprintf(format, args...))
	}
	for i := 0; i < len(lines); {
		line := lines[i]
		lineno := i + 1
		i++
		indented := strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
		if strings.TrimSpace(line) == "" || (!indented && strings.HasPrefix(strings.TrimLeft(line, " \t"), "#")) {
			last = ""
			continue
		}
		if indented {
			if cur == nil || last == "" {
				return nil, fail(lineno, "continuation line without a preceding 'run:' or 'desc:'")
			}
			if last == "run" {
				cur.Runs[len(cur.Runs)-1] += " " + strings.TrimSpace(line)
			} else {
				cur.Desc += " " + strings.TrimSpace(line)
			}
			continue
		}
		if m := idRE.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			cur = &Case{ID: m[1], Source: fmt.Sprintf("%s:%d", name, lineno), Fixture: "none", Endpoint: true}
			cases = append(cases, cur)
			last = ""
			continue
		}
		if cur == nil {
			return nil, fail(lineno, "expected '[case-id]' before %q", line)
		}
		key, value, ok := strings.Cut(line, ":")
		key = strings.TrimSpace(key)
		if !ok {
			return nil, fail(lineno, "unknown line %q", line)
		}
		value = strings.TrimSpace(value)
		var heredoc *string
		if key == "file" || key == "stdin" {
			if m := heredocRE.FindStringSubmatch(value); m != nil {
				value = m[1]
				var b strings.Builder
				for {
					if i >= len(lines) {
						return nil, fail(lineno, "unterminated here-document (<<%s)", m[2])
					}
					if lines[i] == m[2] {
						i++
						break
					}
					b.WriteString(lines[i] + "\n")
					i++
				}
				s := b.String()
				heredoc = &s
			}
		}
		last = ""
		switch key {
		case "desc":
			cur.Desc = value
			last = "desc"
		case "fixture":
			if !knownFixtures[value] {
				return nil, fail(lineno, "unknown fixture %q", value)
			}
			cur.Fixture = value
		case "env":
			n, v, ok := strings.Cut(value, "=")
			if !ok || !envNameRE.MatchString(n) {
				return nil, fail(lineno, "env needs NAME=VALUE")
			}
			cur.Env = append(cur.Env, [2]string{n, v})
		case "unset":
			cur.Unset = append(cur.Unset, strings.Fields(value)...)
		case "endpoint":
			if value != "none" && value != "auto" {
				return nil, fail(lineno, "endpoint must be 'none' or 'auto'")
			}
			cur.Endpoint = value == "auto"
		case "file":
			var fname, content string
			if heredoc != nil {
				fname, content = value, *heredoc
			} else {
				n, c, ok := strings.Cut(value, "=")
				if !ok {
					return nil, fail(lineno, "file needs 'NAME <<TAG' or 'NAME = content'")
				}
				fname, content = strings.TrimSpace(n), strings.TrimSpace(c)
			}
			if fname == "" || strings.HasPrefix(fname, "/") || contains(strings.Split(fname, "/"), "..") {
				return nil, fail(lineno, "file name must be a relative path inside $TMP")
			}
			cur.Files = append(cur.Files, [2]string{fname, content})
		case "stdin":
			if heredoc != nil {
				cur.Stdin = *heredoc
			} else {
				cur.Stdin = value
			}
		case "run":
			argv, err := Split(value)
			if err != nil {
				return nil, fail(lineno, "cannot split command: %v", err)
			}
			if len(argv) == 0 || argv[0] != "aws" {
				return nil, fail(lineno, "a command must start with 'aws'")
			}
			cur.Runs = append(cur.Runs, value)
			last = "run"
		case "ref":
			cur.Ref = value
		default:
			return nil, fail(lineno, "unknown key %q", key)
		}
	}
	for _, c := range cases {
		if c.Desc == "" {
			return nil, fmt.Errorf("%s: case %s has no desc", c.Source, c.ID)
		}
		if len(c.Runs) == 0 {
			return nil, fmt.Errorf("%s: case %s has no run", c.Source, c.ID)
		}
		// A continuation may have made a run line unsplittable.
		for _, r := range c.Runs {
			if _, err := Split(r); err != nil {
				return nil, fmt.Errorf("%s: case %s: cannot split command: %v", c.Source, c.ID, err)
			}
		}
	}
	return cases, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// LoadCases reads every *.cases file in dir; ids must be unique.
func LoadCases(dir string) ([]*Case, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.cases"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var all []*Case
	seen := map[string]string{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("reading cases: %w", err)
		}
		cs, err := ParseCases(n, string(data))
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			if prev, dup := seen[c.ID]; dup {
				return nil, fmt.Errorf("duplicate case id %s (%s and %s)", c.ID, prev, c.Source)
			}
			seen[c.ID] = c.Source
			all = append(all, c)
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no cases in %s", dir)
	}
	return all, nil
}

// Hash identifies everything in a case that can influence its result, so a
// golden file recorded for an older version of the case is detected.
func (c *Case) Hash() string {
	blob, _ := json.Marshal(map[string]any{
		"fixture": c.Fixture, "env": c.Env, "unset": c.Unset, "endpoint": c.Endpoint,
		"files": c.Files, "stdin": c.Stdin, "runs": c.Runs,
	})
	sum := sha256.Sum256(blob)
	return hex.EncodeToString(sum[:])
}

var varRE = regexp.MustCompile(`\$(\$|\{([A-Z][A-Z0-9_]*)\}|([A-Z][A-Z0-9_]*))`)

// knownVars are replaced by "" when a case does not define them, as conform does.
var knownVars = map[string]bool{"POOL_ID": true, "POOL_ARN": true, "POOL_ID_2": true,
	"CLIENT_ID": true, "CLIENT_ID_2": true, "CLIENT_ID_3": true, "CLIENT_SECRET": true,
	"ENDPOINT": true, "TMP": true, "PASSWORD": true, "LAST_NEXT_TOKEN": true, "LAST_STDOUT": true}

// Subst replaces $NAME and ${NAME}; $$ is a literal $; unknown names stay.
func Subst(text string, vars map[string]string) string {
	return varRE.ReplaceAllStringFunc(text, func(m string) string {
		sm := varRE.FindStringSubmatch(m)
		if sm[1] == "$" {
			return "$"
		}
		name := sm[2]
		if name == "" {
			name = sm[3]
		}
		if v, ok := vars[name]; ok {
			return v
		}
		if knownVars[name] {
			return ""
		}
		return m
	})
}

// Split splits a command line like Python's shlex.split (POSIX mode, no
// comments): whitespace separates words, '…' quotes literally, "…" quotes
// with backslash escaping only " and \, and a bare backslash escapes the next
// character.
func Split(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	const (
		plain = iota
		single
		double
	)
	state := plain
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch state {
		case plain:
			switch {
			case r == ' ' || r == '\t' || r == '\n' || r == '\r':
				if inWord {
					words = append(words, cur.String())
					cur.Reset()
					inWord = false
				}
			case r == '\'':
				state, inWord = single, true
			case r == '"':
				state, inWord = double, true
			case r == '\\':
				if i+1 >= len(rs) {
					return nil, fmt.Errorf("no escaped character")
				}
				i++
				cur.WriteRune(rs[i])
				inWord = true
			default:
				cur.WriteRune(r)
				inWord = true
			}
		case single:
			if r == '\'' {
				state = plain
			} else {
				cur.WriteRune(r)
			}
		case double:
			switch {
			case r == '"':
				state = plain
			case r == '\\' && i+1 < len(rs) && (rs[i+1] == '"' || rs[i+1] == '\\'):
				i++
				cur.WriteRune(rs[i])
			case r == '\\' && i+1 >= len(rs):
				return nil, fmt.Errorf("no escaped character")
			default:
				cur.WriteRune(r)
			}
		}
	}
	if state != plain {
		return nil, fmt.Errorf("no closing quotation")
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
