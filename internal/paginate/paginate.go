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
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cognito-cli/aws/internal/clierr"
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/params/pyconv"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

// Options are the CLI's pagination arguments.
type Options struct {
	StartingToken string // "" when not given
	MaxItems      *int64
	PageSize      any // int64 or *big.Int; nil when not given
	// Streaming says each page is printed as it arrives and FullResult
	// is not wanted: the pages' items are then not kept, so memory stays
	// at one page however long the listing.
	Streaming bool
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
}

// New prepares a pager for the operation's paginator.
func New(cfg model.Paginator, opts Options) *Pager {
	return &Pager{cfg: cfg, opts: opts}
}

// truncateKey is the resume token's record of items already returned from
// the page its service token names.
const truncateKey = "boto_truncate_amount"

// Run calls fetch until the last page or --max-items, passing each page
// (truncated as the CLI truncates it) to onPage. params are not modified.
// It follows PageIterator.__iter__ step by step, including where botocore
// raises: those errors are reported with the text the CLI prints.
func (p *Pager) Run(params *document.Map, fetch Fetch, onPage func(page *document.Map) error) error {
	kwargs := params.Copy()
	// next is botocore's next_token dict: the keys the current page was
	// fetched with, or the output token of the last page.
	next := document.NewMap(1)
	next.Set(p.cfg.InputToken, nil)
	var startIndex any = int64(0)
	hasStart := p.opts.StartingToken != ""
	if hasStart {
		tok, index, err := p.parseStartingToken(p.opts.StartingToken)
		if err != nil {
			return err
		}
		next, startIndex = tok, index
		injectToken(kwargs, tok)
	}
	if p.cfg.LimitKey != "" && p.opts.PageSize != nil {
		kwargs.Set(p.cfg.LimitKey, p.opts.PageSize)
	}
	var total int64
	first := true
	var previous *document.Map
	for {
		page, err := fetch(kwargs)
		if err != nil {
			return err
		}
		var startTrunc any = int64(0)
		if first {
			if hasStart {
				// _handle_first_request: drop what the token says was
				// already returned from this page.
				v, _ := page.Get(p.cfg.ResultKey)
				switch v.(type) {
				case []any, string:
					sliced, err := pySliceFrom(v, startIndex)
					if err != nil {
						return err
					}
					page.Set(p.cfg.ResultKey, sliced)
				default:
					page.Set(p.cfg.ResultKey, nil)
				}
				startTrunc = startIndex
			}
			first = false
		}
		v, _ := page.Get(p.cfg.ResultKey)
		n := pyLen(v)
		if p.opts.MaxItems != nil && total+n-*p.opts.MaxItems > 0 {
			keep := n - (total + n - *p.opts.MaxItems)
			cut, err := pySliceTo(v, keep)
			if err != nil {
				return err
			}
			page.Set(p.cfg.ResultKey, cut)
			amount, err := pyAdd(keep, startTrunc)
			if err != nil {
				return err
			}
			next.Set(truncateKey, amount)
			if err := p.setResume(next); err != nil {
				return err
			}
			return p.emit(page, onPage)
		}
		if err := p.emit(page, onPage); err != nil {
			return err
		}
		total += n
		next = document.NewMap(1)
		next.Set(p.cfg.InputToken, nextToken(page, p.cfg.OutputToken))
		if tv, _ := next.Get(p.cfg.InputToken); tv == nil {
			return nil
		}
		if p.opts.MaxItems != nil && total == *p.opts.MaxItems {
			return p.setResume(next)
		}
		if previous != nil && output.FormatJSON(previous, 0) == output.FormatJSON(next, 0) {
			return clierr.Runtime("Error during pagination: The same next token was received twice: %s", pyfmt.Repr(next))
		}
		injectToken(kwargs, next)
		previous = next
	}
}

