package transport

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"time"

	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// secretHeader matches header lines that carry a credential: the session
// token. (The secret access key is never sent; the Authorization header
// holds only the key id and a signature, which the AWS CLI shows too.)
var secretHeader = regexp.MustCompile(`(?im)^(x-amz-security-token:[ \t]*)[^\r\n]*`)

// redactedValue replaces a credential in --debug output.
const redactedValue = "<redacted>"

// redactWriter hides credentials in the SDK's request and response logs.
// The SDK's standard logger hands over one whole entry per Write, so a
// header line is never split between two calls.
type redactWriter struct{ w io.Writer }

func (r redactWriter) Write(p []byte) (int, error) {
	if _, err := r.w.Write(Redact(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Redact hides the credentials in one block of logged HTTP text.
func Redact(p []byte) []byte {
	return secretHeader.ReplaceAll(p, []byte("${1}"+redactedValue))
}

// logResponse writes the status and headers of an answer to the --debug
// log, and the body of an error answer. A successful body is left out: it
// can hold tokens and client secrets.
func (st *callState) logResponse(hr *smithyhttp.Response, body []byte) {
	if st.debug == nil {
		return
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "SDK %s DEBUG Response\n%s %s\n", time.Now().UTC().Format("2006/01/02 15:04:05"), hr.Proto, hr.Status)
	hr.Header.Write(&b)
	b.WriteString("\n")
	if hr.StatusCode >= 300 {
		b.Write(body)
		b.WriteString("\n")
	} else {
		fmt.Fprintf(&b, "(%d bytes of body not shown)\n", len(body))
	}
	st.debug.Write(b.Bytes())
}
