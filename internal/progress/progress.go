// Package progress shows how far a long auto-pagination has got: one line
// on stderr, rewritten in place ("pages 12, items 1200"), once the work has
// run longer than a threshold. It is shown only when stderr is a terminal,
// so scripts and captured output never see it, and it never writes to
// stdout; the line is erased before anything else is printed.
package progress

import (
	"fmt"
	"io"
	"time"
)

// DefaultThreshold is how long pagination runs before the line appears.
const DefaultThreshold = 2 * time.Second

// Options configure a Meter.
type Options struct {
	// Out is where the line goes (stderr).
	Out io.Writer
	// TTY says whether Out is a terminal; without it the meter is silent.
	TTY bool
	// Threshold is the delay before the line first appears; zero means
	// DefaultThreshold.
	Threshold time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Meter counts pages and items and draws the line.
type Meter struct {
	out       io.Writer
	enabled   bool
	threshold time.Duration
	now       func() time.Time
	start     time.Time
	pages     int
	items     int
	drawn     bool // the line is on screen
	width     int  // length of the line on screen
}

// New starts a meter; its clock starts now.
func New(o Options) *Meter {
	m := &Meter{out: o.Out, enabled: o.TTY && o.Out != nil, threshold: o.Threshold, now: o.Now}
	if m.threshold <= 0 {
		m.threshold = DefaultThreshold
	}
	if m.now == nil {
		m.now = time.Now
	}
	m.start = m.now()
	return m
}

// Page records one fetched page of n items and redraws the line when the
// work has run past the threshold. A nil meter does nothing.
func (m *Meter) Page(n int) {
	if m == nil {
		return
	}
	m.pages++
	m.items += n
	if !m.enabled || m.now().Sub(m.start) < m.threshold {
		return
	}
	line := fmt.Sprintf("pages %d, items %d", m.pages, m.items)
	pad := ""
	if len(line) < m.width {
		pad = fmt.Sprintf("%*s", m.width-len(line), "")
	}
	// \r returns to the start of the line; padding covers a longer
	// previous line on terminals that ignore the erase sequence.
	fmt.Fprintf(m.out, "\r%s%s\x1b[K", line, pad)
	m.drawn = true
	if len(line) > m.width {
		m.width = len(line)
	}
}

// Clear erases the line, if shown, so that other output starts on a clean
// line. The next Page draws it again.
func (m *Meter) Clear() {
	if m == nil || !m.drawn {
		return
	}
	fmt.Fprintf(m.out, "\r%*s\r", m.width, "")
	m.drawn = false
}

// Counts returns the pages and items recorded so far.
func (m *Meter) Counts() (pages, items int) {
	if m == nil {
		return 0, 0
	}
	return m.pages, m.items
}
