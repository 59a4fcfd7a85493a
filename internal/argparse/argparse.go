// Package argparse reproduces the parts of Python's argparse that the AWS CLI
// relies on, because its behaviour is part of the CLI's contract: global
// options accepted anywhere on the line, unambiguous prefixes of long options,
// nargs='+' lists, parse_known_args leaving unknown strings to the next
// parser, and argparse's own error messages. pflag, which cobra uses, differs
// on every one of these points.
package argparse

import (
	"fmt"
	"strings"

	"github.com/cognito-cli/aws/internal/document"
)

// Nargs says how many values an action takes.
type Nargs int

const (
	One       Nargs = iota // nargs=None: exactly one value
	Zero                   // store_true / store_false / store_const
	Optional               // nargs='?'
	OneOrMore              // nargs='+'
)

// Action is one argument of a parser.
type Action struct {
	// Options are the option strings ("--client-id"); empty for a positional.
	Options []string
	// Dest is the key the value is stored under.
	Dest  string
	Nargs Nargs
	// Const is stored for Zero actions, and for Optional ones given no value.
	Const any
	// Default is stored when the action does not appear.
	Default any
	// Choices, when set, restrict the values.
	Choices []string
	// Required makes its absence an error.
	Required bool
	// Int converts the value with Python's int(); argparse reports
	// "invalid int value".
	Int bool
	// Version marks the action that prints the version and exits.
	Version bool
}

func (a *Action) positional() bool { return len(a.Options) == 0 }

// name is argparse's _get_action_name.
func (a *Action) name() string {
	if len(a.Options) > 0 {
		return strings.Join(a.Options, "/")
	}
	return a.Dest
}

// Parser is an argument parser built from actions in a fixed order.
type Parser struct {
	actions  []*Action
	byOption map[string]*Action
	options  []string // option strings in insertion order, for prefix matching
}

// New returns a parser over the actions, in the given order.
func New(actions ...*Action) *Parser {
	p := &Parser{byOption: map[string]*Action{}}
	for _, a := range actions {
		p.Add(a)
	}
	return p
}

// Add appends an action; a later option string replaces an earlier one, as
// with conflict_handler='resolve'.
func (p *Parser) Add(a *Action) {
	p.actions = append(p.actions, a)
	for _, o := range a.Options {
		if _, seen := p.byOption[o]; !seen {
			p.options = append(p.options, o)
		}
		p.byOption[o] = a
	}
}

// Error is an argparse error (exit status 252 in the CLI).
type Error struct {
	Message string
	// InvalidChoice is set for an invalid choice, with the value and the
	// close matches the CLI suggests.
	InvalidChoice *InvalidChoice
	// VersionRequested is set when the --version action fired.
	VersionRequested bool
}

// InvalidChoice details an "invalid choice" error.
type InvalidChoice struct {
	Argument string
	Value    string
	Choices  []string
}

func (e *Error) Error() string { return e.Message }

// Result holds the parsed values by Dest, and whether each action was seen.
type Result struct {
	Values map[string]any
	Seen   map[string]bool
}

// Get returns the value stored under dest.
func (r *Result) Get(dest string) any { return r.Values[dest] }

// String returns the string stored under dest, or "".
func (r *Result) String(dest string) string { s, _ := r.Values[dest].(string); return s }

// isNegativeNumber is argparse's _negative_number_matcher,
// "^-\d+$|^-\d*\.\d+$" with ASCII digits, written out because every
// unknown option reaches it and compiling the pattern costs start-up time.
func isNegativeNumber(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	s = s[1:]
	digits := func(t string) bool {
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return false
			}
		}
		return true
	}
	if whole, frac, ok := strings.Cut(s, "."); ok {
		return digits(whole) && frac != "" && digits(frac)
	}
	return digits(s)
}

type optionMatch struct {
	action   *Action
	option   string
	explicit *string
}

