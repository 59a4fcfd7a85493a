// Package transport is the one place that talks to the service, through
// aws-sdk-go-v2: credentials, region, endpoint rules, SigV4, retries and
// timeouts all come from the SDK. What the SDK's typed structs would lose
// (member order, absent versus zero values) never passes through them: the
// request body is the JSON the model-driven pipeline built, and the response
// is handed back as raw bytes.
//
// The SDK has no exported way to invoke an operation generically, so every
// call rides on one typed operation whose serializer and deserializer are
// replaced; the auth scheme and the operation name seen by the SDK are those
// of the real operation.
package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	sdkconfig "github.com/aws/aws-sdk-go-v2/config"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Options configure a client. Zero values mean the CLI's defaults.
type Options struct {
	Profile     string // --profile; "" leaves the SDK's own choice (AWS_PROFILE)
	Region      string // --region; "" lets the SDK resolve it
	EndpointURL string // --endpoint-url
	NoSign      bool   // --no-sign-request
	NoVerifySSL bool   // --no-verify-ssl
	CABundle    string // --ca-bundle / AWS_CA_BUNDLE / ca_bundle
	// Timeouts; negative means the default of 60 s, zero means none.
	ConnectTimeout time.Duration
	ReadTimeout    time.Duration
	MaxAttempts    int    // 0: the SDK's resolution (AWS_MAX_ATTEMPTS, max_attempts, 3)
	RetryMode      string // "": the SDK's resolution
	Debug          io.Writer
}

// Client sends operations.
type Client struct {
	cfg aws.Config
	svc *cip.Client
	// debug receives the --debug log of responses; nil when off.
	debug io.Writer
}

// ErrNoRegion means no region was configured anywhere.
var ErrNoRegion = errors.New("no region")

// ProfileNotFoundError names a profile missing from the shared files.
type ProfileNotFoundError struct{ Profile string }

func (e *ProfileNotFoundError) Error() string {
	return fmt.Sprintf("The config profile (%s) could not be found", e.Profile)
}

// New loads configuration and builds the client. It does not resolve
// credentials; that happens on the first signed call.
func New(ctx context.Context, o Options) (*Client, error) {
	httpClient := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.Proxy = http.ProxyFromEnvironment
		connect := o.ConnectTimeout
		if connect < 0 {
			connect = 60 * time.Second
		}
		read := o.ReadTimeout
		if read < 0 {
			read = 60 * time.Second
		}
		t.DialContext = readTimeoutDialer(&net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second}, read)
		t.ResponseHeaderTimeout = read
		if t.TLSClientConfig == nil {
			t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		}
		if o.NoVerifySSL {
			t.TLSClientConfig.InsecureSkipVerify = true
		}
	})
	loadOpts := []func(*sdkconfig.LoadOptions) error{
		sdkconfig.WithHTTPClient(httpClient),
	}
	if o.Profile != "" {
		loadOpts = append(loadOpts, sdkconfig.WithSharedConfigProfile(o.Profile))
	}
	if o.Region != "" {
		loadOpts = append(loadOpts, sdkconfig.WithRegion(o.Region))
	}
	if o.CABundle != "" {
		pem, err := os.ReadFile(o.CABundle)
		if err != nil {
			return nil, fmt.Errorf("Could not find a suitable TLS CA certificate bundle, invalid path: %s", o.CABundle)
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		httpClient = httpClient.WithTransportOptions(func(t *http.Transport) {
			if t.TLSClientConfig == nil {
				t.TLSClientConfig = &tls.Config{}
			}
			t.TLSClientConfig.RootCAs = pool
		})
		loadOpts[0] = sdkconfig.WithHTTPClient(httpClient)
	}
	// The retryer is always the CLI's: botocore's backoff, and the attempts
	// and mode the caller resolved the way the CLI does.
	loadOpts = append(loadOpts, sdkconfig.WithRetryer(func() aws.Retryer {
		return newRetryer(strings.ToLower(o.RetryMode), o.MaxAttempts)
	}))
	if o.Debug != nil {
		loadOpts = append(loadOpts,
			sdkconfig.WithLogger(logging.NewStandardLogger(redactWriter{w: o.Debug})),
			// Responses are logged by the raw deserializer, which
			// knows when a body is safe to show.
			sdkconfig.WithClientLogMode(aws.LogRetries|aws.LogRequest))
	}
	if o.NoSign {
		loadOpts = append(loadOpts, sdkconfig.WithCredentialsProvider(aws.AnonymousCredentials{}))
	}
	cfg, err := sdkconfig.LoadDefaultConfig(ctx, loadOpts...)
	if err != nil {
		var nf sdkconfig.SharedConfigProfileNotExistError
		if errors.As(err, &nf) {
			return nil, &ProfileNotFoundError{Profile: nf.Profile}
		}
		return nil, err
	}
	if cfg.Region == "" {
		return nil, ErrNoRegion
	}
	svc := cip.NewFromConfig(cfg, func(co *cip.Options) {
		if o.EndpointURL != "" {
			co.BaseEndpoint = aws.String(o.EndpointURL)
		}
		co.AuthSchemeResolver = &authResolver{base: co.AuthSchemeResolver, noSign: o.NoSign}
		// The SDK would wrap the retryer with the AWS_MAX_ATTEMPTS it read
		// itself; the caller's value is the one that counts.
		co.RetryMaxAttempts = 0
	})
	c := &Client{cfg: cfg, svc: svc}
	if o.Debug != nil {
		c.debug = redactWriter{w: o.Debug}
	}
	return c, nil
}

