package argparse

import (
	"regexp"
	"testing"
)

// isNegativeNumber must agree with the pattern argparse uses.
func TestIsNegativeNumberMatchesPattern(t *testing.T) {
	re := regexp.MustCompile(`^-\d+$|^-\d*\.\d+$`)
	for _, s := range []string{"", "-", "--", "-1", "-12", "-1.", "-.5", "-1.5", "-1.5.2", "-a", "-1a", "1", "--1", "-٣", "-0.0", "-.", "-1e5", "- 1"} {
		if got, want := isNegativeNumber(s), re.MatchString(s); got != want {
			t.Errorf("isNegativeNumber(%q) = %v, pattern says %v", s, got, want)
		}
	}
}

func FuzzIsNegativeNumber(f *testing.F) {
	re := regexp.MustCompile(`^-\d+$|^-\d*\.\d+$`)
	for _, s := range []string{"-1", "-.5", "-1.", "--x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isNegativeNumber(s), re.MatchString(s); got != want {
			t.Errorf("isNegativeNumber(%q) = %v, pattern says %v", s, got, want)
		}
	})
}
