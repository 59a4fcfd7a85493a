package transport

import (
	"context"
	"io"
	"testing"

	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// TestClosedRequestBodyDrainsCleanly replays what net/http's request writer
// does after the SDK closed the request body early: drain the rest with
// io.Copy. An error there makes net/http close the connection.
func TestClosedRequestBodyDrainsCleanly(t *testing.T) {
	payload := []byte(`{"UserPoolId":"x"}`)
	req, err := smithyhttp.NewStackRequest().(*smithyhttp.Request).SetStream(newRequestBody(payload))
	if err != nil {
		t.Fatal(err)
	}
	if req.ContentLength != int64(len(payload)) {
		t.Fatalf("Content-Length %d, want %d", req.ContentLength, len(payload))
	}
	built := req.Build(context.Background())
	got, err := io.ReadAll(io.LimitReader(built.Body, built.ContentLength))
	if err != nil || string(got) != string(payload) {
		t.Fatalf("body %q, %v", got, err)
	}
	if err := built.Body.Close(); err != nil {
		t.Fatal(err)
	}
	if n, err := io.Copy(io.Discard, built.Body); n != 0 || err != nil {
		t.Fatalf("drain after close: %d bytes, %v; want 0, nil", n, err)
	}
	// The next attempt rewinds the stream and sends it whole again.
	if err := req.RewindStream(); err != nil {
		t.Fatal(err)
	}
	got, err = io.ReadAll(req.Build(context.Background()).Body)
	if err != nil || string(got) != string(payload) {
		t.Fatalf("rewound body %q, %v", got, err)
	}
}
