package output

import (
	"bytes"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

func envOf(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestPagerCommand(t *testing.T) {
	cases := []struct {
		name string
		s    PagerSettings
		want string
	}{
		{"not a terminal", PagerSettings{LookupEnv: envOf(map[string]string{"AWS_PAGER": "most"})}, ""},
		{"no-cli-pager", PagerSettings{StdoutTTY: true, NoPager: true, LookupEnv: envOf(nil)}, ""},
		{"default", PagerSettings{StdoutTTY: true, LookupEnv: envOf(nil)}, "less"},
		{"nil env", PagerSettings{StdoutTTY: true}, "less"},
		{"AWS_PAGER first", PagerSettings{StdoutTTY: true, ConfigSet: true, ConfigPager: "cfg", LookupEnv: envOf(map[string]string{"AWS_PAGER": "most", "PAGER": "more"})}, "most"},
		{"empty AWS_PAGER disables", PagerSettings{StdoutTTY: true, ConfigSet: true, ConfigPager: "cfg", LookupEnv: envOf(map[string]string{"AWS_PAGER": "", "PAGER": "more"})}, ""},
		{"cli_pager before PAGER", PagerSettings{StdoutTTY: true, ConfigSet: true, ConfigPager: "cfg", LookupEnv: envOf(map[string]string{"PAGER": "more"})}, "cfg"},
		{"empty cli_pager disables", PagerSettings{StdoutTTY: true, ConfigSet: true, LookupEnv: envOf(map[string]string{"PAGER": "more"})}, ""},
		{"PAGER", PagerSettings{StdoutTTY: true, LookupEnv: envOf(map[string]string{"PAGER": "more"})}, "more"},
		{"empty PAGER disables", PagerSettings{StdoutTTY: true, LookupEnv: envOf(map[string]string{"PAGER": ""})}, ""},
	}
	for _, c := range cases {
		if got := PagerCommand(c.s); got != c.want {
			t.Errorf("%s: PagerCommand = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestPagerEnv(t *testing.T) {
	got := PagerEnv([]string{"A=1"}, func(string) string { return "" })
	if strings.Join(got, " ") != "A=1 LESS=FRX" {
		t.Errorf("unset LESS: %q", got)
	}
	got = PagerEnv([]string{"LESS=X"}, func(k string) string { return map[string]string{"LESS": "X"}[k] })
	if strings.Join(got, " ") != "LESS=X" {
		t.Errorf("set LESS: %q", got)
	}
}

func TestPagerNoCommandIsDirect(t *testing.T) {
	var out bytes.Buffer
	w, wait := Pager("", &out, &out, nil)
	if w != &out {
		t.Fatal("empty command must write straight to out")
	}
	if err := wait(); err != nil {
		t.Fatal(err)
	}
}

func TestPagerRunsCommand(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses sh")
	}
	if _, err := exec.LookPath("tr"); err != nil {
		t.Skip("no tr")
	}
	var out, errOut bytes.Buffer
	w, wait := Pager("tr a-z A-Z", &out, &errOut, func(string) string { return "" })
	w.Write([]byte("hello "))
	w.Write([]byte("pager\n"))
	if err := wait(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "HELLO PAGER\n" {
		t.Errorf("pager output %q", out.String())
	}
}

func TestPagerNeverWrittenNeverStarts(t *testing.T) {
	var out bytes.Buffer
	_, wait := Pager("/nonexistent/pager", &out, &out, nil)
	if err := wait(); err != nil {
		t.Fatal(err)
	}
}

func TestPagerQuitEarlyDropsOutput(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses sh")
	}
	var out bytes.Buffer
	w, wait := Pager("true", &out, &out, nil)
	big := bytes.Repeat([]byte("x"), 1<<20)
	for i := 0; i < 4; i++ {
		if n, err := w.Write(big); err != nil || n != len(big) {
			t.Fatalf("write after the pager quit: %d, %v", n, err)
		}
	}
	if err := wait(); err != nil {
		t.Fatal(err)
	}
}

func TestPagerMissingProgramWritesDirectly(t *testing.T) {
	var out bytes.Buffer
	w, wait := Pager("/nonexistent/pager -R", &out, &out, nil)
	w.Write([]byte("kept\n"))
	if err := wait(); err != nil {
		t.Fatal(err)
	}
	if out.String() != "kept\n" {
		t.Errorf("output %q", out.String())
	}
}
