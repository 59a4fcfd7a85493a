package help

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRenderHTML(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p>One <code>two</code>.</p><p>Three &lt;x&gt;.</p>", "One two.\n\nThree <x>.\n"},
		{`<p>See <a href="https://x.example/d">the guide</a>.</p>`, "See the guide (https://x.example/d).\n"},
		{"<ul><li><p>a</p></li><li>b</li></ul>", "* a\n\n* b\n"},
		{"<ol><li>a</li><li>b</li></ol>", "1. a\n\n2. b\n"},
		{"<note><p>careful</p></note>", "NOTE:\n   careful\n"},
		{"<dl><dt>term</dt><dd><p>meaning</p></dd></dl>", "term\n\n   meaning\n"},
		{"<p>word</p  >unclosed <b>bold", "word\n\nunclosed bold\n"},
		{"a&#39;b &#x41; &bogus; & c", "a'b A &bogus; & c\n"},
		{"", ""},
	}
	for _, c := range cases {
		if got := RenderHTML(c.in, 0, 70); got != c.want {
			t.Errorf("RenderHTML(%q) =\n%q\nwant\n%q", c.in, got, c.want)
		}
	}
}

func TestRenderHTMLWraps(t *testing.T) {
	got := RenderHTML("<p>"+strings.Repeat("word ", 40)+"</p><ul><li>"+strings.Repeat("item ", 30)+"</li></ul>", 4, 40)
	for _, l := range strings.Split(strings.TrimRight(got, "\n"), "\n") {
		if utf8.RuneCountInString(l) > 40 {
			t.Errorf("line longer than 40: %q", l)
		}
		if l != "" && !strings.HasPrefix(l, "    ") {
			t.Errorf("line not indented: %q", l)
		}
	}
	if !strings.Contains(got, "\n    * item item") || !strings.Contains(got, "\n      item") {
		t.Errorf("list item does not hang under its bullet:\n%s", got)
	}
}

func TestSummary(t *testing.T) {
	if got := Summary("<p>Creates a pool. Then more.</p>"); got != "Creates a pool." {
		t.Errorf("Summary = %q", got)
	}
}

func FuzzRenderHTML(f *testing.F) {
	for _, s := range []string{"<p>a <code>b</code></p>", "<ul><li><p>x</p><ul><li>y</li></ul></li></ul>", "<a href='u'>t</a>", "&#xFFFFFFFF; &#;", strings.Repeat("<li>", 200), "<note><important>x</note>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := RenderHTML(s, 3, 20)
		_ = Summary(s)
		if strings.Contains(s, "<") {
			return
		}
		// Without markup, every word survives.
		if len(strings.Fields(decodeEntities(s))) > 0 && out == "" {
			t.Errorf("text %q rendered as nothing", s)
		}
	})
}
