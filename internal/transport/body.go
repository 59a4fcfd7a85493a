package transport

import (
	"bytes"
	"io"
)

// requestBody is the request payload handed to the SDK. It is a
// bytes.Reader without WriteTo, on purpose.
//
// The SDK closes the request body as soon as the response headers arrive,
// while net/http's writer may still be finishing the request: after
// sending Content-Length bytes it drains the body once more. A closed
// body that can WriteTo answers that drain with io.EOF as an error, and
// net/http then closes the connection under the response being read
// ("use of closed network connection", seen against fast servers). Without
// WriteTo the drain goes through Read, where io.EOF is a clean end.
type requestBody struct{ r *bytes.Reader }

func newRequestBody(b []byte) *requestBody { return &requestBody{r: bytes.NewReader(b)} }

func (b *requestBody) Read(p []byte) (int, error) { return b.r.Read(p) }

func (b *requestBody) Seek(offset int64, whence int) (int64, error) {
	return b.r.Seek(offset, whence)
}

// Len lets the SDK take the Content-Length without seeking.
func (b *requestBody) Len() int { return b.r.Len() }

var _ io.ReadSeeker = (*requestBody)(nil)
