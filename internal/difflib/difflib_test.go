package difflib

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
)

// recorded is testdata/recorded.json, made by testdata/record.py with
// Python's difflib.
type recorded struct {
	Ratios []struct {
		A, B  string
		Ratio float64
	} `json:"ratios"`
	Close []struct {
		Word    string   `json:"word"`
		N       int      `json:"n"`
		Cutoff  float64  `json:"cutoff"`
		Matches []string `json:"matches"`
	} `json:"close"`
	Choices []string `json:"choices"`
}

func load(t testing.TB) *recorded {
	data, err := os.ReadFile("testdata/recorded.json")
	if err != nil {
		t.Fatal(err)
	}
	var r recorded
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func TestRatioAgainstPython(t *testing.T) {
	r := load(t)
	if len(r.Ratios) < 500 {
		t.Fatalf("only %d recorded ratios", len(r.Ratios))
	}
	for _, c := range r.Ratios {
		if got := Ratio(c.A, c.B); math.Abs(got-c.Ratio) > 1e-12 {
			t.Errorf("Ratio(%q, %q) = %v, want %v", c.A, c.B, got, c.Ratio)
		}
	}
}

func TestCloseMatchesAgainstPython(t *testing.T) {
	r := load(t)
	for _, c := range r.Close {
		got := CloseMatches(c.Word, r.Choices, c.N, c.Cutoff)
		if strings.Join(got, ",") != strings.Join(c.Matches, ",") {
			t.Errorf("CloseMatches(%q, n=%d, cutoff=%v) = %q, want %q", c.Word, c.N, c.Cutoff, got, c.Matches)
		}
	}
}

func FuzzRatio(f *testing.F) {
	f.Add("list-users", "list-user")
	f.Add("", "é")
	f.Fuzz(func(t *testing.T, a, b string) {
		if r := Ratio(a, b); r < 0 || r > 1 || math.IsNaN(r) {
			t.Fatalf("Ratio(%q, %q) = %v", a, b, r)
		}
	})
}
