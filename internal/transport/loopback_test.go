package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// captured is one request the loopback server saw.
type captured struct {
	method, path string
	header       http.Header
	body         []byte
}

// loopback starts a server answering every request with status and body,
// and returns it with the list of requests it has seen.
func loopback(t *testing.T, status int, answer string) (*httptest.Server, func() []captured) {
	t.Helper()
	var mu sync.Mutex
	var seen []captured
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		seen = append(seen, captured{r.Method, r.URL.Path, r.Header.Clone(), body})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		if status != 200 {
			w.Header().Set("x-amzn-ErrorType", "ResourceNotFoundException")
		}
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []captured { mu.Lock(); defer mu.Unlock(); return append([]captured(nil), seen...) }
}

// isolate gives the SDK test credentials and no shared files.
func isolate(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDTEST")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_DEFAULT_REGION", "eu-west-1")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ENDPOINT_URL", "")
	t.Setenv("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "")
	t.Setenv("AWS_MAX_ATTEMPTS", "")
	t.Setenv("AWS_RETRY_MODE", "")
}

func TestRequestOnTheWire(t *testing.T) {
	isolate(t)
	srv, seen := loopback(t, 200, `{"UserPoolClient":{"ClientName":"x"}}`)
	// Key order, spacing, escapes and big numbers must reach the wire
	// untouched: the SDK must not re-serialize the body.
	body := []byte(`{"UserPoolId": "us-east-1_x", "ClientId": "c", "ClientName": "n\u00e9 \"q\"", "RefreshTokenValidity": 100000000000000000000, "AccessTokenValidity": 1.0}`)
	cases := []struct {
		name     string
		op       string
		unsigned bool
		opts     Options
		signed   bool
		region   string
	}{
		{"signed", "UpdateUserPoolClient", false, Options{}, true, "eu-west-1"},
		{"unsigned-op", "InitiateAuth", true, Options{}, false, ""},
		{"signup", "SignUp", true, Options{}, false, ""},
		{"no-sign-request", "UpdateUserPoolClient", false, Options{NoSign: true}, false, ""},
		{"region", "DescribeUserPoolClient", false, Options{Region: "ap-south-1"}, true, "ap-south-1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := len(seen())
			o := c.opts
			o.EndpointURL = srv.URL
			cl, err := New(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := cl.Call(context.Background(), c.op, body, c.unsigned)
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != `{"UserPoolClient":{"ClientName":"x"}}` {
				t.Errorf("response body %q", resp.Body)
			}
			reqs := seen()[before:]
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.method != "POST" || r.path != "/" {
				t.Errorf("%s %s, want POST /", r.method, r.path)
			}
			if got := r.header.Get("X-Amz-Target"); got != "AWSCognitoIdentityProviderService."+c.op {
				t.Errorf("X-Amz-Target = %q", got)
			}
			if got := r.header.Get("Content-Type"); got != "application/x-amz-json-1.1" {
				t.Errorf("Content-Type = %q", got)
			}
			if string(r.body) != string(body) {
				t.Errorf("body on the wire:\n%s\nwant\n%s", r.body, body)
			}
			auth := r.header.Get("Authorization")
			if c.signed {
				want := "AWS4-HMAC-SHA256 Credential=AKIDTEST/"
				if !strings.HasPrefix(auth, want) || !strings.Contains(auth, "/"+c.region+"/cognito-idp/aws4_request") {
					t.Errorf("Authorization = %q, want SigV4 for %s", auth, c.region)
				}
				if r.header.Get("X-Amz-Date") == "" {
					t.Error("no X-Amz-Date on a signed request")
				}
			} else if auth != "" {
				t.Errorf("unsigned request carries Authorization %q", auth)
			}
		})
	}
}

func TestServiceErrorKeepsBody(t *testing.T) {
	isolate(t)
	answer := `{"__type":"ResourceNotFoundException","message":"User pool x does not exist."}`
	srv, _ := loopback(t, 400, answer)
	cl, err := New(context.Background(), Options{EndpointURL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cl.Call(context.Background(), "DescribeUserPool", []byte(`{"UserPoolId":"x"}`), false)
	var se *ServiceError
	if !errors.As(err, &se) {
		t.Fatalf("error %v (%T), want *ServiceError", err, err)
	}
	if se.Status != 400 || string(se.Body) != answer {
		t.Errorf("status %d body %q", se.Status, se.Body)
	}
}

func TestConnectionRefused(t *testing.T) {
	isolate(t)
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens there any more
	cl, err := New(context.Background(), Options{EndpointURL: url, MaxAttempts: 1, ConnectTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_, err = cl.Call(context.Background(), "ListUserPools", []byte(`{"MaxResults":1}`), false)
	var ce *ConnectError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T), want *ConnectError", err, err)
	}
	if !strings.Contains(err.Error(), url) {
		t.Errorf("message %q does not name the endpoint", err.Error())
	}
}
