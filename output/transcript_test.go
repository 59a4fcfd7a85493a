package output

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
)

// Expected outputs here are the conformance cases' recorded stdout
// (testdata/transcripts.txt, copied from the authoritative transcripts);
// the inputs are the documents those commands format, written out from
// the fixture's data.

// transcriptStdout returns the stdout of step `step` of case `id`.
func transcriptStdout(t *testing.T, id string, step int) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "transcripts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	inCase, inStep, inStdout, found := false, false, false, false
	var out []string
	noNewline := false
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "----  "):
			if found {
				goto done
			}
			inCase = strings.HasPrefix(l, "----  "+id+":")
			continue
		case !inCase:
			continue
		case strings.HasPrefix(l, "    [step "):
			if found {
				goto done
			}
			inStep = strings.HasPrefix(l, "    [step "+strconv.Itoa(step)+"]")
			found = inStep
			continue
		case !inStep:
			continue
		case l == "    [stdout]":
			inStdout = true
			continue
		case l == "    [stderr]" || strings.HasPrefix(l, "    [exit "):
			if inStdout {
				goto done
			}
			continue
		}
		if inStdout {
			if !strings.HasPrefix(l, "    ") {
				goto done
			}
			if l == `    \ no newline at end` {
				noNewline = true
				continue
			}
			out = append(out, strings.TrimPrefix(l, "    "))
		}
	}
done:
	if !found {
		t.Fatalf("transcript %s step %d not found", id, step)
	}
	if len(out) == 0 {
		return ""
	}
	s := strings.Join(out, "\n")
	if !noNewline {
		s += "\n"
	}
	return s
}

const (
	fixturePool   = "us-east-1_bdd640fb06674ad19c80317fa3b1799d"
	fixtureClient = "43b7a3a69a8d4a03980d7b71d8"
	zeroTime      = "0000-00-00T00:00:00.000000+00:00"
)

var lupcInput = `{"UserPoolClients": [
 {"ClientId": "43b7a3a69a8d4a03980d7b71d8", "UserPoolId": "` + fixturePool + `", "ClientName": "alpha"},
 {"ClientId": "ece66fa2fd5146e6851b4cf361", "UserPoolId": "` + fixturePool + `", "ClientName": "beta"},
 {"ClientId": "28f49481a0a04dc4a7209bdf1c", "UserPoolId": "` + fixturePool + `", "ClientName": "gamma"}]}`

