package skeleton

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

// golden reads a file recorded from the reference by testdata/record.py.
func golden(t *testing.T, name string) (string, bool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "golden", name))
	if os.IsNotExist(err) {
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b), true
}

func TestGoldenSkeletons(t *testing.T) {
	m := model.New()
	ops := model.OperationNames()
	if len(ops) < 120 {
		t.Fatalf("only %d operations", len(ops))
	}
	var outputs int
	for _, op := range ops {
		cli := model.XformName(op, '-')
		t.Run(cli, func(t *testing.T) {
			want, ok := golden(t, cli+".input.json")
			if !ok {
				t.Fatalf("no golden input skeleton for %s", cli)
			}
			got, err := InputJSON(m, op)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("input skeleton differs:\n%s", diff(want, got))
			}

			want, ok = golden(t, cli+".yaml-input.yaml")
			if !ok {
				t.Fatalf("no golden yaml-input skeleton for %s", cli)
			}
			got, err = YAMLInput(m, op)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("yaml-input skeleton differs:\n%s", diff(want, got))
			}

			want, ok = golden(t, cli+".output.json")
			if !ok {
				return
			}
			outputs++
			doc, err := Output(m, op)
			if err != nil {
				t.Fatal(err)
			}
			got = ""
			if doc.Len() > 0 { // the json formatter prints nothing for {}
				got = output.FormatJSON(doc, 4) + "\n"
			}
			if got != want {
				t.Errorf("output skeleton differs:\n%s", diff(want, got))
			}
		})
	}
	if outputs < 20 {
		t.Errorf("only %d output skeletons recorded", outputs)
	}
}

// diff shows the first differing line of two texts.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + itoa(i+1) + "\nwant: " + quote(a) + "\ngot:  " + quote(b)
		}
	}
	return "(same lines)"
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i)) }

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func quote(s string) string { return "`" + s + "`" }
