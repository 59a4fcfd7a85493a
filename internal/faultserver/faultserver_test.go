package faultserver

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func post(url string) (*http.Response, []byte, error) {
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Post(url, "application/json", strings.NewReader("{}"))
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, body, err
}

func TestFaults(t *testing.T) {
	cases := []struct {
		fault   Fault
		status  int
		wantErr bool
		body    string
	}{
		{OK, 200, false, okBody},
		{Status500, 500, false, "InternalErrorException"},
		{Throttling, 400, false, "ThrottlingException"},
		{NotJSON, 200, false, "<html>"},
		{Truncated, 200, true, ""},
		{TruncatedJSON, 200, false, partialBody},
		{ResetBeforeResponse, 0, true, ""},
		{CloseBeforeResponse, 0, true, ""},
	}
	for _, c := range cases {
		s, err := Start(Config{Fault: c.fault})
		if err != nil {
			t.Fatal(err)
		}
		resp, body, err := post(s.URL())
		if (err != nil) != c.wantErr {
			t.Errorf("%s: error %v, want error %v", c.fault, err, c.wantErr)
		}
		if resp != nil && (resp.StatusCode != c.status || !strings.Contains(string(body), c.body)) {
			t.Errorf("%s: status %d body %q", c.fault, resp.StatusCode, body)
		}
		if s.Attempts() != 1 {
			t.Errorf("%s: %d attempts counted, want 1", c.fault, s.Attempts())
		}
		s.Close()
	}
	if _, err := Start(Config{Fault: "nope"}); err == nil {
		t.Error("an unknown fault was accepted")
	}
}

func TestSlowClosesPromptly(t *testing.T) {
	s, err := Start(Config{Fault: Slow, Delay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Timeout: 200 * time.Millisecond}
	if _, err := c.Post(s.URL(), "application/json", strings.NewReader("{}")); err == nil {
		t.Error("a slow answer came before the client's timeout")
	}
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close waited for a slow answer")
	}
}

func TestRefusedAndUnaccepting(t *testing.T) {
	url, err := RefusedURL()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(url, "http://"), time.Second); err == nil {
		t.Error("the refused port accepted a connection")
	}
	u, err := NewUnaccepting()
	if err == ErrUnsupported {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	start := time.Now()
	c, err := net.DialTimeout("tcp", strings.TrimPrefix(u.URL(), "http://"), 500*time.Millisecond)
	if err == nil {
		c.Close()
		t.Fatal("the unaccepting listener took a connection")
	}
	if ne, ok := err.(net.Error); !ok || !ne.Timeout() || time.Since(start) < 400*time.Millisecond {
		t.Errorf("dial ended with %v after %v, want a timeout", err, time.Since(start))
	}
}
