// Package faultserver is a loopback HTTP server for tests that answers like a
// broken or overloaded Cognito endpoint: server errors, throttling, resets,
// bodies that are not JSON or are cut short, answers slower than a read
// timeout. It also provides a port that refuses connections and a listener
// that never accepts one. Everything listens on 127.0.0.1 only.
package faultserver

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Fault is how the server answers every request.
type Fault string

// The faults. Each answers every attempt the same way, so a client that
// retries sees the same fault each time.
const (
	// OK answers a small valid DescribeUserPool response.
	OK Fault = "ok"
	// Status500 is an InternalErrorException with HTTP 500.
	Status500 Fault = "500"
	// Status503 is a 503 with an empty body, as a load balancer sends it.
	Status503 Fault = "503"
	// Throttling is HTTP 400 with __type ThrottlingException.
	Throttling Fault = "throttling"
	// TooManyRequests is HTTP 400 with __type TooManyRequestsException.
	TooManyRequests Fault = "too-many-requests"
	// NotFound is HTTP 400 with __type ResourceNotFoundException, an error
	// that is not retried.
	NotFound Fault = "not-found"
	// ResetBeforeResponse reads the request and resets the connection
	// without answering.
	ResetBeforeResponse Fault = "reset-before-response"
	// CloseBeforeResponse reads the request and closes the connection
	// normally without answering.
	CloseBeforeResponse Fault = "close-before-response"
	// ResetMidBody sends the headers of a 200 and part of its body, then
	// resets the connection.
	ResetMidBody Fault = "reset-mid-body"
	// NotJSON is a 200 whose body is HTML.
	NotJSON Fault = "not-json"
	// Truncated is a 200 whose Content-Length promises more than is sent
	// before the connection is closed normally.
	Truncated Fault = "truncated"
	// TruncatedJSON is a 200 delimited by closing the connection, whose
	// JSON body stops in the middle.
	TruncatedJSON Fault = "truncated-json"
	// Slow answers OK after Config.Delay.
	Slow Fault = "slow"
	// SlowBody sends the headers of a 200 at once, then its body one byte
	// every Config.Delay.
	SlowBody Fault = "slow-body"
	// Pages answers ListUsers pages of one user each, after Config.Delay,
	// every one with a PaginationToken: a pagination that never ends.
	Pages Fault = "pages"
)

// Faults lists every fault the server can play.
func Faults() []Fault {
	return []Fault{OK, Status500, Status503, Throttling, TooManyRequests, NotFound,
		ResetBeforeResponse, CloseBeforeResponse, ResetMidBody, NotJSON, Truncated, TruncatedJSON, Slow, SlowBody, Pages}
}

// Bodies of the answers; okBody is a complete DescribeUserPool response.
const (
	okBody       = `{"UserPool": {"Id": "us-east-1_fault", "Name": "fault"}}`
	partialBody  = `{"UserPool": {"Id": "us-east-1_fault", "Na`
	notJSONBody  = "<html><body>502 Bad Gateway</body></html>\n"
	jsonType     = "application/x-amz-json-1.1"
	promisedSize = 200
)

// Config chooses the fault.
type Config struct {
	Fault Fault
	// Delay is how long Slow waits before answering.
	Delay time.Duration
	// Body, when set, replaces the body of the OK and Slow answers.
	Body string
}

// Server is a running fault server.
type Server struct {
	cfg      Config
	ln       net.Listener
	srv      *http.Server
	attempts atomic.Int64
	done     chan struct{}
	// stop ends pending Slow answers when the server closes.
	stop     chan struct{}
	stopOnce sync.Once
}

// Start listens on a free loopback port and serves cfg.Fault.
func Start(cfg Config) (*Server, error) {
	known := false
	for _, f := range Faults() {
		known = known || f == cfg.Fault
	}
	if !known {
		return nil, fmt.Errorf("faultserver: unknown fault %q", cfg.Fault)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("faultserver: listen: %w", err)
	}
	s := &Server{cfg: cfg, ln: ln, done: make(chan struct{}), stop: make(chan struct{})}
	s.srv = &http.Server{Handler: http.HandlerFunc(s.serve), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		defer close(s.done)
		s.srv.Serve(ln)
	}()
	return s, nil
}

