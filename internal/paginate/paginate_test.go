package paginate

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"testing"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/params/pyconv"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

// recorded is testdata/recorded.json, written by testdata/record.py from
// botocore's own PageIterator, TokenEncoder and base64.b64decode.
type recorded struct {
	Botocore  string            `json:"botocore"`
	Scenarios []json.RawMessage `json:"scenarios"`
	Encodings []struct {
		Token   json.RawMessage `json:"token"`
		Encoded string          `json:"encoded"`
	} `json:"encodings"`
	B64 []struct {
		In    string  `json:"in"`
		Hex   *string `json:"hex"`
		Error string  `json:"error"`
	} `json:"b64"`
}

func loadRecorded(t *testing.T) *recorded {
	t.Helper()
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

// doc parses recorded JSON keeping key order and ints.
func doc(t *testing.T, raw []byte) any {
	t.Helper()
	v, err := document.ParseJSON(raw)
	if err != nil {
		t.Fatalf("parsing %s: %v", raw, err)
	}
	return v
}

func field(m *document.Map, k string) any { v, _ := m.Get(k); return v }

var configs = map[string]model.Paginator{
	"ListUsers":  {InputToken: "PaginationToken", OutputToken: "PaginationToken", LimitKey: "Limit", ResultKey: "Users"},
	"ListGroups": {InputToken: "NextToken", OutputToken: "NextToken", LimitKey: "Limit", ResultKey: "Groups"},
}

// errNoPage is the fake service's answer to a token it never issued (the
// recording's KeyError).
var errNoPage = errors.New("no page for token")

func TestAgainstBotocore(t *testing.T) {
	r := loadRecorded(t)
	if len(r.Scenarios) < 100 {
		t.Fatalf("only %d recorded scenarios", len(r.Scenarios))
	}
	for i, raw := range r.Scenarios {
		sc := doc(t, raw).(*document.Map)
		start, _ := field(sc, "starting_token").(string)
		name := fmt.Sprintf("%d/%s/max=%v/size=%v/start=%q", i, field(sc, "op"), field(sc, "max_items"), field(sc, "page_size"), start)
		if _, isStr := field(sc, "starting_token").(string); isStr && start == "" {
			// The CLI never passes an empty starting token: Options
			// cannot express it.
			continue
		}
		t.Run(name, func(t *testing.T) {
			cfg := configs[field(sc, "op").(string)]
			opts := Options{StartingToken: start, PageSize: field(sc, "page_size")}
			if mi, ok := field(sc, "max_items").(int64); ok {
				opts.MaxItems = &mi
			}
			pages := field(sc, "pages").(*document.Map)
			var calls, yielded []any
			fetch := func(kwargs *document.Map) (*document.Map, error) {
				calls = append(calls, kwargs.Copy())
				if len(calls) > 50 {
					return nil, errors.New("too many calls")
				}
				key := ""
				if v, ok := kwargs.Get(cfg.InputToken); ok {
					s, isStr := v.(string)
					if !isStr {
						return nil, errNoPage
					}
					key = s
				}
				pg, ok := pages.Get(key)
				if !ok {
					return nil, errNoPage
				}
				// A deep copy, as the fake method returns.
				return doc(t, []byte(output.FormatJSON(pg, 0))).(*document.Map), nil
			}
			p := New(cfg, opts)
			err := p.Run(field(sc, "params").(*document.Map), fetch, func(page *document.Map) error {
				yielded = append(yielded, doc(t, []byte(output.FormatJSON(page, 0))))
				return nil
			})
			same(t, "calls", field(sc, "calls"), calls)
			same(t, "yielded pages", field(sc, "yielded"), yielded)
			if e, ok := field(sc, "error").(*document.Map); ok {
				typ, msg := field(e, "type").(string), field(e, "message").(string)
				if typ == "KeyError" {
					if !errors.Is(err, errNoPage) {
						t.Fatalf("error = %v, want the fetch's own error", err)
					}
					return
				}
				var ce *clierr.Error
				if !errors.As(err, &ce) || ce.Message != msg || ce.Exit != clierr.ExitRuntime {
					t.Fatalf("error = %#v, want %s: %q (exit 255)", err, typ, msg)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			same(t, "full result", field(sc, "full_result"), p.FullResult())
			tok, has := p.ResumeToken()
			want, wantHas := field(sc, "resume_token").(string)
			if has != wantHas || tok != want {
				t.Fatalf("resume token = %q (%v), want %q (%v)", tok, has, want, wantHas)
			}
		})
	}
}

func same(t *testing.T, what string, want, got any) {
	t.Helper()
	w, g := output.FormatJSON(want, 0), output.FormatJSON(got, 0)
	if got == nil || (what != "full result" && fmt.Sprint(got) == "[]") {
		g = output.FormatJSON([]any{}, 0)
		if got == nil {
			g = "[]"
		}
	}
	if w != g {
		t.Fatalf("%s differ\nwant %s\n got %s", what, w, g)
	}
}

func TestEncodeTokenAgainstBotocore(t *testing.T) {
	r := loadRecorded(t)
	for _, e := range r.Encodings {
		m := doc(t, e.Token).(*document.Map)
		if got := EncodeToken(m); got != e.Encoded {
			t.Errorf("EncodeToken(%s) = %s, want %s", e.Token, got, e.Encoded)
		}
	}
}

func TestB64DecodeAgainstPython(t *testing.T) {
	r := loadRecorded(t)
	if len(r.B64) < 100 {
		t.Fatalf("only %d recorded inputs", len(r.B64))
	}
	for _, c := range r.B64 {
		got, err := pyconv.B64DecodeBytes(c.In)
		ok := err == nil
		if c.Hex == nil {
			if ok {
				t.Errorf("B64DecodeBytes(%q) = %x, want error %q", c.In, got, c.Error)
			}
			continue
		}
		if !ok || hex.EncodeToString(got) != *c.Hex {
			t.Errorf("B64DecodeBytes(%q) = %x, %v; want %s", c.In, got, ok, *c.Hex)
		}
	}
}

// TestRoundTrip resumes from every token the pager prints, for every page
// size and --max-items, and checks the pieces add up to the full list.
func TestRoundTrip(t *testing.T) {
	cfg := configs["ListUsers"]
	const total = 23
	for size := 1; size <= 7; size++ {
		for max := int64(1); max <= total+1; max++ {
			fetch := func(kw *document.Map) (*document.Map, error) {
				from := 0
				if v, ok := kw.Get("PaginationToken"); ok {
					fmt.Sscanf(v.(string), "p%d", &from)
				}
				page := document.NewMap(2)
				var items []any
				for i := from; i < from+size && i < total; i++ {
					items = append(items, int64(i))
				}
				page.Set("Users", items)
				if from+size < total {
					page.Set("PaginationToken", fmt.Sprintf("p%d", from+size))
				}
				return page, nil
			}
			var all []any
			start := ""
			for round := 0; round <= total+1; round++ {
				m := max
				p := New(cfg, Options{StartingToken: start, MaxItems: &m})
				if err := p.Run(document.NewMap(0), fetch, nil); err != nil {
					t.Fatal(err)
				}
				got, _ := p.FullResult().Get("Users")
				items, _ := got.([]any)
				if int64(len(items)) > max {
					t.Fatalf("size %d max %d: %d items", size, max, len(items))
				}
				all = append(all, items...)
				tok, ok := p.ResumeToken()
				if !ok {
					break
				}
				start = tok
			}
			if len(all) != total {
				t.Fatalf("size %d max %d: collected %d items", size, max, len(all))
			}
			for i, v := range all {
				if v != int64(i) {
					t.Fatalf("size %d max %d: item %d is %v", size, max, i, v)
				}
			}
		}
	}
}

// FuzzStartingToken feeds arbitrary tokens and --max-items through Run: no
// input may panic or loop.
func FuzzStartingToken(f *testing.F) {
	for _, s := range []string{"abc", "abc___1", "eyJOZXh0VG9rZW4iOiAiYSJ9", "bnVsbA==", "WzFd", "x___y___z",
		"eyJOZXh0VG9rZW4iOiAiYSIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IC05OTk5OTk5OTk5OTk5OTk5OTk5OTk5fQ=="} {
		f.Add(s, int64(2))
	}
	f.Fuzz(func(t *testing.T, s string, max int64) {
		cfg := configs["ListGroups"]
		calls := 0
		fetch := func(kw *document.Map) (*document.Map, error) {
			calls++
			page := document.NewMap(2)
			page.Set("Groups", []any{"a", "b", "c"})
			if calls < 3 {
				page.Set("NextToken", fmt.Sprintf("t%d", calls))
			}
			return page, nil
		}
		p := New(cfg, Options{StartingToken: s, MaxItems: &max, PageSize: big.NewInt(3)})
		_ = p.Run(document.NewMap(0), fetch, nil)
		if calls > 3 {
			t.Fatalf("%d calls for 3 pages", calls)
		}
	})
}

// Streaming keeps no merged result but hands every page over, with the same
// resume token as a merging run.
func TestStreamingKeepsNoResult(t *testing.T) {
	cfg := configs["ListUsers"]
	const total, size = 23, 5
	fetch := func(kw *document.Map) (*document.Map, error) {
		from := 0
		if v, ok := kw.Get("PaginationToken"); ok {
			fmt.Sscanf(v.(string), "p%d", &from)
		}
		page := document.NewMap(2)
		var items []any
		for i := from; i < from+size && i < total; i++ {
			items = append(items, int64(i))
		}
		page.Set("Users", items)
		if from+size < total {
			page.Set("PaginationToken", fmt.Sprintf("p%d", from+size))
		}
		return page, nil
	}
	max := int64(12)
	merged := New(cfg, Options{MaxItems: &max})
	if err := merged.Run(document.NewMap(0), fetch, nil); err != nil {
		t.Fatal(err)
	}
	streamed := New(cfg, Options{MaxItems: &max, Streaming: true})
	seen := 0
	if err := streamed.Run(document.NewMap(0), fetch, func(page *document.Map) error {
		items, _ := field(page, "Users").([]any)
		seen += len(items)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if seen != 12 {
		t.Errorf("streamed %d items, want 12", seen)
	}
	if _, ok := streamed.FullResult().Get("Users"); ok {
		t.Error("a streaming run kept the merged result")
	}
	mt, mok := merged.ResumeToken()
	st, sok := streamed.ResumeToken()
	if mt != st || mok != sok {
		t.Errorf("resume token %q/%v, merging run gives %q/%v", st, sok, mt, mok)
	}
}