func TestTranscripts(t *testing.T) {
	cases := []struct {
		id     string
		step   int
		format string // text, table, table-color, yaml, yaml-stream
		title  string
		input  string
	}{
		{"dupc-table", 1, "table", "DescribeUserPoolClient", `{"UserPoolClient": {
			"UserPoolId": "` + fixturePool + `", "ClientName": "web-app", "ClientId": "` + fixtureClient + `",
			"RefreshTokenValidity": 30, "AccessTokenValidity": 60, "IdTokenValidity": 60,
			"TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
			"ReadAttributes": ["email", "name"], "WriteAttributes": ["name"],
			"ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
			"SupportedIdentityProviders": ["COGNITO"], "CallbackURLs": ["https://example.com/callback"],
			"LogoutURLs": ["https://example.com/logout"], "AllowedOAuthFlows": ["code"],
			"AllowedOAuthScopes": ["openid", "email"], "AllowedOAuthFlowsUserPoolClient": true,
			"PreventUserExistenceErrors": "ENABLED", "EnableTokenRevocation": true,
			"EnablePropagateAdditionalUserContextData": false, "AuthSessionValidity": 3}}`},
		{"lupc-table", 1, "table", "ListUserPoolClients", lupcInput},
		{"glob-color-on-table", 1, "table-color", "ListUserPoolClients", lupcInput},
		{"out-yaml-stream", 1, "yaml-stream", "ListUserPoolClients", lupcInput},
		{"lupc-empty-formats", 2, "text", "ListUserPoolClients", `{"UserPoolClients": []}`},
		{"lupc-empty-formats", 3, "table", "ListUserPoolClients", `{"UserPoolClients": []}`},
		{"lupc-empty-formats", 4, "yaml", "ListUserPoolClients", `{"UserPoolClients": []}`},
		{"user-admin-get-text", 1, "text", "AdminGetUser", `{"Username": "erin", "UserAttributes": [
			{"Name": "email", "Value": "erin@example.com"}, {"Name": "name", "Value": "Erin"},
			{"Name": "sub", "Value": "e7c421c7-4049-4b71-bd10-6c6081627cf1"}],
			"UserCreateDate": "` + zeroTime + `", "UserLastModifiedDate": "` + zeroTime + `",
			"Enabled": false, "UserStatus": "CONFIRMED", "MFAOptions": [],
			"PreferredMfaSetting": "", "UserMFASettingList": []}`},
		{"group-list-table", 1, "table", "ListGroups", `{"Groups": [
			{"GroupName": "admins", "UserPoolId": "` + fixturePool + `", "Description": "Administrators",
			 "Precedence": 1, "LastModifiedDate": "` + zeroTime + `", "CreationDate": "` + zeroTime + `"},
			{"GroupName": "editors", "UserPoolId": "` + fixturePool + `", "Description": "Content editors",
			 "Precedence": 5, "LastModifiedDate": "` + zeroTime + `", "CreationDate": "` + zeroTime + `"},
			{"GroupName": "viewers", "UserPoolId": "` + fixturePool + `",
			 "LastModifiedDate": "` + zeroTime + `", "CreationDate": "` + zeroTime + `"}]}`},
		{"group-for-user-text", 1, "text", "AdminListGroupsForUser", `{"Groups": [
			{"GroupName": "admins", "UserPoolId": "` + fixturePool + `", "Description": "Administrators",
			 "Precedence": 1, "LastModifiedDate": "` + zeroTime + `", "CreationDate": "` + zeroTime + `"}]}`},
		{"out-text-query-flat", 1, "text", "ListUserPoolClients", `["alpha", "beta", "gamma"]`},
		{"out-table-list-of-lists", 1, "table", "ListUserPoolClients",
			`[["alpha", "43b7a3a69a8d4a03980d7b71d8"], ["beta", "ece66fa2fd5146e6851b4cf361"], ["gamma", "28f49481a0a04dc4a7209bdf1c"]]`},
		{"out-table-multiselect-hash", 1, "table", "ListUserPoolClients",
			`[{"Name": "alpha", "Id": "43b7a3a69a8d4a03980d7b71d8"}, {"Name": "beta", "Id": "ece66fa2fd5146e6851b4cf361"}, {"Name": "gamma", "Id": "28f49481a0a04dc4a7209bdf1c"}]`},
		{"out-scalar-formats", 1, "table", "ListUserPoolClients", `3`},
		{"out-scalar-formats", 2, "text", "ListUserPoolClients", `3`},
		{"out-scalar-formats", 3, "yaml", "ListUserPoolClients", `3`},
		{"out-null-formats", 2, "text", "ListUserPoolClients", `null`},
		{"out-null-formats", 3, "yaml", "ListUserPoolClients", `null`},
		{"out-null-formats", 4, "table", "ListUserPoolClients", `null`},
		{"out-empty-filter", 2, "text", "ListUserPoolClients", `[]`},
		{"out-empty-filter", 3, "table", "ListUserPoolClients", `[]`},
		{"out-query-literal", 2, "text", "DescribeUserPool", `{"a": [1, 2.5, true, null]}`},
		{"out-query-literal", 3, "table", "DescribeUserPool", `{"a": [1, 2.5, true, null]}`},
		{"out-query-literal", 4, "yaml", "DescribeUserPool", `{"a": [1, 2.5, true, null]}`},
		{"out-unicode", 1, "table", "UpdateUserPoolClient", `{"Name": "Café ünïcode 日本", "Id": "43b7a3a69a8d4a03980d7b71d8"}`},
		{"out-unicode", 3, "yaml", "DescribeUserPoolClient", `"Café ünïcode 日本"`},
		{"out-unicode", 4, "text", "DescribeUserPoolClient", `"Café ünïcode 日本"`},
	}
	for _, c := range cases {
		v, err := document.ParseJSON([]byte(c.input))
		if err != nil {
			t.Fatalf("%s step %d: bad input: %v", c.id, c.step, err)
		}
		var b bytes.Buffer
		switch c.format {
		case "text":
			err = WriteText(&b, v)
		case "table":
			err = WriteTable(&b, c.title, v, false)
		case "table-color":
			err = WriteTable(&b, c.title, v, true)
		case "yaml":
			err = WriteYAML(&b, v)
		case "yaml-stream":
			err = WriteYAMLStream(&b, v)
		}
		if err != nil {
			t.Errorf("%s step %d: %v", c.id, c.step, err)
			continue
		}
		want := transcriptStdout(t, c.id, c.step)
		if got := b.String(); got != want {
			t.Errorf("%s step %d (%s):\n--- got\n%s\n--- want\n%s\n got: %q\nwant: %q", c.id, c.step, c.format, got, want, got, want)
		}
	}
}