// URL is the endpoint URL to give the client.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() }

// Attempts is how many requests the server has received.
func (s *Server) Attempts() int { return int(s.attempts.Load()) }

// Close stops the server and waits for it.
func (s *Server) Close() error {
	s.stopOnce.Do(func() { close(s.stop) })
	err := s.srv.Close()
	<-s.done
	return err
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	// The whole request is read first, so a reset never races the client's
	// write of its body.
	io.Copy(io.Discard, r.Body)
	s.attempts.Add(1)
	h := w.Header()
	switch s.cfg.Fault {
	case OK:
		writeJSON(w, http.StatusOK, s.okBody())
	case Status500:
		writeJSON(w, http.StatusInternalServerError,
			`{"__type": "InternalErrorException", "message": "Internal server error"}`)
	case Status503:
		w.WriteHeader(http.StatusServiceUnavailable)
	case Throttling:
		writeJSON(w, http.StatusBadRequest, `{"__type": "ThrottlingException", "message": "Rate exceeded"}`)
	case TooManyRequests:
		writeJSON(w, http.StatusBadRequest,
			`{"__type": "TooManyRequestsException", "message": "Too many requests"}`)
	case NotFound:
		writeJSON(w, http.StatusBadRequest,
			`{"__type": "ResourceNotFoundException", "message": "User pool x does not exist."}`)
	case ResetBeforeResponse:
		hijack(w, "", true)
	case CloseBeforeResponse:
		hijack(w, "", false)
	case ResetMidBody:
		hijack(w, rawHead(promisedSize)+partialBody, true)
	case Truncated:
		hijack(w, rawHead(promisedSize)+partialBody, false)
	case TruncatedJSON:
		hijack(w, rawHead(-1)+partialBody, false)
	case NotJSON:
		h.Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, notJSONBody)
	case Slow:
		select {
		case <-time.After(s.cfg.Delay):
			writeJSON(w, http.StatusOK, s.okBody())
		case <-s.stop:
		case <-r.Context().Done():
		}
	case SlowBody:
		body := s.okBody()
		w.Header().Set("Content-Type", jsonType)
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(http.StatusOK)
		for i := 0; i < len(body); i++ {
			w.Write([]byte{body[i]})
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
			select {
			case <-time.After(s.cfg.Delay):
			case <-s.stop:
				return
			case <-r.Context().Done():
				return
			}
		}
	case Pages:
		n := s.attempts.Load()
		select {
		case <-time.After(s.cfg.Delay):
			writeJSON(w, http.StatusOK, fmt.Sprintf(
				`{"Users": [{"Username": "user-%d", "Enabled": true}], "PaginationToken": "token-%d"}`, n, n))
		case <-s.stop:
		case <-r.Context().Done():
		}
	}
}

func (s *Server) okBody() string {
	if s.cfg.Body != "" {
		return s.cfg.Body
	}
	return okBody
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", jsonType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// rawHead is the head of a 200; a negative size leaves the length to the
// end of the connection.
func rawHead(size int) string {
	head := "HTTP/1.1 200 OK\r\nContent-Type: " + jsonType + "\r\n"
	if size >= 0 {
		head += "Content-Length: " + strconv.Itoa(size) + "\r\n"
	} else {
		head += "Connection: close\r\n"
	}
	return head + "\r\n"
}

// hijack writes raw bytes on the connection and ends it, with a reset (an
// RST, from a zero linger) or a normal close.
func hijack(w http.ResponseWriter, raw string, reset bool) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		return
	}
	if raw != "" {
		buf.WriteString(raw)
		buf.Flush()
	}
	if tc, ok := conn.(*net.TCPConn); ok && reset {
		// Let the bytes written reach the client before the reset.
		time.Sleep(50 * time.Millisecond)
		tc.SetLinger(0)
	}
	conn.Close()
}

// RefusedURL is an endpoint URL on a loopback port where nothing listens, so
// connecting is refused. The port was free a moment ago; another process
// could take it, which tests accept as a (rare) flake.
func RefusedURL() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("faultserver: listen: %w", err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return "", err
	}
	return "http://" + addr, nil
}

// ErrUnsupported means the platform cannot make a listener that never
// accepts.
var ErrUnsupported = errors.New("faultserver: a never-accepting listener is not supported here")