// parseOptional is argparse's _parse_optional: nil means a positional string.
func (p *Parser) parseOptional(arg string) (*optionMatch, error) {
	if arg == "" || arg[0] != '-' {
		return nil, nil
	}
	if a, ok := p.byOption[arg]; ok {
		return &optionMatch{action: a, option: arg}, nil
	}
	if len(arg) == 1 {
		return nil, nil
	}
	if opt, val, ok := strings.Cut(arg, "="); ok {
		if a, ok := p.byOption[opt]; ok {
			return &optionMatch{action: a, option: opt, explicit: &val}, nil
		}
	}
	matches := p.optionTuples(arg)
	if len(matches) > 1 {
		names := make([]string, len(matches))
		for i, m := range matches {
			names[i] = m.option
		}
		return nil, &Error{Message: fmt.Sprintf("ambiguous option: %s could match %s", arg, strings.Join(names, ", "))}
	}
	if len(matches) == 1 {
		return &matches[0], nil
	}
	if isNegativeNumber(arg) {
		return nil, nil // no option of ours looks like a negative number
	}
	if strings.Contains(arg, " ") {
		return nil, nil
	}
	return &optionMatch{option: arg}, nil
}

// optionTuples is argparse's _get_option_tuples for prefix matching.
func (p *Parser) optionTuples(arg string) []optionMatch {
	var out []optionMatch
	if strings.HasPrefix(arg, "--") {
		prefix, val, hasVal := strings.Cut(arg, "=")
		for _, o := range p.options {
			if strings.HasPrefix(o, prefix) {
				m := optionMatch{action: p.byOption[o], option: o}
				if hasVal {
					v := val
					m.explicit = &v
				}
				out = append(out, m)
			}
		}
		return out
	}
	// A single-dash string: our parsers define only long options, so only a
	// plain prefix can match.
	for _, o := range p.options {
		if strings.HasPrefix(o, arg) {
			out = append(out, optionMatch{action: p.byOption[o], option: o})
		}
	}
	return out
}

