package e2e

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Request is one request seen by the recording proxy: the operation (from
// X-Amz-Target) and the body as sent.
type Request struct {
	Target string `json:"target"`
	Body   string `json:"body"`
}

// Proxy is a loopback HTTP proxy in front of moto that records the requests
// passing through it, so a test can compare what two CLIs sent.
type Proxy struct {
	ln   net.Listener
	srv  *http.Server
	mu   sync.Mutex
	reqs []Request
}

// maxBody bounds what the proxy buffers per request.
const maxBody = 16 << 20

// StartProxy listens on a free loopback port and forwards to target.
func StartProxy(target string) (*Proxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, fmt.Errorf("proxy target %q: %w", target, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("proxy: listen: %w", err)
	}
	p := &Proxy{ln: ln}
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(u)
			r.Out.Host = r.In.Host
		},
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true,
			ResponseHeaderTimeout: 60 * time.Second},
	}
	p.srv = &http.Server{
		ReadHeaderTimeout: 10 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
			if err != nil || len(body) > maxBody {
				http.Error(w, "proxy: cannot read request body", http.StatusBadRequest)
				return
			}
			target := r.Header.Get("X-Amz-Target")
			target = target[strings.LastIndex(target, ".")+1:]
			p.mu.Lock()
			p.reqs = append(p.reqs, Request{Target: target, Body: string(body)})
			p.mu.Unlock()
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.ContentLength = int64(len(body))
			rp.ServeHTTP(w, r)
		}),
	}
	go func() { _ = p.srv.Serve(ln) }()
	return p, nil
}

// Port is the proxy's loopback port.
func (p *Proxy) Port() int { return p.ln.Addr().(*net.TCPAddr).Port }

// Endpoint is the proxy's base URL.
func (p *Proxy) Endpoint() string { return "http://127.0.0.1:" + strconv.Itoa(p.Port()) }

// Take returns the requests recorded since the last Take and forgets them.
func (p *Proxy) Take() []Request {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := p.reqs
	p.reqs = nil
	return r
}

// Close stops the proxy.
func (p *Proxy) Close() error { return p.srv.Close() }
