package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// maxBackoff caps one retry delay, as botocore's standard mode does.
const maxBackoff = 20 * time.Second

// botocoreBackoff is botocore's standard-mode delay: a random fraction of
// 2^(n-1) seconds after the n-th attempt, at most 20 s (so at most 1 s,
// then 2 s, with the default 3 attempts). The SDK's own doubles that.
type botocoreBackoff struct{}

func (botocoreBackoff) BackoffDelay(attempt int, _ error) (time.Duration, error) {
	// The SDK numbers the attempt from 1, or from 0 with its opt-in 2026
	// retry behaviour.
	if os.Getenv("AWS_NEW_RETRIES_2026") == "true" {
		attempt++
	}
	if attempt < 1 {
		attempt = 1
	}
	if attempt > 16 {
		return maxBackoff, nil
	}
	d := time.Duration(rand.Float64() * float64(time.Second<<(attempt-1)))
	return min(d, maxBackoff), nil
}

// closedBeforeResponse makes a connection the server closed before it
// answered retryable, as botocore retries its ConnectionClosedError; the SDK
// leaves a bare EOF alone.
type closedBeforeResponse struct{}

func (closedBeforeResponse) IsErrorRetryable(err error) aws.Ternary {
	var se *smithyhttp.RequestSendError
	if errors.As(err, &se) && (errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET)) {
		return aws.TrueTernary
	}
	return aws.UnknownTernary
}

// newRetryer is the CLI's retryer: mode "adaptive" or standard, maxAttempts
// attempts in all (3 when zero), botocore's backoff.
func newRetryer(mode string, maxAttempts int) aws.Retryer {
	if maxAttempts <= 0 {
		maxAttempts = 3
	}
	std := func(so *retry.StandardOptions) {
		so.MaxAttempts = maxAttempts
		so.MaxBackoff = maxBackoff
		so.Backoff = botocoreBackoff{}
		so.Retryables = append([]retry.IsErrorRetryable{closedBeforeResponse{}}, so.Retryables...)
	}
	if mode == "adaptive" {
		return retry.NewAdaptiveMode(func(ao *retry.AdaptiveModeOptions) {
			ao.StandardOptions = append(ao.StandardOptions, std)
		})
	}
	return retry.NewStandard(std)
}

// ConnectionClosedError is a connection the server closed or reset before a
// complete answer arrived.
type ConnectionClosedError struct {
	URL string
	Err error
}

func (e *ConnectionClosedError) Error() string {
	return fmt.Sprintf("Connection was closed before we received a valid response from endpoint URL: \"%s\".", e.URL)
}

func (e *ConnectionClosedError) Unwrap() error { return e.Err }

// TruncatedError is a successful answer whose body ended before its
// Content-Length. The AWS CLI would print nothing and exit 0 here.
type TruncatedError struct {
	URL       string
	Got, Want int64
	Err       error
}

func (e *TruncatedError) Error() string {
	return fmt.Sprintf("The response from endpoint URL: \"%s\" was cut short: received %d of %d bytes", e.URL, e.Got, e.Want)
}

func (e *TruncatedError) Unwrap() error { return e.Err }

// readTimeoutDialer dials connections on which every read must complete
// within read, as the CLI's socket timeout does: a server that sends its
// headers and then trickles or stalls the body cannot hold a call past
// --cli-read-timeout. Zero means no limit.
func readTimeoutDialer(d *net.Dialer, read time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, addr)
		if err != nil || read <= 0 {
			return c, err
		}
		return &deadlineConn{Conn: c, read: read}, nil
	}
}

// deadlineConn renews its read deadline before every read.
type deadlineConn struct {
	net.Conn
	read time.Duration
}

func (c *deadlineConn) Read(p []byte) (int, error) {
	if err := c.Conn.SetReadDeadline(time.Now().Add(c.read)); err != nil {
		return 0, err
	}
	return c.Conn.Read(p)
}