// Response is a successful answer.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// ServiceError is an error answer from the service, kept raw so the caller
// can print it as the CLI does.
type ServiceError struct {
	Status int
	Header http.Header
	Body   []byte
	Code   string
	Msg    string
	// MaxAttemptsReached is set when the call gave up after its last
	// allowed attempt; Retries is then the number of retries made.
	MaxAttemptsReached bool
	Retries            int
}

func (e *ServiceError) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Msg) }

// ErrorCode makes the SDK's retryer see throttling codes.
func (e *ServiceError) ErrorCode() string { return e.Code }

// ErrorMessage completes smithy.APIError.
func (e *ServiceError) ErrorMessage() string { return e.Msg }

// ErrorFault completes smithy.APIError.
func (e *ServiceError) ErrorFault() smithy.ErrorFault {
	if e.Status >= 500 {
		return smithy.FaultServer
	}
	return smithy.FaultClient
}

// Call invokes operation op (its model name) with the JSON body and returns
// the raw response, a *ServiceError, or another error (credentials,
// connection, timeout).
func (c *Client) Call(ctx context.Context, op string, body []byte, unsigned bool) (*Response, error) {
	var resp Response
	st := callState{debug: c.debug}
	_, err := c.svc.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{}, func(co *cip.Options) {
		if r, ok := co.AuthSchemeResolver.(*authResolver); ok {
			rr := *r
			rr.op = op
			rr.unsigned = unsigned
			co.AuthSchemeResolver = &rr
		}
		co.APIOptions = append(co.APIOptions, func(stack *middleware.Stack) error {
			return rewire(stack, op, body, &resp, &st)
		})
	})
	if err != nil {
		return nil, st.classify(err)
	}
	return &resp, nil
}

// callState records what the attempts of one call saw.
type callState struct {
	url      string
	attempts int
	debug    io.Writer
}

// ConnectError is a failure to reach the endpoint.
type ConnectError struct {
	URL string
	Err error
}

func (e *ConnectError) Error() string {
	return fmt.Sprintf("Could not connect to the endpoint URL: \"%s\"", e.URL)
}

func (e *ConnectError) Unwrap() error { return e.Err }

// TimeoutError is a connect or read timeout.
type TimeoutError struct {
	URL     string
	Connect bool
	Err     error
}

func (e *TimeoutError) Error() string {
	if e.Connect {
		return fmt.Sprintf("Connect timeout on endpoint URL: \"%s\"", e.URL)
	}
	return fmt.Sprintf("Read timeout on endpoint URL: \"%s\"", e.URL)
}

func (e *TimeoutError) Unwrap() error { return e.Err }

