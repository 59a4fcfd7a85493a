package cmd

import (
	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/paginate"
	"github.com/cognito-cli/aws/internal/progress"
)

// withProgress counts the pages and items of an auto-pagination on a
// progress line (stderr, terminals only, after about two seconds). The line
// is erased before each page printed and by the returned done, which must
// run before the result is printed.
func (a *app) withProgress(resultKey string, fetch paginate.Fetch, onPage func(*document.Map) error) (paginate.Fetch, func(*document.Map) error, func()) {
	m := progress.New(progress.Options{Out: a.io.ErrOut, TTY: a.io.StderrTTY, Now: a.io.Now})
	counted := func(p *document.Map) (*document.Map, error) {
		page, err := fetch(p)
		if err == nil && page != nil {
			n := 0
			if v, ok := page.Get(resultKey); ok {
				if items, ok := v.([]any); ok {
					n = len(items)
				}
			}
			m.Page(n)
		}
		return page, err
	}
	var each func(*document.Map) error
	if onPage != nil {
		each = func(page *document.Map) error {
			m.Clear()
			return onPage(page)
		}
	}
	return counted, each, m.Clear
}
