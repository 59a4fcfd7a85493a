// Package completion completes aws command lines from the model: the
// service name, operation names, option names, enum values of the option
// being completed, --output and the other global choices, and profile
// names from the shared config files. It speaks the aws_completer protocol
// (bash's `complete -C aws_completer aws`) and backs the zsh, fish and
// PowerShell scripts that cobra generates. Nothing here runs on the normal
// path of a command.
package completion

import (
	"os"
	"sort"
	"strings"

	"gopkg.in/ini.v1"

	"github.com/cognito-cli/aws/internal/config"
	"github.com/cognito-cli/aws/internal/help"
	"github.com/cognito-cli/aws/model"
)

// Candidate is one completion and a short description of it (shown by the
// shells that can).
type Candidate struct {
	Value       string
	Description string
}

// Split cuts the command line at point (a byte offset, as bash's COMP_POINT)
// and returns the words before the word being completed, without the
// program name, and that word. Quotes group words; a backslash escapes the
// next character.
func Split(line string, point int) (words []string, current string) {
	if point < 0 || point > len(line) {
		point = len(line)
	}
	line = line[:point]
	var (
		b       strings.Builder
		quote   byte
		inWord  bool
		escaped bool
	)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case escaped:
			b.WriteByte(c)
			escaped = false
		case c == '\\' && quote != '\'':
			escaped, inWord = true, true
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				b.WriteByte(c)
			}
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, b.String())
				b.Reset()
				inWord = false
			}
		default:
			b.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		current = b.String()
	}
	if len(words) > 0 {
		words = words[1:] // the program name
	}
	return words, current
}

// Complete returns the candidates for current, given the words before it
// (without the program name). getenv locates the config files.
func Complete(m *model.Model, words []string, current string, getenv func(string) string) []Candidate {
	st := scan(m, words)
	var out []Candidate
	add := func(c Candidate) {
		if strings.HasPrefix(c.Value, current) {
			out = append(out, c)
		}
	}
	// The value of an option that takes one.
	if st.pending != nil && !(st.pendingIsList && strings.HasPrefix(current, "-")) {
		for _, c := range valuesOf(m, st, st.pending, getenv) {
			add(c)
		}
		if !st.pendingIsList || st.pendingCount == 0 {
			return out
		}
	}
	switch {
	case strings.HasPrefix(current, "-") || (st.operation != "" && current == "" && (st.pending == nil || st.pendingCount > 0)):
		// Option names; after an operation an empty word lists them too.
		// The --no- forms of boolean members are offered once "--no-" is
		// typed, as the AWS CLI's completer does.
		if st.operation != "" {
			for _, o := range help.Options(m, st.operation) {
				if st.used[o.Name] || (o.Negative != "" && st.used[o.Negative]) {
					continue
				}
				add(Candidate{o.Name, optionDescription(o)})
				if o.Negative != "" && strings.HasPrefix(current, "--no-") {
					add(Candidate{o.Negative, optionDescription(o)})
				}
			}
		}
		for _, g := range help.GlobalOptions() {
			if !st.used[g.Name] {
				add(Candidate{g.Name, g.Type})
			}
		}
	case st.service == "":
		add(Candidate{model.ServiceName, "Amazon Cognito user pools"})
	case st.service != model.ServiceName:
		// Another service: this build has nothing to offer.
	case st.operation == "" && !st.serviceHelp:
		names := model.OperationNames()
		sort.Strings(names)
		for _, n := range names {
			cli := model.XformName(n, '-')
			if strings.HasPrefix(cli, current) {
				out = append(out, Candidate{cli, operationSummary(m, n)})
			}
		}
	}
	return out
}

func operationSummary(m *model.Model, name string) string {
	if op := m.Operation(name); op != nil {
		return help.Summary(op.Documentation)
	}
	return ""
}

func optionDescription(o help.Option) string {
	d := o.Type
	if o.Required {
		d += ", required"
	}
	return d
}

// state is what the words before the current one establish.
type state struct {
	service, operation string
	serviceHelp        bool
	used               map[string]bool
	// pending is the option whose value is being completed.
	pending       *option
	pendingIsList bool
	pendingCount  int // values already given to a list option
	given         map[string]bool
}

// option is an option that takes values, global or of the operation.
type option struct {
	name    string
	choices []string
	list    bool
	profile bool
}

func globalValueOptions() map[string]*option {
	opts := map[string]*option{}
	for _, g := range help.GlobalOptions() {
		if g.TakesValue {
			opts[g.Name] = &option{name: g.Name, choices: g.Choices, profile: g.Name == "--profile"}
		}
	}
	return opts
}

func scan(m *model.Model, words []string) *state {
	st := &state{used: map[string]bool{}}
	globals := globalValueOptions()
	var opOpts map[string]*option
	for _, w := range words {
		if strings.HasPrefix(w, "-") && w != "-" {
			name, _, hasValue := strings.Cut(w, "=")
			st.used[name] = true
			st.pending, st.pendingIsList, st.pendingCount, st.given = nil, false, 0, nil
			if hasValue {
				continue
			}
			if o, ok := opOpts[name]; ok {
				st.pending, st.pendingIsList = o, o.list
			} else if o, ok := globals[name]; ok {
				st.pending = o
			}
			continue
		}
		if st.pending != nil {
			if st.pendingIsList {
				st.pendingCount++
				if st.given == nil {
					st.given = map[string]bool{}
				}
				st.given[w] = true
				continue
			}
			st.pending = nil
			continue
		}
		switch {
		case st.service == "":
			st.service = w
		case st.operation == "" && !st.serviceHelp:
			if w == "help" {
				st.serviceHelp = true
				continue
			}
			if op, ok := model.OperationByCLIName(w); ok {
				st.operation = op
				opOpts = operationValueOptions(m, op)
			}
		}
	}
	return st
}

func operationValueOptions(m *model.Model, op string) map[string]*option {
	opts := map[string]*option{}
	for _, o := range help.Options(m, op) {
		if o.TakesValue {
			opts[o.Name] = &option{name: o.Name, choices: o.Enum, list: o.Type == "list"}
		}
	}
	return opts
}

// valuesOf lists the values an option can take, leaving out the ones a
// list option already has.
func valuesOf(m *model.Model, st *state, o *option, getenv func(string) string) []Candidate {
	if o.profile {
		var out []Candidate
		for _, p := range Profiles(getenv) {
			out = append(out, Candidate{Value: p})
		}
		return out
	}
	out := make([]Candidate, 0, len(o.choices))
	for _, c := range o.choices {
		if !st.given[c] {
			out = append(out, Candidate{Value: c})
		}
	}
	return out
}

// Profiles lists the profile names of the shared config and credentials
// files, sorted and without duplicates.
func Profiles(getenv func(string) string) []string {
	cfgPath, credPath := config.Paths(getenv)
	seen := map[string]bool{}
	for _, f := range []struct {
		path   string
		config bool
	}{{cfgPath, true}, {credPath, false}} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			continue
		}
		file, err := ini.LoadSources(ini.LoadOptions{IgnoreInlineComment: true, AllowNestedValues: true, SkipUnrecognizableLines: true}, data)
		if err != nil {
			continue
		}
		for _, name := range file.SectionStrings() {
			if name == ini.DefaultSection {
				continue
			}
			if f.config {
				if p, ok := strings.CutPrefix(name, "profile "); ok {
					name = strings.TrimSpace(p)
				} else if name != "default" {
					continue // sso-session, services, ...
				}
			}
			seen[name] = true
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