// classify turns the SDK's wrapped error into one the caller can print as
// the CLI does.
func (st *callState) classify(err error) error {
	var se *ServiceError
	var me *retry.MaxAttemptsError
	if errors.As(err, &se) {
		if errors.As(err, &me) {
			se.MaxAttemptsReached = true
			se.Retries = me.Attempt - 1
		}
		return se
	}
	var te *TruncatedError
	if errors.As(err, &te) {
		return te
	}
	var ne net.Error
	var oe *net.OpError
	var send *smithyhttp.RequestSendError
	switch {
	case errors.As(err, &oe) && oe.Op == "dial":
		if oe.Timeout() {
			return &TimeoutError{URL: st.url, Connect: true, Err: err}
		}
		return &ConnectError{URL: st.url, Err: err}
	case errors.As(err, &ne) && ne.Timeout():
		return &TimeoutError{URL: st.url, Err: err}
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, net.ErrClosed),
		errors.As(err, &send) && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)):
		return &ConnectionClosedError{URL: st.url, Err: err}
	}
	return err
}

func rewire(stack *middleware.Stack, op string, body []byte, out *Response, st *callState) error {
	if _, err := stack.Initialize.Remove("OperationInputValidation"); err != nil {
		return err
	}
	if err := stack.Initialize.Insert(middleware.InitializeMiddlewareFunc("SetRealOperationName",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			return next.HandleInitialize(awsmiddleware.SetOperationName(ctx, op), in)
		}), "RegisterServiceMetadata", middleware.After); err != nil {
		return err
	}
	if err := stack.Serialize.Insert(middleware.SerializeMiddlewareFunc("ReplaceBody",
		func(ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler) (middleware.SerializeOutput, middleware.Metadata, error) {
			req, ok := in.Request.(*smithyhttp.Request)
			if !ok {
				return middleware.SerializeOutput{}, middleware.Metadata{}, fmt.Errorf("unexpected request type %T", in.Request)
			}
			req.Header.Set("X-Amz-Target", "AWSCognitoIdentityProviderService."+op)
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			r, err := req.SetStream(newRequestBody(body))
			if err != nil {
				return middleware.SerializeOutput{}, middleware.Metadata{}, err
			}
			in.Request = r
			return next.HandleSerialize(ctx, in)
		}), "OperationSerializer", middleware.After); err != nil {
		return err
	}
	if _, err := stack.Deserialize.Remove("OperationDeserializer"); err != nil {
		return err
	}
	return stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("RawDeserializer",
		func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
			if req, ok := in.Request.(*smithyhttp.Request); ok {
				st.url = req.URL.String()
			}
			st.attempts++
			o, md, err := next.HandleDeserialize(ctx, in)
			if err != nil {
				return o, md, err
			}
			hr, ok := o.RawResponse.(*smithyhttp.Response)
			if !ok {
				return o, md, fmt.Errorf("unexpected response type %T", o.RawResponse)
			}
			data, err := io.ReadAll(hr.Body)
			st.logResponse(hr, data)
			if errors.Is(err, io.ErrUnexpectedEOF) && hr.StatusCode < 300 && hr.ContentLength > 0 {
				return o, md, &TruncatedError{URL: st.url, Got: int64(len(data)), Want: hr.ContentLength, Err: err}
			}
			if err != nil {
				return o, md, &smithy.DeserializationError{Err: fmt.Errorf("failed to read response body: %w", err)}
			}
			if hr.StatusCode < 200 || hr.StatusCode >= 300 {
				code, msg := ErrorCodeMessage(hr.StatusCode, hr.Header, data)
				return o, md, &ServiceError{Status: hr.StatusCode, Header: hr.Header, Body: data, Code: code, Msg: msg}
			}
			*out = Response{Status: hr.StatusCode, Header: hr.Header, Body: data}
			o.Result = &cip.DescribeUserPoolClientOutput{}
			return o, md, nil
		}), middleware.After)
}

// authResolver picks the auth scheme of the real operation, not of the
// typed operation the call rides on.
type authResolver struct {
	base     cip.AuthSchemeResolver
	op       string
	unsigned bool
	noSign   bool
}

func (r *authResolver) ResolveAuthSchemes(ctx context.Context, p *cip.AuthResolverParameters) ([]*smithyauth.Option, error) {
	if r.unsigned || r.noSign {
		return []*smithyauth.Option{{SchemeID: smithyauth.SchemeIDAnonymous}}, nil
	}
	params := *p
	if r.op != "" {
		params.Operation = r.op
	}
	return r.base.ResolveAuthSchemes(ctx, &params)
}
