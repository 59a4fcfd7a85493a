package e2e

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cognito-cli/aws/internal/motoserver"
	"github.com/cognito-cli/aws/model"
)

var (
	recordFlag    = flag.Bool("record", false, "record golden files with the reference CLI instead of testing")
	referenceFlag = flag.String("reference", "/usr/bin/aws", "reference CLI used by -record")
	binaryFlag    = flag.String("aws", "", "binary under test (default: build ./cmd/aws into a temporary directory)")
	refcacheFlag  = flag.String("refcache", "../../shared/conformance/refcache", "conform's reference cache, checked against cases with `ref:`")
)

const (
	repoRoot  = ".."
	casesDir  = "cases"
	goldenDir = "../testdata/golden"
	noArgsURL = "http://127.0.0.1:9" // nothing listens on the discard port
)

// harness is set up once by TestMain and read-only afterwards.
type harness struct {
	binary    string // the CLI that runs: ours, or the reference in record mode
	dataPath  string
	scratch   string
	reference string // reference version (record mode)
}

var h harness

func TestMain(m *testing.M) {
	flag.Parse()
	code, err := setup()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		code = 1
	} else {
		code = m.Run()
	}
	if h.scratch != "" {
		os.RemoveAll(h.scratch)
	}
	os.Exit(code)
}

func setup() (int, error) {
	scratch, err := os.MkdirTemp("", "e2e-")
	if err != nil {
		return 0, err
	}
	h.scratch = scratch
	h.dataPath = filepath.Join(scratch, "models")
	if err := BuildDataPath(repoRoot, h.dataPath, *recordFlag); err != nil {
		return 0, err
	}
	switch {
	case *recordFlag:
		ref := *referenceFlag
		if st, err := os.Stat(ref); err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
			return 0, fmt.Errorf("record mode needs the reference CLI at %s (apt-get install -y awscli)", ref)
		}
		home := filepath.Join(scratch, "version-home")
		if err := os.MkdirAll(home, 0o755); err != nil {
			return 0, err
		}
		out, _, rc := Run([]string{ref, "--version"}, BaseEnv(home, h.dataPath), scratch, "")
		words := strings.Fields(out)
		if rc != 0 || len(words) == 0 {
			return 0, fmt.Errorf("%s --version failed (exit %d)", ref, rc)
		}
		h.binary, h.reference = ref, words[0]
	case *binaryFlag != "":
		abs, err := filepath.Abs(*binaryFlag)
		if err != nil {
			return 0, err
		}
		h.binary = abs
	default:
		h.binary = filepath.Join(scratch, "aws")
		goTool := filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			goTool = "go"
		}
		cmd := exec.Command(goTool, "build", "-o", h.binary, "./cmd/aws")
		cmd.Dir = repoRoot
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			return 0, fmt.Errorf("building ./cmd/aws: %v\n%s", err, out)
		}
	}
	return 0, nil
}

func goldenPath(id string) string { return filepath.Join(goldenDir, id+".json") }

// TestGolden runs every case in e2e/cases through the recording proxy and
// compares stdout, stderr, exit status and the request bodies sent with the
// golden files recorded from the reference CLI.
func TestGolden(t *testing.T) {
	cases, err := LoadCases(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	if !*recordFlag {
		// A golden file without its case is a leftover: it tests nothing.
		ids := map[string]bool{"noargs": true}
		for _, c := range cases {
			ids[c.ID] = true
		}
		files, _ := filepath.Glob(filepath.Join(goldenDir, "*.json"))
		for _, f := range files {
			if id := strings.TrimSuffix(filepath.Base(f), ".json"); !ids[id] {
				t.Errorf("%s has no case in e2e/cases: delete it", f)
			}
		}
	}
	runners := startRunners(t, min(maxRunners, runtime.GOMAXPROCS(0)))
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			t.Parallel()
			// Every case resets its runner's moto, so any free runner will do.
			r := <-runners
			defer func() { runners <- r }()
			steps, err := r.RunCase(c)
			if err != nil {
				t.Fatal(err)
			}
			if *recordFlag {
				record(t, c, steps)
				return
			}
			g, err := ReadGolden(goldenPath(c.ID))
			if err != nil {
				t.Fatalf("no golden file (record it with scripts/record-golden.sh): %v", err)
			}
			if g.CaseHash != c.Hash() {
				t.Fatalf("%s changed since its golden file was recorded: run scripts/record-golden.sh", c.Source)
			}
			if d := CompareSteps(g.StepsOf(), steps, true); d != "" {
				t.Errorf("%s (%s): differs from the reference:\n%s", c.ID, c.Source, d)
			}
		})
	}
}

