package transport

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/cognito-cli/aws/internal/document"
)

// ErrorCodeMessage extracts the error code and message of a JSON-protocol
// error response as botocore does: the x-amzn-ErrorType header or the body's
// __type (else the status code), without any "namespace#" prefix or ":" suffix; the message from
// "message" or "Message".
func ErrorCodeMessage(status int, h http.Header, body []byte) (code, msg string) {
	var m *document.Map
	if v, err := document.ParseJSON(body); err == nil {
		m, _ = v.(*document.Map)
	}
	if t, ok := m.Get("__type"); ok {
		code, _ = t.(string)
	}
	if code == "" {
		code = h.Get("X-Amzn-Errortype")
	}
	if code == "" {
		code = strconv.Itoa(status)
	}
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	for _, k := range []string{"message", "Message"} {
		if v, ok := m.Get(k); ok {
			msg, _ = v.(string)
			break
		}
	}
	return code, msg
}
