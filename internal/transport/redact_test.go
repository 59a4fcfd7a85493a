package transport

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	in := "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Security-Token: FQoGZXIvYXdzEJr//token+/=\r\nx-amz-security-token:abc\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/..., Signature=ab12\r\n"
	want := "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Security-Token: <redacted>\r\nx-amz-security-token:<redacted>\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/..., Signature=ab12\r\n"
	if got := string(Redact([]byte(in))); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func FuzzRedact(f *testing.F) {
	f.Add([]byte("X-Amz-Security-Token: secret\r\n"))
	f.Add([]byte("x-amz-security-token:"))
	f.Fuzz(func(t *testing.T, p []byte) {
		out := Redact(p)
		if secretHeader.Match(out) && len(Redact(out)) != len(out) {
			t.Errorf("redaction is not stable: %q", out)
		}
	})
}

func FuzzErrorCodeMessage(f *testing.F) {
	f.Add(400, []byte(`{"__type": "com.amazon#ThrottlingException:http://x", "message": "m"}`))
	f.Add(500, []byte(`{"Message": 1}`))
	f.Add(503, []byte(`<html>`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		code, _ := ErrorCodeMessage(status, nil, body)
		// botocore strips the namespace and the suffix; what is left holds
		// neither separator.
		if strings.ContainsAny(code, "#:") {
			t.Errorf("code %q kept a separator (body %q)", code, body)
		}
	})
}
