package cmd

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// goBugMarkers are what a recovered Go runtime panic looks like once the
// top-level guard has printed it: the guard hides the trace, the fuzzer
// must still see the bug.
var goBugMarkers = []string{"runtime error", "nil pointer", "index out of range", "interface conversion",
	"slice bounds out of range", "goroutine ", "panic:"}

// FuzzMain runs whole command lines (NUL-separated arguments) in-process.
// Nothing may reach the network: the default endpoint is a closed loopback
// port, and every proxy points at it, so an endpoint the fuzzer writes is
// refused too. Every run must end within seconds with a known exit code and
// without a Go runtime error.
func FuzzMain(f *testing.F) {
	for _, seed := range []string{
		"cognito-idp\x00list-users\x00--user-pool-id\x00p",
		"cognito-idp\x00create-user-pool-client\x00--user-pool-id\x00p\x00--client-name\x00c\x00--explicit-auth-flows\x00ALLOW_USER_SRP_AUTH\x00--token-validity-units\x00AccessToken=minutes,IdToken={a=[1,2]}",
		"cognito-idp\x00update-user-pool\x00--user-pool-id\x00p\x00--cli-input-json\x00{\"Policies\": {\"PasswordPolicy\": {\"MinimumLength\": 8}}}",
		"cognito-idp\x00create-user-pool\x00--generate-cli-skeleton\x00yaml-input",
		"cognito-idp\x00list-user-pools\x00--max-results\x0010\x00--query\x00UserPools[?Name=='a'].{I: Id}\x00--output\x00table",
		"cognito-idp\x00admin-create-user\x00--user-pool-id\x00p\x00--username\x00u\x00--user-attributes\x00Name=email,Value=\"a,b\"\x00--cli-input-yaml\x00A: [1, *x]",
		"--region\x00eu-west-1\x00--output\x00yaml\x00cognito-idp\x00describe-user-pool\x00--user-pool-id\x00p\x00--cli-read-timeout\x001",
		"cognito-idp\x00list-users\x00--user-pool-id\x00p\x00--max-items\x001_0\x00--starting-token\x00eyJOZXh0VG9rZW4iOiBudWxsfQ==",
		"cognito-idp\x00lis\x00--bogus",
		"--version",
	} {
		f.Add(seed)
	}
	// The SDK reads the process environment itself (proxies, profiles,
	// credential sources): keep all of it local and inert.
	for k, v := range map[string]string{
		"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
		"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
		"NO_PROXY": "", "no_proxy": "", "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_CONFIG_FILE": "/nonexistent/aws/config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws/credentials",
		"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_SESSION_TOKEN": "",
		"AWS_MAX_ATTEMPTS": "1", "AWS_RETRY_MODE": "", "AWS_PROFILE": "", "AWS_DEFAULT_PROFILE": "",
		"AWS_WEB_IDENTITY_TOKEN_FILE": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "", "AWS_CLI_FALLBACK": "",
	} {
		f.Setenv(k, v)
	}
	f.Fuzz(func(t *testing.T, in string) {
		// Device and process files could be read forever through file://.
		for _, dir := range []string{"/dev", "/proc", "/sys"} {
			if strings.Contains(in, dir) {
				return
			}
		}
		args := strings.Split(in, "\x00")
		env := map[string]string{
			"AWS_ACCESS_KEY_ID":           "test",
			"AWS_SECRET_ACCESS_KEY":       "test",
			"AWS_DEFAULT_REGION":          "us-east-1",
			"AWS_MAX_ATTEMPTS":            "1",
			"AWS_CONFIG_FILE":             "/nonexistent/aws/config",
			"AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws/credentials",
			"AWS_ENDPOINT_URL":            "http://127.0.0.1:9",
			"AWS_PAGER":                   "",
		}
		var stdout, stderr bytes.Buffer
		ios := &IOStreams{In: strings.NewReader(""), Out: &stdout, ErrOut: &stderr,
			Getenv: func(k string) string { return env[k] }}
		argv := append(append([]string{}, args...), "--endpoint-url", "http://127.0.0.1:9")
		done := make(chan int, 1)
		go func() { done <- Main(argv, ios) }()
		var code int
		select {
		case code = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("Main(%q) still running after 20 s", argv)
		}
		switch code {
		case 0, 252, 253, 254, 255:
		default:
			t.Errorf("Main(%q) exited %d", argv, code)
		}
		for _, m := range goBugMarkers {
			if strings.Contains(stderr.String(), m) {
				t.Fatalf("Main(%q) hit a Go bug:\n%s", argv, stderr.String())
			}
		}
	})
}
