// Package xform is botocore's xform_name, shared by the model package and
// its generator (which precomputes every command name with it).
package xform

import "strings"

// Name turns a CamelCase model name into the CLI's spelling, exactly as
// botocore.xform_name does with its three regular expressions:
// a trailing run of capitals plus "s" ("URLs") is split off and lowered,
// then "(.)([A-Z][a-z]+)" and "([a-z0-9])([A-Z])" get the separator.
// UpdateUserPoolClient → update-user-pool-client, CallbackURLs → callback-urls,
// AllowedOAuthFlows → allowed-o-auth-flows.
func Name(name string, sep byte) string {
	if strings.IndexByte(name, sep) >= 0 {
		return name
	}
	if n := specialSuffix(name); n > 0 {
		name = name[:len(name)-n] + string(sep) + strings.ToLower(name[len(name)-n:])
	}
	s1 := firstCap(name, sep)
	return strings.ToLower(endCap(s1, sep))
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// specialSuffix is the length of a match of "[A-Z]{2,}s$", or 0.
func specialSuffix(s string) int {
	if len(s) < 3 || s[len(s)-1] != 's' {
		return 0
	}
	i := len(s) - 1
	for i > 0 && isUpper(s[i-1]) {
		i--
	}
	if n := len(s) - 1 - i; n >= 2 {
		return n + 1
	}
	return 0
}

// firstCap applies re.sub('(.)([A-Z][a-z]+)', r'\1<sep>\2'): scanning left
// to right, non-overlapping, each match consumes one char plus the word.
func firstCap(s string, sep byte) string {
	var b strings.Builder
	i := 0
	for i < len(s) {
		// A match starts at i when s[i+1] is upper and s[i+2] is lower.
		if i+2 < len(s) && isUpper(s[i+1]) && isLower(s[i+2]) {
			j := i + 3
			for j < len(s) && isLower(s[j]) {
				j++
			}
			b.WriteByte(s[i])
			b.WriteByte(sep)
			b.WriteString(s[i+1 : j])
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// endCap applies re.sub('([a-z0-9])([A-Z])', r'\1<sep>\2').
func endCap(s string, sep byte) string {
	var b strings.Builder
	i := 0
	for i < len(s) {
		if i+1 < len(s) && (isLower(s[i]) || isDigit(s[i])) && isUpper(s[i+1]) {
			b.WriteByte(s[i])
			b.WriteByte(sep)
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
