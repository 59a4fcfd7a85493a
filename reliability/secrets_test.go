package reliability

import (
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/faultserver"
)

// TestDebugSecrets scans the --debug output of signed calls, one that
// succeeds and one retried until it gives up, for the credentials and a
// password parameter. The reference prints the session token (in its
// canonical request and headers) and the password (in the arguments and the
// body); we print neither, and never the secret access key.
func TestDebugSecrets(t *testing.T) {
	const (
		keyID    = "AKIDRELIABILITY0001"
		secret   = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
		token    = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN+/=="
		password = "Hunter2-PasswordValue!"
	)
	for _, fault := range []faultserver.Fault{faultserver.OK, faultserver.Status500} {
		fault := fault
		t.Run(string(fault), func(t *testing.T) {
			t.Parallel()
			s, err := faultserver.Start(faultserver.Config{Fault: fault})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			env := append(baseEnv(t), "AWS_ACCESS_KEY_ID="+keyID, "AWS_SECRET_ACCESS_KEY="+secret,
				"AWS_SESSION_TOKEN="+token, "AWS_MAX_ATTEMPTS=2")
			r := run(t, 30e9, env, "", "cognito-idp", "admin-create-user", "--user-pool-id", "us-east-1_fault",
				"--username", "alice", "--temporary-password", password, "--endpoint-url", s.URL(), "--debug")
			all := r.Stdout + r.Stderr
			for name, v := range map[string]string{"secret access key": secret, "session token": token, "password": password} {
				if strings.Contains(all, v) {
					t.Errorf("--debug output shows the %s", name)
				}
			}
			// Useful: the request, who signed it, and the answer.
			for _, want := range []string{"AWSCognitoIdentityProviderService.AdminCreateUser",
				"Credential=" + keyID + "/", "X-Amz-Security-Token: <redacted>", "HTTP/1.1 "} {
				if !strings.Contains(r.Stderr, want) {
					t.Errorf("--debug output lacks %q:\n%s", want, r.Stderr)
				}
			}
			if fault == faultserver.Status500 && s.Attempts() != 2 {
				t.Errorf("server saw %d attempts, want 2", s.Attempts())
			}
			assertNoGoTrace(t, r.Stderr)
		})
	}
}
