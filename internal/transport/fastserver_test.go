package transport

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"

	"github.com/cognito-cli/aws/internal/benchdata"
)

// TestFastServerNoRetries pages through list-users answers from a Go
// server, which answers fast enough to race the transport's request
// writer: the SDK closes the request body as soon as the response headers
// arrive, and a body that then fails the writer's final drain made net/http
// close the connection under the response still being read. Every page
// must be requested exactly once: a retry means a connection was lost.
func TestFastServerNoRetries(t *testing.T) {
	isolate(t)
	// A race: before the fix this failed on about 40% of runs here;
	// TestClosedRequestBodyDrainsCleanly pins the cause deterministically.
	const (
		clients = 2
		pages   = 600
		total   = pages * benchdata.PageSize
	)
	var mu sync.Mutex
	seen := map[string]int{} // "client/start" -> requests
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		var in struct{ UserPoolId, PaginationToken string }
		if err == nil {
			err = json.Unmarshal(b, &in)
		}
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		from, _ := strconv.Atoi(in.PaginationToken)
		mu.Lock()
		seen[in.UserPoolId+"/"+strconv.Itoa(from)]++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Write(benchdata.ListUsers(from, min(from+benchdata.PageSize, total), total))
	}))
	t.Cleanup(srv.Close)

	for c := range clients {
		if err := listAll(srv.URL, fmt.Sprintf("pool%d", c), pages); err != nil {
			t.Error(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for c := range clients {
		for p := range pages {
			key := fmt.Sprintf("pool%d/%d", c, p*benchdata.PageSize)
			if n := seen[key]; n != 1 {
				t.Errorf("page %s requested %d times, want 1", key, n)
			}
		}
	}
	if len(seen) != clients*pages {
		t.Errorf("%d distinct pages requested, want %d", len(seen), clients*pages)
	}
}

// listAll follows the pagination tokens of one pool with one client, as a
// paginated command does, and checks it got every page.
func listAll(url, pool string, pages int) error {
	cl, err := New(context.Background(), Options{EndpointURL: url, ReadTimeout: -1, ConnectTimeout: -1})
	if err != nil {
		return err
	}
	token := ""
	for p := range pages {
		req := map[string]string{"UserPoolId": pool}
		if token != "" {
			req["PaginationToken"] = token
		}
		body, _ := json.Marshal(req)
		resp, err := cl.Call(context.Background(), "ListUsers", body, false)
		if err != nil {
			return fmt.Errorf("%s page %d: %w", pool, p, err)
		}
		var out struct {
			Users           []json.RawMessage
			PaginationToken string
		}
		if err := json.Unmarshal(resp.Body, &out); err != nil {
			return fmt.Errorf("%s page %d: %w", pool, p, err)
		}
		if len(out.Users) != benchdata.PageSize {
			return fmt.Errorf("%s page %d: %d users", pool, p, len(out.Users))
		}
		token = out.PaginationToken
	}
	if token != "" {
		return fmt.Errorf("%s: token %q after the last page", pool, token)
	}
	return nil
}
