package e2e

import (
	"regexp"
	"strings"
)

// usageBlock is the argparse usage text both CLI versions print.
const usageBlock = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n" +
	"To see help text, you can run:\n\n" +
	"  aws help\n" +
	"  aws <command> help\n" +
	"  aws <command> <subcommand> help\n"

var (
	serviceErrRE    = regexp.MustCompile(`^\nAn error occurred \([^)]*\) when calling the \w+ operation: `)
	maybeHeadRE     = regexp.MustCompile(`(?m)^Invalid choice: '([^']*)', maybe you meant:\n\n`)
	invalidChoiceRE = regexp.MustCompile(`^aws: error: argument (\S+): Invalid choice, valid choices are:\n`)
	shorthandRE     = regexp.MustCompile(`(?m)^(Error parsing parameter '[^']*': Expected: '.*', received: '.*' for input:\n)`)
)

// noCredentials and noRegion are 2.9.19's messages; 2.36.7 names the error
// and suggests `aws login` instead of `aws configure` for credentials.
const (
	noCredentials219 = "\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n"
	noCredentials236 = "\naws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running \"aws login\".\n"
	noRegion219      = "\nYou must specify a region."
)

// Translate rewrites the stderr of AWS CLI 2.9.19 into what 2.36.7 prints,
// by the rules of ../shared/conformance/REFERENCE.md. argv is the command
// (without the binary) and rc its exit status; both are needed because
// 2.9.19 does not always name the invalid operation. Output it does not
// recognise is returned unchanged.
func Translate(argv []string, rc int, stderr string) string {
	if stderr == "" {
		return stderr
	}
	head := "\n" + usageBlock + "\n"
	switch {
	case rc == 252 && strings.HasPrefix(stderr, head):
		rest := stderr[len(head):]
		switch {
		case strings.HasPrefix(rest, "Unknown options: "):
			return "\n" + usageBlock + "\n\naws: [ERROR]: " + strings.TrimRight(rest, "\n") + "\n"
		case invalidChoiceRE.MatchString(rest):
			return invalidChoice(argv, invalidChoiceRE.FindStringSubmatch(rest)[1], rest)
		case strings.HasPrefix(rest, "aws: error: "):
			msg := strings.TrimRight(strings.TrimPrefix(rest, "aws: error: "), "\n")
			return "\naws: [ERROR]: An error occurred (ParamValidation): " + msg + "\n\n" + usageBlock
		}
		return stderr
	case rc == 254 && serviceErrRE.MatchString(stderr):
		return "\naws: [ERROR]: " + stderr[1:]
	case rc == 253 && stderr == noCredentials219:
		return noCredentials236
	case rc == 253 && strings.HasPrefix(stderr, noRegion219):
		return "\naws: [ERROR]: An error occurred (NoRegion): " + stderr[1:]
	case rc == 252 && strings.HasPrefix(stderr, "\n"):
		// 2.36.7 echoes a shorthand syntax error's input with one more
		// leading space (its caret line is unchanged).
		msg := shorthandRE.ReplaceAllString(stderr[1:], "$1 ")
		return "\naws: [ERROR]: An error occurred (ParamValidation): " + msg
	case rc == 255 && strings.HasPrefix(stderr, "\n"):
		return "\naws: [ERROR]: " + stderr[1:]
	}
	return stderr
}

// invalidChoice handles a misspelt operation or choice option: 2.36.7 drops
// the two-column list, names the choice and keeps the suggestions before the
// usage block.
func invalidChoice(argv []string, arg, rest string) string {
	name := ""
	var suggestions []string
	if m := maybeHeadRE.FindStringSubmatchIndex(rest); m != nil {
		name = rest[m[2]:m[3]]
		for _, l := range strings.Split(rest[m[1]:], "\n") {
			if strings.HasPrefix(l, "  * ") {
				suggestions = append(suggestions, l)
			}
		}
	} else {
		// Without close matches 2.9.19 does not repeat the value: take it
		// from argv (the word after the service, or the option's value).
		name = choiceValue(argv, arg)
	}
	var b strings.Builder
	b.WriteString("\naws: [ERROR]: An error occurred (ParamValidation): argument " + arg + ": Found invalid choice '" + name + "'\n\n")
	if len(suggestions) > 0 {
		b.WriteString("Maybe you meant:\n\n")
		for _, s := range suggestions {
			b.WriteString(s + "\n")
		}
	}
	b.WriteString("\n" + usageBlock)
	return b.String()
}

// choiceValue finds the value given for arg ("operation" or an option) in
// argv; for an option the last occurrence wins, as with argparse.
func choiceValue(argv []string, arg string) string {
	val := ""
	for i, a := range argv {
		switch {
		case arg == "operation" && a == "cognito-idp" && i+1 < len(argv):
			return argv[i+1]
		case a == arg && i+1 < len(argv):
			val = argv[i+1]
		case strings.HasPrefix(a, arg+"="):
			val = a[len(arg)+1:]
		}
	}
	return val
}
