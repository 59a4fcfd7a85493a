package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pythonData is e2e/testdata/python.json, recorded by testdata/record.py
// from Python's shlex.split and conform's normalize().
type pythonData struct {
	Paths []string `json:"paths"`
	Port  int      `json:"port"`
	Split []struct {
		In    string   `json:"in"`
		Out   []string `json:"out"`
		Error string   `json:"error"`
	} `json:"split"`
	Normalize []struct {
		In  string `json:"in"`
		Out string `json:"out"`
	} `json:"normalize"`
}

func loadPython(t *testing.T) pythonData {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "python.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p pythonData
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSplitMatchesShlex(t *testing.T) {
	for _, c := range loadPython(t).Split {
		got, err := Split(c.In)
		if c.Error != "" {
			if err == nil {
				t.Errorf("Split(%q) = %q, want an error like %q", c.In, got, c.Error)
			}
			continue
		}
		if err != nil || len(got) != len(c.Out) || strings.Join(got, "\x00") != strings.Join(c.Out, "\x00") {
			t.Errorf("Split(%q) = %q, %v; want %q", c.In, got, err, c.Out)
		}
	}
}

func TestNormalizeMatchesConform(t *testing.T) {
	p := loadPython(t)
	n := Normalizer{Paths: p.Paths, Ports: []int{p.Port}}
	for _, c := range p.Normalize {
		if got := n.Apply(c.In); got != c.Out {
			t.Errorf("normalize(%q) = %q, want %q", c.In, got, c.Out)
		}
	}
}

// Every conformance case file must parse with our reader: the formats are
// meant to be the same.
func TestParsesConformanceCases(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "conformance", "cases")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no conformance cases next to the repository (%v)", err)
	}
	cases, err := LoadCases(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 50 {
		t.Errorf("only %d conformance cases parsed", len(cases))
	}
}

func TestParseCases(t *testing.T) {
	src := "# comment\n[a.b-c_1]\ndesc: first\n  continued\nfixture: pool+client\nenv: X=1\nunset: A B\n" +
		"endpoint: none\nfile: f.json <<END\n{\"k\": \"$POOL_ID\"}\nEND\nfile: g.txt = hello\nstdin: in\n" +
		"run: aws cognito-idp list-users\n       --user-pool-id $POOL_ID\nref: other\n"
	cs, err := ParseCases("t", src)
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	if c.ID != "a.b-c_1" || c.Desc != "first continued" || c.Fixture != "pool+client" || c.Endpoint ||
		len(c.Env) != 1 || len(c.Unset) != 2 || c.Stdin != "in" || c.Ref != "other" ||
		len(c.Files) != 2 || c.Files[0][1] != "{\"k\": \"$POOL_ID\"}\n" || c.Files[1][1] != "hello" ||
		len(c.Runs) != 1 || c.Runs[0] != "aws cognito-idp list-users --user-pool-id $POOL_ID" {
		t.Errorf("parsed %+v", c)
	}
	for _, bad := range []string{
		"[x]\nrun: aws a\n",                // no desc
		"[x]\ndesc: d\n",                   // no run
		"[x]\ndesc: d\nrun: ls\n",          // not aws
		"[x]\ndesc: d\nfixture: nope\n",    // unknown fixture
		"[x]\ndesc: d\nfile: ../x = y\n",   // escapes TMP
		"[x]\ndesc: d\nfile: f <<END\nx\n", // unterminated
		"desc: d\n",                        // no case
		"[x]\ndesc: d\nbogus: 1\n",         // unknown key
		"[x]\ndesc: d\nrun: aws 'x\n",      // unsplittable
		"  continued\n",                    // orphan continuation
	} {
		if _, err := ParseCases("t", bad); err == nil {
			t.Errorf("ParseCases(%q) succeeded", bad)
		}
	}
}

func TestSubst(t *testing.T) {
	vars := map[string]string{"POOL_ID": "p1", "TMP": "/t"}
	got := Subst("$POOL_ID ${POOL_ID} $$ $CLIENT_ID $HOME ${TMP}/x", vars)
	if want := "p1 p1 $  $HOME /t/x"; got != want {
		t.Errorf("Subst = %q, want %q", got, want)
	}
}

func TestCanonicalBodyKeepsOrder(t *testing.T) {
	a := CanonicalBody(`{"A": 1, "B": [true, "x"]}`)
	if a != CanonicalBody(`{"A":1,"B":[true,"x"]}`) {
		t.Error("whitespace changes the canonical body")
	}
	if a == CanonicalBody(`{"B": [true, "x"], "A": 1}`) {
		t.Error("key order does not change the canonical body")
	}
	if a == CanonicalBody(`{"A": 1.0, "B": [true, "x"]}`) {
		t.Error("1 and 1.0 compare equal")
	}
}

// Fuzz targets: no input may panic or hang.

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"aws a 'b c' \"d\\\"e\"", "a\\", "'", "\"\\", "x\\ y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, err := Split(s)
		if err == nil && strings.Trim(s, " \t\r\n") == "" && len(words) != 0 { // shlex's whitespace
			t.Errorf("blank input gave %q", words)
		}
	})
}

func FuzzParseCases(f *testing.F) {
	f.Add("[a]\ndesc: d\nrun: aws x\n")
	f.Add("[a]\ndesc: d\nfile: f <<E\nx\nE\nrun: aws 'y z'\n  --q\n")
	f.Add("[a]\nstdin: <<T\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseCases("fuzz", s)
	})
}

func FuzzTranslate(f *testing.F) {
	f.Add(252, "\n"+usageBlock+"\naws: error: argument operation: Invalid choice, valid choices are:\n\nx | y\n\n")
	f.Add(252, "\n"+usageBlock+"\nUnknown options: --a\n\n")
	f.Add(254, "\nAn error occurred (X) when calling the Y operation: z\n")
	f.Add(252, "\nError parsing parameter '--a': Expected: ',', received: ''' for input:\nx\n ^\n")
	f.Fuzz(func(t *testing.T, rc int, stderr string) {
		_ = Translate([]string{"cognito-idp", "op", "--x"}, rc, stderr)
	})
}

func FuzzNormalize(f *testing.F) {
	f.Add("1767323045.678 2026-01-02T03:04:05Z eyJa.eyJb.c 127.0.0.1:80 /tmp/x")
	f.Add("1767323045.")
	n := Normalizer{Paths: []string{"/tmp/x"}, Ports: []int{80}}
	f.Fuzz(func(t *testing.T, s string) {
		done := make(chan struct{})
		go func() { n.Apply(s); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("normalising %d bytes took over 5s", len(s))
		}
	})
}
