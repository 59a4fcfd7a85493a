package response

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/internal/pyfmt"
	"github.com/cognito-cli/aws/model"
)

// ErrorResponse is a service error as botocore (1.43.11) parses it from a
// JSON-protocol error response.
type ErrorResponse struct {
	// Code is the error code: the body's __type without its namespace
	// ("com.amazon#X" → "X") or anything after a colon, else the HTTP
	// status as text.
	Code string
	// Message is the body's "message", else "Message", else empty, printed
	// as Python's str() would print it.
	Message string
	// Fields are the modelled members of the error shape named by Code, in
	// model order, decoded like a response (nil when the code names no
	// modelled error). The AWS CLI shows members other than the message as
	// "Additional error details".
	Fields *document.Map
}

// DecodeError parses an error response body. It never fails: a body that
// is not a JSON object becomes the message, as in botocore.
func DecodeError(m *model.Model, status int, body []byte) *ErrorResponse {
	return DecodeErrorWith(m, status, body, Options{})
}

// DecodeErrorWith is DecodeError with decoding options for the fields.
func DecodeErrorWith(m *model.Model, status int, body []byte, opts Options) *ErrorResponse {
	if status >= 500 {
		// A proxy's or load balancer's page, not a service error.
		trimmed := bytes.TrimSpace(body)
		if len(trimmed) == 0 || bytes.HasPrefix(trimmed, []byte("<html>")) {
			return &ErrorResponse{Code: strconv.Itoa(status), Message: http.StatusText(status)}
		}
	}
	var obj *document.Map
	var rawMessage any = ""
	if len(body) == 0 {
		obj = document.NewMap(0)
	} else if v, err := document.ParseJSON(body); err == nil {
		obj, _ = v.(*document.Map)
	}
	if obj == nil {
		// Not JSON (or not an object): botocore takes the text as the message.
		rawMessage = string(body)
	} else if v, ok := obj.Get("message"); ok {
		rawMessage = v
	} else if v, ok := obj.Get("Message"); ok {
		rawMessage = v
	}
	er := &ErrorResponse{Message: pyfmt.Str(rawMessage)}

	code := strconv.Itoa(status)
	if obj != nil {
		if t, ok := obj.Get("__type"); ok {
			if t == nil {
				code = ""
			} else {
				code = pyfmt.Str(t)
			}
		}
	}
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	er.Code = code

	if obj != nil && m != nil {
		if shape := m.Shape(code); shape != nil && shape.Exception && shape.Type == "structure" {
			if fields, err := DecodeValue(m, shape, obj, opts); err == nil {
				er.Fields, _ = fields.(*document.Map)
			}
		}
	}
	return er
}