func (p *Pager) emit(page *document.Map, onPage func(*document.Map) error) error {
	if v, ok := page.Get(p.cfg.ResultKey); ok && v != nil && !p.opts.Streaming {
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

// nextToken is _get_next_token: a false-y output token (missing, null, "",
// 0, empty list) is the end.
func nextToken(page *document.Map, key string) any {
	v, _ := page.Get(key)
	if !pyfmt.Truthy(v) {
		return nil
	}
	return v
}

// injectToken is _inject_token_into_kwargs: every key of the token dict is
// set, or removed when its value is None or the string "None".
func injectToken(kwargs, tok *document.Map) {
	for _, k := range tok.Keys() {
		v, _ := tok.Get(k)
		if v == nil || v == "None" {
			kwargs.Delete(k)
			continue
		}
		kwargs.Set(k, v)
	}
}

// setResume is the resume_token setter: the dict must hold exactly the
// input token (and the truncation amount); it is encoded as botocore's
// TokenEncoder does, the JSON of the dict (json.dumps, default separators)
// in base64.
func (p *Pager) setResume(t *document.Map) error {
	want := []string{p.cfg.InputToken}
	if _, ok := t.Get(truncateKey); ok {
		want = append(want, truncateKey)
	}
	have := append([]string(nil), t.Keys()...)
	sort.Strings(want)
	sort.Strings(have)
	if strings.Join(want, "\x00") != strings.Join(have, "\x00") {
		return clierr.Runtime("Bad starting token: %s", pyfmt.Repr(t))
	}
	p.resume = EncodeToken(t)
	p.hasResume = true
	return nil
}

// EncodeToken is TokenEncoder.encode for a dict of JSON values.
func EncodeToken(t *document.Map) string {
	return base64.StdEncoding.EncodeToString([]byte(pyDumps(t)))
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

// parseStartingToken is _parse_starting_token: TokenDecoder.decode (base64
// as Python's lenient b64decode reads it, UTF-8, JSON), and when that fails
// with a ValueError or TypeError, the deprecated "token___index" form or the
// raw service token. It returns the next-token dict and the truncation
// amount exactly as decoded (Python slices with whatever it holds).
func (p *Pager) parseStartingToken(s string) (*document.Map, any, error) {
	// TokenDecoder decodes token.encode('utf-8'): bytes, so non-ASCII
	// characters are skipped rather than rejected.
	if raw, err := pyconv.B64DecodeBytes(s); err == nil && utf8.Valid(raw) {
		if v, err := document.ParseJSON(raw); err == nil {
			switch t := v.(type) {
			case *document.Map:
				m := t.Copy()
				if ek, has := m.Get("boto_encoded_keys"); has {
					m.Delete("boto_encoded_keys")
					if l, isList := ek.([]any); ek != nil && (!isList || len(l) > 0) {
						// Byte-valued tokens never occur in cognito-idp.
						return nil, nil, clierr.Runtime("Bad starting token: %s (byte-encoded keys are not supported)", s)
					}
				}
				var index any = int64(0)
				if amount, has := m.Get(truncateKey); has {
					index = amount
					m.Delete(truncateKey)
				}
				return m, index, nil
			case []any:
				// list.pop('boto_encoded_keys', None) is a TypeError,
				// which sends botocore to the deprecated parser.
			default:
				return nil, nil, clierr.Runtime("'%s' object has no attribute 'pop'", pyfmt.TypeName(v))
			}
		}
	}
	// Deprecated form: "<token>___<index>".
	parts := strings.Split(s, "___")
	var index int64
	if len(parts) == 2 {
		if n, ok := document.ParsePythonInt(parts[1]); ok {
			switch i := n.(type) {
			case int64:
				index = i
			case *big.Int:
				index = clampBig(i)
			}
			parts = parts[:1]
		} else {
			parts = []string{s}
		}
	}
	if len(parts) > 1 {
		return nil, nil, clierr.Runtime("Bad starting token: %s", s)
	}
	m := document.NewMap(1)
	if parts[0] == "None" {
		m.Set(p.cfg.InputToken, nil)
	} else {
		m.Set(p.cfg.InputToken, parts[0])
	}
	return m, index, nil
}

// sliceIndexError is Python's message for a slice bound of the wrong type.
const sliceIndexError = "slice indices must be integers or None or have an __index__ method"

// pyIndex converts a slice bound as Python does: ints and bools; None is
// "no bound".
func pyIndex(v any) (int64, bool, error) {
	switch t := v.(type) {
	case nil:
		return 0, false, nil
	case bool:
		if t {
			return 1, true, nil
		}
		return 0, true, nil
	case int64:
		return t, true, nil
	case *big.Int:
		return clampBig(t), true, nil
	}
	return 0, false, clierr.Runtime("%s", sliceIndexError)
}

func clampBig(b *big.Int) int64 {
	if b.Sign() < 0 {
		return -1 << 62
	}
	return 1 << 62
}

// pyBound resolves a Python slice bound against a sequence of length n.
func pyBound(i, n int64) int64 {
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	}
	if i > n {
		i = n
	}
	return i
}

// pySliceFrom is v[from:] for a list or string.
func pySliceFrom(v any, from any) (any, error) {
	i, has, err := pyIndex(from)
	if err != nil {
		return nil, err
	}
	switch t := v.(type) {
	case []any:
		if !has {
			return t, nil
		}
		return t[pyBound(i, int64(len(t))):], nil
	case string:
		r := []rune(t)
		if !has {
			return t, nil
		}
		return string(r[pyBound(i, int64(len(r))):]), nil
	}
	return v, nil
}

// pySliceTo is v[:to] for a list or string (None counts as empty).
func pySliceTo(v any, to int64) (any, error) {
	switch t := v.(type) {
	case []any:
		return t[:pyBound(to, int64(len(t)))], nil
	case string:
		r := []rune(t)
		return string(r[:pyBound(to, int64(len(r)))]), nil
	}
	return []any{}, nil
}

// pyLen is len() of the result key's value, None counting as [].
func pyLen(v any) int64 {
	switch t := v.(type) {
	case []any:
		return int64(len(t))
	case string:
		return int64(utf8.RuneCountInString(t))
	}
	return 0
}

// pyAdd is amount_to_keep + starting_truncation.
func pyAdd(keep int64, start any) (any, error) {
	switch t := start.(type) {
	case int64:
		return keep + t, nil
	case bool:
		if t {
			return keep + 1, nil
		}
		return keep, nil
	case *big.Int:
		return new(big.Int).Add(big.NewInt(keep), t), nil
	case float64:
		return float64(keep) + t, nil
	}
	return nil, clierr.Runtime("unsupported operand type(s) for +: 'int' and '%s'", pyfmt.TypeName(start))
}
