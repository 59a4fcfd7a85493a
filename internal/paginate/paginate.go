// Package paginate follows an operation's output token the way botocore's
// PageIterator does for the AWS CLI: --starting-token, --max-items (with a
// mid-page truncation remembered in the resume token), --page-size, and the
// merged full result. Its tokens are botocore's, so a token printed by the
// reference resumes here and the other way round.
package paginate

import (
	"encoding/base64"
	"fmt"
	"math/big"
	"strings"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

// Options are the CLI's pagination arguments.
type Options struct {
	StartingToken string // "" when not given
	MaxItems      *int64
	PageSize      any // int64 or *big.Int; nil when not given
}

// Fetch makes one call with the given parameters and returns its decoded
// response.
type Fetch func(params *document.Map) (*document.Map, error)

// Pager iterates the pages of one paginated call.
type Pager struct {
	cfg        model.Paginator
	opts       Options
	resume     string
	hasResume  bool
	resultSeen bool
	result     []any
	maxItems   int64
}

// New prepares a pager for the operation's paginator.
func New(cfg model.Paginator, opts Options) *Pager {
	return &Pager{cfg: cfg, opts: opts}
}

// token is botocore's next-token dict: the input token, and the number of
// items already returned from the page it names.
type token struct {
	value    any // the service token, or nil
	truncate int64
	hasTrunc bool
}

// Run calls fetch until the last page or --max-items, passing each page
// (truncated as the CLI truncates it) to onPage. params are not modified.
func (p *Pager) Run(params *document.Map, fetch Fetch, onPage func(page *document.Map) error) error {
	kwargs := params.Copy()
	next := token{}
	var startTrunc int64
	if p.opts.StartingToken != "" {
		t, err := p.parseStartingToken(p.opts.StartingToken)
		if err != nil {
			return err
		}
		next = t
		startTrunc = t.truncate
		injectToken(kwargs, p.cfg.InputToken, t.value)
	}
	if p.cfg.LimitKey != "" && p.opts.PageSize != nil {
		kwargs.Set(p.cfg.LimitKey, p.opts.PageSize)
	}
	var total int64
	first := true
	var previous any
	hasPrevious := false
	for {
		page, err := fetch(kwargs)
		if err != nil {
			return err
		}
		truncBase := int64(0)
		if first {
			if p.opts.StartingToken != "" {
				truncBase = startTrunc
				if items, ok := resultList(page, p.cfg.ResultKey); ok {
					if truncBase > int64(len(items)) {
						truncBase = int64(len(items))
					}
					page.Set(p.cfg.ResultKey, items[truncBase:])
				} else if s, ok := page.Get(p.cfg.ResultKey); ok {
					if str, isStr := s.(string); isStr {
						page.Set(p.cfg.ResultKey, pySliceString(str, truncBase))
					} else {
						page.Set(p.cfg.ResultKey, nil)
					}
				} else {
					page.Set(p.cfg.ResultKey, nil)
				}
			}
			first = false
		}
		items, _ := resultList(page, p.cfg.ResultKey)
		n := int64(len(items))
		if p.opts.MaxItems != nil && total+n-*p.opts.MaxItems > 0 {
			keep := n - (total + n - *p.opts.MaxItems)
			page.Set(p.cfg.ResultKey, items[:keep])
			next.truncate = keep + truncBase
			next.hasTrunc = true
			p.setResume(next)
			if err := p.emit(page, onPage); err != nil {
				return err
			}
			return nil
		}
		if err := p.emit(page, onPage); err != nil {
			return err
		}
		total += n
		next = token{value: nextToken(page, p.cfg.OutputToken)}
		if next.value == nil {
			return nil
		}
		if p.opts.MaxItems != nil && total == *p.opts.MaxItems {
			p.setResume(next)
			return nil
		}
		if hasPrevious && sameToken(previous, next.value) {
			return clierr.Runtime("The same next token was received twice: {'%s': %s}", p.cfg.InputToken, pyRepr(next.value))
		}
		injectToken(kwargs, p.cfg.InputToken, next.value)
		previous, hasPrevious = next.value, true
	}
}

func (p *Pager) emit(page *document.Map, onPage func(*document.Map) error) error {
	if v, ok := page.Get(p.cfg.ResultKey); ok && v != nil {
		if list, isList := v.([]any); isList {
			if !p.resultSeen {
				p.result = make([]any, 0, len(list))
			}
			p.result = append(p.result, list...)
			p.resultSeen = true
		}
	}
	if onPage != nil {
		return onPage(page)
	}
	return nil
}

// ResumeToken is the NextToken the CLI prints after --max-items stopped
// early, or "".
func (p *Pager) ResumeToken() (string, bool) { return p.resume, p.hasResume }

// FullResult is build_full_result: the merged result key, then the resume
// token as NextToken.
func (p *Pager) FullResult() *document.Map {
	m := document.NewMap(2)
	if p.resultSeen {
		m.Set(p.cfg.ResultKey, p.result)
	}
	if p.hasResume {
		m.Set("NextToken", p.resume)
	}
	return m
}

// PageView is what the text format prints for one page: only the result key.
func (p *Pager) PageView(page *document.Map) *document.Map {
	m := document.NewMap(1)
	if v, ok := page.Get(p.cfg.ResultKey); ok && v != nil {
		m.Set(p.cfg.ResultKey, v)
	}
	return m
}

func resultList(page *document.Map, key string) ([]any, bool) {
	v, _ := page.Get(key)
	l, ok := v.([]any)
	return l, ok
}

// nextToken treats an empty or missing output token as the end.
func nextToken(page *document.Map, key string) any {
	v, ok := page.Get(key)
	if !ok || v == nil {
		return nil
	}
	if s, isStr := v.(string); isStr && s == "" {
		return nil
	}
	return v
}

func injectToken(kwargs *document.Map, key string, v any) {
	if v == nil || v == "None" {
		kwargs.Delete(key)
		return
	}
	kwargs.Set(key, v)
}

func sameToken(a, b any) bool { return output.FormatJSON(a, 0) == output.FormatJSON(b, 0) }

// setResume encodes the token as botocore's TokenEncoder does: the JSON of
// the dict (json.dumps, default separators), base64-encoded.
func (p *Pager) setResume(t token) {
	m := document.NewMap(2)
	m.Set(p.cfg.InputToken, t.value)
	if t.hasTrunc {
		m.Set("boto_truncate_amount", t.truncate)
	}
	p.resume = base64.StdEncoding.EncodeToString([]byte(pyDumps(m)))
	p.hasResume = true
}

// pyDumps is json.dumps with its default ASCII escaping.
func pyDumps(v any) string {
	s := output.FormatJSON(v, 0)
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		for _, u := range utf16Units(r) {
			fmt.Fprintf(&b, `\u%04x`, u)
		}
	}
	return b.String()
}