// maxRunners bounds the moto servers TestGolden runs cases on at once: CI
// machines have two cores, and each case keeps one busy at most.
const maxRunners = 2

// startRunners starts n moto servers (concurrently: each takes a second or
// two to start) with a recording proxy in front of each, all stopped when
// t ends, and hands them out through a channel that holds the idle ones.
func startRunners(t *testing.T, n int) chan *Runner {
	t.Helper()
	n = max(n, 1)
	motos := make([]*motoserver.Server, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range motos {
		wg.Add(1)
		go func() {
			defer wg.Done()
			motos[i], errs[i] = motoserver.Start()
		}()
	}
	wg.Wait()
	for _, m := range motos {
		if m != nil {
			t.Cleanup(func() {
				if err := m.Stop(); err != nil {
					t.Logf("stopping moto: %v", err)
				}
			})
		}
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	runners := make(chan *Runner, n)
	for _, moto := range motos {
		proxy, err := StartProxy(moto.Endpoint())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { proxy.Close() })
		r := &Runner{Binary: h.binary, DataPath: h.dataPath, Moto: moto, Proxy: proxy, Scratch: h.scratch}
		if *recordFlag {
			r.Translate = translateIfOld
		}
		runners <- r
	}
	return runners
}

// translateIfOld applies the 2.9.19 → 2.36.7 error translation unless the
// reference already prints the new error layer.
func translateIfOld(argv []string, rc int, stderr string) string {
	if strings.Contains(stderr, "aws: [ERROR]: ") {
		return stderr
	}
	return Translate(argv, rc, stderr)
}

func record(t *testing.T, c *Case, steps []Step) {
	g := ToGolden(c, h.reference, steps)
	if c.Ref != "" {
		// The translated transcript must equal 2.36.7's own.
		want, err := readRefcache(c.Ref)
		if err != nil {
			t.Fatalf("ref %s: %v", c.Ref, err)
		}
		if d := CompareSteps(want, g.StepsOf(), false); d != "" {
			t.Fatalf("recorded and translated result differs from the 2.36.7 transcript of %s; not written:\n%s", c.Ref, d)
		}
	}
	if err := WriteJSONFile(goldenPath(c.ID), g); err != nil {
		t.Fatal(err)
	}
}

// readRefcache loads a conform cache entry as steps.
func readRefcache(id string) ([]Step, error) {
	g, err := ReadGolden(filepath.Join(*refcacheFlag, id+".json"))
	if err != nil {
		return nil, err
	}
	return g.StepsOf(), nil
}

// TestGoldenMatchesRefcache checks that the golden files of cases that
// repeat a conformance case equal its authoritative 2.36.7 transcript: this
// is what proves the error translation used when recording.
func TestGoldenMatchesRefcache(t *testing.T) {
	if *recordFlag {
		return // record() performs the same check before writing
	}
	if _, err := os.Stat(*refcacheFlag); err != nil {
		t.Skipf("no conformance cache next to the repository (%v)", err)
	}
	cases, err := LoadCases(casesDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range cases {
		if c.Ref == "" {
			continue
		}
		n++
		want, err := readRefcache(c.Ref)
		if err != nil {
			t.Errorf("%s: ref %s: %v", c.ID, c.Ref, err)
			continue
		}
		g, err := ReadGolden(goldenPath(c.ID))
		if err != nil {
			t.Errorf("%s: %v", c.ID, err)
			continue
		}
		if d := CompareSteps(want, g.StepsOf(), false); d != "" {
			t.Errorf("%s: golden differs from the 2.36.7 transcript of %s:\n%s", c.ID, c.Ref, d)
		}
	}
	if n < 8 {
		t.Errorf("only %d cases carry a ref:, expected the error cases to", n)
	}
}

// NoArgs is the golden record of every operation run without arguments.
type NoArgs struct {
	Reference  string        `json:"reference"`
	Endpoint   string        `json:"endpoint"`
	Operations []NoArgsEntry `json:"operations"`
}

// NoArgsEntry is one operation's result.
type NoArgsEntry struct {
	Operation string   `json:"operation"`
	RC        int      `json:"rc"`
	Stdout    []string `json:"stdout"`
	Stderr    []string `json:"stderr"`
	// ReferenceStderr is the untranslated text, when translation changed it.
	ReferenceStderr []string `json:"reference_stderr,omitempty"`
}

// TestNoArgs runs `aws cognito-idp OP --endpoint-url http://127.0.0.1:9`
// for every operation in the model: the required-arguments error, or for
// operations without required arguments the connection error.
func TestNoArgs(t *testing.T) {
	var ops []string
	for _, name := range model.OperationNames() {
		ops = append(ops, model.XformName(name, '-'))
	}
	sort.Strings(ops)
	home := filepath.Join(h.scratch, "noargs-home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	env := BaseEnv(home, h.dataPath)
	run := func(op string) NoArgsEntry {
		out, errText, rc := Run([]string{h.binary, "cognito-idp", op, "--endpoint-url", noArgsURL}, env, home, "")
		e := NoArgsEntry{Operation: op, RC: rc, Stdout: Lines(out), Stderr: Lines(errText)}
		if *recordFlag {
			if tr := translateIfOld([]string{"cognito-idp", op, "--endpoint-url", noArgsURL}, rc, errText); tr != errText {
				e.Stderr, e.ReferenceStderr = Lines(tr), Lines(errText)
			}
		}
		return e
	}
	path := filepath.Join(goldenDir, "noargs.json")
	if *recordFlag {
		// The reference takes about a second per command, and these are
		// offline: run a few at a time.
		got := make([]NoArgsEntry, len(ops))
		var wg sync.WaitGroup
		sem := make(chan struct{}, 4)
		for i, op := range ops {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				got[i] = run(op)
			}()
		}
		wg.Wait()
		if err := WriteJSONFile(path, NoArgs{Reference: h.reference, Endpoint: noArgsURL, Operations: got}); err != nil {
			t.Fatal(err)
		}
		return
	}
	var golden NoArgs
	if err := readJSON(path, &golden); err != nil {
		t.Fatalf("no golden file (record it with scripts/record-golden.sh): %v", err)
	}
	want := map[string]NoArgsEntry{}
	for _, e := range golden.Operations {
		want[e.Operation] = e
	}
	for _, op := range ops {
		t.Run(op, func(t *testing.T) {
			t.Parallel()
			w, ok := want[op]
			if !ok {
				t.Fatalf("%s has no golden entry: run scripts/record-golden.sh", op)
			}
			g := run(op)
			ws := Step{RC: w.RC, Stdout: strings.Join(w.Stdout, ""), Stderr: strings.Join(w.Stderr, "")}
			gs := Step{RC: g.RC, Stdout: strings.Join(g.Stdout, ""), Stderr: strings.Join(g.Stderr, "")}
			if d := CompareSteps([]Step{ws}, []Step{gs}, false); d != "" {
				t.Errorf("aws cognito-idp %s --endpoint-url %s:\n%s", op, noArgsURL, d)
			}
		})
	}
}

// TestTranslationOfRecordings re-applies the 2.9.19 → 2.36.7 translation to
// the untranslated text kept in the golden files: a change to Translate that
// would alter a recording shows up here without re-recording.
func TestTranslationOfRecordings(t *testing.T) {
	if *recordFlag {
		return
	}
	paths, err := filepath.Glob(filepath.Join(goldenDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range paths {
		if filepath.Base(p) == "noargs.json" {
			var na NoArgs
			if err := readJSON(p, &na); err != nil {
				t.Fatal(err)
			}
			for _, e := range na.Operations {
				if e.ReferenceStderr == nil {
					continue
				}
				n++
				raw, want := strings.Join(e.ReferenceStderr, ""), strings.Join(e.Stderr, "")
				if got := Translate([]string{"cognito-idp", e.Operation, "--endpoint-url", noArgsURL}, e.RC, raw); got != want {
					t.Errorf("noargs %s: translation gives\n%q\nrecorded\n%q", e.Operation, got, want)
				}
			}
			continue
		}
		g, err := ReadGolden(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range g.StepsOf() {
			if s.RawStderr == s.Stderr {
				continue
			}
			n++
			if got := Translate(s.Argv[1:], s.RC, s.RawStderr); got != s.Stderr {
				t.Errorf("%s step %d: translation gives\n%q\nrecorded\n%q", g.ID, i+1, got, s.Stderr)
			}
		}
	}
	if n == 0 {
		t.Error("no golden file keeps an untranslated reference stderr: re-record with scripts/record-golden.sh")
	}
}