// ParseKnown is parse_known_args: it returns the values and the strings it
// did not recognise, in argparse's order.
func (p *Parser) ParseKnown(args []string) (*Result, []string, error) {
	res := &Result{Values: map[string]any{}, Seen: map[string]bool{}}
	for _, a := range p.actions {
		if _, ok := res.Values[a.Dest]; !ok || a.Default != nil {
			res.Values[a.Dest] = a.Default
		}
	}

	// Classify each string: 'O' option, 'A' argument, '-' for "--".
	pattern := make([]byte, len(args))
	optionAt := map[int]*optionMatch{}
	var optionIdx []int
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			pattern[i] = '-'
			for j := i + 1; j < len(args); j++ {
				pattern[j] = 'A'
			}
			break
		}
		m, err := p.parseOptional(args[i])
		if err != nil {
			return nil, nil, err
		}
		if m == nil {
			pattern[i] = 'A'
		} else {
			pattern[i] = 'O'
			optionAt[i] = m
			optionIdx = append(optionIdx, i)
		}
	}

	var extras []string
	positionals := []*Action{}
	for _, a := range p.actions {
		if a.positional() {
			positionals = append(positionals, a)
		}
	}

	take := func(a *Action, values []string) error {
		res.Seen[a.Dest+"\x00"+a.name()] = true
		res.Seen[a.Dest] = true
		if a.Version {
			return &Error{VersionRequested: true}
		}
		switch a.Nargs {
		case Zero:
			res.Values[a.Dest] = a.Const
			return nil
		case Optional:
			if len(values) == 0 {
				if !a.positional() {
					res.Values[a.Dest] = a.Const
				}
				return nil
			}
		case OneOrMore:
			for _, v := range values {
				if err := checkChoice(a, v); err != nil {
					return err
				}
			}
			list := make([]string, len(values))
			copy(list, values)
			res.Values[a.Dest] = list
			return nil
		}
		v := values[0]
		if a.Int {
			if _, ok := document.ParsePythonInt(v); !ok {
				return &Error{Message: fmt.Sprintf("argument %s: invalid int value: '%s'", a.name(), v)}
			}
		}
		if err := checkChoice(a, v); err != nil {
			return err
		}
		res.Values[a.Dest] = v
		return nil
	}

	// consumePositionals matches as many positionals as the run of
	// arguments starting at start allows.
	consumePositionals := func(start int) (int, error) {
		run := 0
		for start+run < len(args) && pattern[start+run] != 'O' {
			run++
		}
		for len(positionals) > 0 {
			a := positionals[0]
			n := 0
			avail := 0
			for i := start; i < start+run; i++ {
				if pattern[i] == 'A' {
					avail++
				}
			}
			switch a.Nargs {
			case One:
				if avail < 1 {
					return start, nil
				}
				n = 1
			case Optional:
				if avail >= 1 {
					n = 1
				} else if start < len(args) {
					// Do not let an optional positional swallow nothing
					// while strings remain; it can still match later.
					return start, nil
				}
			case OneOrMore:
				if avail < 1 {
					return start, nil
				}
				n = avail
			}
			// skip a "--" marker
			vals := []string{}
			i := start
			for len(vals) < n && i < len(args) {
				if pattern[i] == 'A' {
					vals = append(vals, args[i])
				}
				i++
			}
			positionals = positionals[1:]
			if err := take(a, vals); err != nil {
				return i, err
			}
			start = i
			run -= n
		}
		return start, nil
	}

	consumeOptional := func(start int) (int, error) {
		m := optionAt[start]
		if m.action == nil {
			extras = append(extras, args[start])
			return start + 1, nil
		}
		a := m.action
		if m.explicit != nil {
			if a.Nargs == Zero {
				return 0, &Error{Message: fmt.Sprintf("argument %s: ignored explicit argument '%s'", a.name(), *m.explicit)}
			}
			return start + 1, take(a, []string{*m.explicit})
		}
		avail := 0
		for i := start + 1; i < len(args) && pattern[i] == 'A'; i++ {
			avail++
		}
		var n int
		switch a.Nargs {
		case Zero:
			n = 0
		case One:
			if avail < 1 {
				return 0, &Error{Message: fmt.Sprintf("argument %s: expected one argument", a.name())}
			}
			n = 1
		case Optional:
			n = min(avail, 1)
		case OneOrMore:
			if avail < 1 {
				return 0, &Error{Message: fmt.Sprintf("argument %s: expected at least one argument", a.name())}
			}
			n = avail
		}
		return start + 1 + n, take(a, args[start+1:start+1+n])
	}

	start := 0
	maxOption := -1
	if len(optionIdx) > 0 {
		maxOption = optionIdx[len(optionIdx)-1]
	}
	for start <= maxOption {
		next := -1
		for _, i := range optionIdx {
			if i >= start {
				next = i
				break
			}
		}
		if start != next {
			end, err := consumePositionals(start)
			if err != nil {
				return nil, nil, err
			}
			if end > start {
				start = end
				continue
			}
		}
		if _, isOption := optionAt[start]; !isOption {
			extras = append(extras, args[start:next]...)
			start = next
		}
		var err error
		start, err = consumeOptional(start)
		if err != nil {
			return nil, nil, err
		}
	}
	stop, err := consumePositionals(start)
	if err != nil {
		return nil, nil, err
	}
	for i := stop; i < len(args); i++ {
		if pattern[i] != '-' || i != stop {
			extras = append(extras, args[i])
		}
	}

	var missing []string
	for _, a := range p.actions {
		if a.Required && !res.Seen[a.Dest+"\x00"+a.name()] {
			missing = append(missing, a.name())
		}
	}
	if len(missing) > 0 {
		return nil, nil, &Error{Message: "the following arguments are required: " + strings.Join(missing, ", ")}
	}
	return res, extras, nil
}

func checkChoice(a *Action, v string) error {
	if a.Choices == nil {
		return nil
	}
	for _, c := range a.Choices {
		if c == v {
			return nil
		}
	}
	return &Error{
		Message:       fmt.Sprintf("argument %s: Found invalid choice '%s'", a.name(), v),
		InvalidChoice: &InvalidChoice{Argument: a.name(), Value: v, Choices: a.Choices},
	}
}
