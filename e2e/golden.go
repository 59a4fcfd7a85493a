package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/output"
)

// Golden is one case's recorded reference result. Its layout follows
// conform's refcache files (texts as lists of lines, for readable diffs),
// plus the requests the reference sent.
type Golden struct {
	ID        string       `json:"id"`
	Desc      string       `json:"desc"`
	CaseHash  string       `json:"case_hash"`
	Reference string       `json:"reference"`
	Steps     []GoldenStep `json:"steps"`
}

// GoldenStep is one recorded command.
type GoldenStep struct {
	Argv     []string  `json:"argv"`
	RC       int       `json:"rc"`
	Stdout   []string  `json:"stdout"`
	Stderr   []string  `json:"stderr"`
	Requests []Request `json:"requests"`
	// ReferenceStderr is what the reference printed before its error text
	// was translated (kept only when translation changed it), so the
	// translation stays reviewable and testable.
	ReferenceStderr []string `json:"reference_stderr,omitempty"`
}

// Lines splits text after each newline; joining the parts gives text back.
func Lines(text string) []string {
	out := []string{}
	for text != "" {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return out
}

// ToGolden converts run results into a golden record.
func ToGolden(c *Case, reference string, steps []Step) *Golden {
	g := &Golden{ID: c.ID, Desc: c.Desc, CaseHash: c.Hash(), Reference: reference}
	for _, s := range steps {
		reqs := s.Requests
		if reqs == nil {
			reqs = []Request{}
		}
		gs := GoldenStep{Argv: s.Argv, RC: s.RC,
			Stdout: Lines(s.Stdout), Stderr: Lines(s.Stderr), Requests: reqs}
		if s.RawStderr != s.Stderr {
			gs.ReferenceStderr = Lines(s.RawStderr)
		}
		g.Steps = append(g.Steps, gs)
	}
	return g
}

// StepsOf turns a golden record back into steps.
func (g *Golden) StepsOf() []Step {
	var out []Step
	for _, s := range g.Steps {
		st := Step{Argv: s.Argv, RC: s.RC, Stdout: strings.Join(s.Stdout, ""),
			Stderr: strings.Join(s.Stderr, ""), Requests: s.Requests}
		st.RawStderr = st.Stderr
		if s.ReferenceStderr != nil {
			st.RawStderr = strings.Join(s.ReferenceStderr, "")
		}
		out = append(out, st)
	}
	return out
}

// ReadGolden loads a golden file.
func ReadGolden(path string) (*Golden, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Golden
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &g, nil
}

// WriteJSONFile writes v as indented JSON without HTML escaping.
func WriteJSONFile(path string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// CanonicalBody renders a request body for comparison: JSON is re-printed
// from an order-keeping parse, so whitespace does not matter but key order,
// types and values do; anything else is compared as it is.
func CanonicalBody(body string) string {
	if strings.TrimSpace(body) == "" {
		return ""
	}
	v, err := document.ParseJSON([]byte(body))
	if err != nil {
		return "(not JSON) " + body
	}
	return output.FormatJSON(v, 1)
}

// CompareSteps describes every difference between expected and actual
// results, or returns "" when they are equal. Request bodies are compared
// only when withRequests is set.
func CompareSteps(want, got []Step, withRequests bool) string {
	var b strings.Builder
	if len(want) != len(got) {
		fmt.Fprintf(&b, "ran %d steps, expected %d\n", len(got), len(want))
	}
	for i := 0; i < len(want) && i < len(got); i++ {
		w, g := want[i], got[i]
		if strings.Join(w.Argv, "\x00") != strings.Join(g.Argv, "\x00") {
			fmt.Fprintf(&b, "step %d: argv\n  want %q\n  got  %q\n", i+1, w.Argv, g.Argv)
		}
		if w.RC != g.RC {
			fmt.Fprintf(&b, "step %d: exit status: want %d, got %d\n", i+1, w.RC, g.RC)
		}
		if w.Stdout != g.Stdout {
			fmt.Fprintf(&b, "step %d: stdout differs\n%s", i+1, lineDiff(w.Stdout, g.Stdout))
		}
		if w.Stderr != g.Stderr {
			fmt.Fprintf(&b, "step %d: stderr differs\n%s", i+1, lineDiff(w.Stderr, g.Stderr))
		}
		if withRequests {
			if len(w.Requests) != len(g.Requests) {
				fmt.Fprintf(&b, "step %d: sent %d requests, reference sent %d\n", i+1, len(g.Requests), len(w.Requests))
			}
			for j := 0; j < len(w.Requests) && j < len(g.Requests); j++ {
				wr, gr := w.Requests[j], g.Requests[j]
				if wr.Target != gr.Target {
					fmt.Fprintf(&b, "step %d request %d: target want %s, got %s\n", i+1, j+1, wr.Target, gr.Target)
				}
				if cw, cg := CanonicalBody(wr.Body), CanonicalBody(gr.Body); cw != cg {
					fmt.Fprintf(&b, "step %d request %d: body differs\n%s", i+1, j+1, lineDiff(cw, cg))
				}
			}
		}
	}
	return b.String()
}

// lineDiff shows the first differing line with a little context; full
// texts are in the golden file and easy to reproduce.
func lineDiff(want, got string) string {
	wl, gl := Lines(want), Lines(got)
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	var b strings.Builder
	from := i - 2
	if from < 0 {
		from = 0
	}
	for k := from; k < i; k++ {
		fmt.Fprintf(&b, "    %q\n", wl[k])
	}
	for k := i; k < len(wl) && k < i+4; k++ {
		fmt.Fprintf(&b, "  - %q\n", wl[k])
	}
	for k := i; k < len(gl) && k < i+4; k++ {
		fmt.Fprintf(&b, "  + %q\n", gl[k])
	}
	return b.String()
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