func utf16Units(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + (r >> 10)), uint16(0xDC00 + (r & 0x3FF))}
}

// parseStartingToken is _parse_starting_token: a base64 JSON dict, or else
// the deprecated "token___index" form, or else the raw service token.
func (p *Pager) parseStartingToken(s string) (token, error) {
	if raw, err := base64.StdEncoding.DecodeString(s); err == nil {
		if v, err := document.ParseJSON(raw); err == nil {
			if m, ok := v.(*document.Map); ok {
				t := token{}
				for _, k := range m.Keys() {
					val, _ := m.Get(k)
					switch k {
					case "boto_truncate_amount":
						switch n := val.(type) {
						case int64:
							t.truncate, t.hasTrunc = n, true
						case *big.Int:
							t.truncate, t.hasTrunc = n.Int64(), true
						}
					case p.cfg.InputToken:
						t.value = val
					default:
						return token{}, clierr.Runtime("Bad starting token: %s", s)
					}
				}
				return t, nil
			}
		}
	}
	// Deprecated form: "<token>___<index>".
	parts := strings.Split(s, "___")
	var index int64
	if len(parts) == 2 {
		if n, ok := document.ParsePythonInt(parts[1]); ok {
			if i, isInt := n.(int64); isInt {
				index = i
			}
			parts = parts[:1]
		} else {
			parts = []string{s}
		}
	}
	if len(parts) > 1 {
		return token{}, clierr.Runtime("Bad starting token: %s", s)
	}
	t := token{truncate: index, hasTrunc: index != 0}
	if parts[0] != "None" {
		t.value = parts[0]
	}
	return t, nil
}

func pySliceString(s string, from int64) string {
	r := []rune(s)
	if from > int64(len(r)) {
		return ""
	}
	return string(r[from:])
}

func pyRepr(v any) string {
	if s, ok := v.(string); ok {
		return "'" + s + "'"
	}
	return output.FormatJSON(v, 0)
}
