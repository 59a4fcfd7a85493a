package progress

import (
	"bytes"
	"testing"
	"time"
)

// fakeClock advances by step on every reading.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

func TestSilentBeforeThreshold(t *testing.T) {
	var buf bytes.Buffer
	m := New(Options{Out: &buf, TTY: true, Now: fakeClock(100 * time.Millisecond)})
	for i := 0; i < 5; i++ {
		m.Page(10)
	}
	m.Clear()
	if buf.Len() != 0 {
		t.Fatalf("drew before the threshold: %q", buf.String())
	}
	if p, n := m.Counts(); p != 5 || n != 50 {
		t.Fatalf("counts %d %d", p, n)
	}
}

func TestDrawsAndClears(t *testing.T) {
	var buf bytes.Buffer
	m := New(Options{Out: &buf, TTY: true, Threshold: 2 * time.Second, Now: fakeClock(time.Second)})
	m.Page(60) // 1 s
	m.Page(60) // 2 s: shown
	m.Page(5)  // 3 s
	want := "\rpages 2, items 120\x1b[K\rpages 3, items 125\x1b[K"
	if buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
	buf.Reset()
	m.Clear()
	if want := "\r" + "                  " + "\r"; buf.String() != want {
		t.Fatalf("clear wrote %q, want %q", buf.String(), want)
	}
	buf.Reset()
	m.Clear()
	if buf.Len() != 0 {
		t.Fatalf("second clear wrote %q", buf.String())
	}
}

func TestShorterLinePadded(t *testing.T) {
	var buf bytes.Buffer
	m := New(Options{Out: &buf, TTY: true, Threshold: time.Nanosecond, Now: fakeClock(time.Second)})
	m.Page(1000)
	buf.Reset()
	m.items = 0 // a shorter line must cover the longer one
	m.Page(1)
	if want := "\rpages 2, items 1   \x1b[K"; buf.String() != want {
		t.Fatalf("got %q, want %q", buf.String(), want)
	}
}

func TestNeverWithoutTTY(t *testing.T) {
	var buf bytes.Buffer
	m := New(Options{Out: &buf, TTY: false, Threshold: time.Nanosecond, Now: fakeClock(time.Hour)})
	for i := 0; i < 3; i++ {
		m.Page(1)
	}
	m.Clear()
	if buf.Len() != 0 {
		t.Fatalf("wrote %q without a terminal", buf.String())
	}
	var nilMeter *Meter
	nilMeter.Page(1)
	nilMeter.Clear()
}
