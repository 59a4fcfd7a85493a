package motoserver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
)

// Password is the fixture users' permanent password ($PASSWORD in cases).
const Password = "Passw0rd!"

// Step is one fixture call: a cognito-idp operation, its parameters (strings
// "$NAME" are replaced by earlier captures) and the captures it makes
// (variable name → dotted path in the response).
type Step struct {
	Op       string
	Params   map[string]any
	Captures map[string]string
}

// FixtureVars are the variables a fixture may set; the ones a fixture does
// not set are empty in cases, as in conform.
var fixtureVars = []string{"POOL_ID", "POOL_ARN", "POOL_ID_2", "CLIENT_ID", "CLIENT_ID_2", "CLIENT_ID_3", "CLIENT_SECRET"}

// FixtureVars lists the variables fixtures can define.
func FixtureVars() []string { return append([]string(nil), fixtureVars...) }

// Fixture returns the steps of a named fixture. The names and contents mirror
// FIXTURES in ../shared/conformance/conform, call for call, so that moto's
// seeded generator hands out the same IDs.
func Fixture(name string) ([]Step, bool) {
	pool := []Step{{Op: "CreateUserPool", Params: obj("PoolName", "conform-pool"),
		Captures: map[string]string{"POOL_ID": "UserPool.Id", "POOL_ARN": "UserPool.Arn"}}}
	client := []Step{{Op: "CreateUserPoolClient", Params: map[string]any{
		"UserPoolId":           "$POOL_ID",
		"ClientName":           "web-app",
		"RefreshTokenValidity": 30,
		"AccessTokenValidity":  60,
		"IdTokenValidity":      60,
		"TokenValidityUnits": map[string]any{"AccessToken": "minutes", "IdToken": "minutes",
			"RefreshToken": "days"},
		"ReadAttributes":                  []any{"email", "name"},
		"WriteAttributes":                 []any{"name"},
		"ExplicitAuthFlows":               []any{"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
		"SupportedIdentityProviders":      []any{"COGNITO"},
		"CallbackURLs":                    []any{"https://example.com/callback"},
		"LogoutURLs":                      []any{"https://example.com/logout"},
		"AllowedOAuthFlows":               []any{"code"},
		"AllowedOAuthScopes":              []any{"openid", "email"},
		"AllowedOAuthFlowsUserPoolClient": true,
		"PreventUserExistenceErrors":      "ENABLED",
	}, Captures: map[string]string{"CLIENT_ID": "UserPoolClient.ClientId"}}}
	var users []Step
	for _, u := range []string{"alice", "bob", "carol", "dave", "erin"} {
		users = append(users,
			Step{Op: "AdminCreateUser", Params: map[string]any{
				"UserPoolId": "$POOL_ID", "Username": u,
				"UserAttributes": []any{
					obj("Name", "email", "Value", u+"@example.com"),
					obj("Name", "name", "Value", strings.ToUpper(u[:1])+u[1:]),
				},
				"MessageAction": "SUPPRESS",
			}},
			Step{Op: "AdminSetUserPassword", Params: map[string]any{
				"UserPoolId": "$POOL_ID", "Username": u, "Password": Password, "Permanent": true}},
		)
	}
	users = append(users, Step{Op: "AdminDisableUser", Params: obj("UserPoolId", "$POOL_ID", "Username", "erin")})

	cat := func(parts ...[]Step) []Step {
		var out []Step
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	switch name {
	case "none":
		return nil, true
	case "pool":
		return pool, true
	case "2pools":
		return cat(pool, []Step{{Op: "CreateUserPool", Params: map[string]any{
			"PoolName": "second-pool", "MfaConfiguration": "OFF", "UsernameAttributes": []any{"email"}},
			Captures: map[string]string{"POOL_ID_2": "UserPool.Id"}}}), true
	case "pool+client":
		return cat(pool, client), true
	case "pool+secret-client":
		return cat(pool, []Step{{Op: "CreateUserPoolClient", Params: map[string]any{
			"UserPoolId": "$POOL_ID", "ClientName": "backend", "GenerateSecret": true,
			"ExplicitAuthFlows": []any{"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
		}, Captures: map[string]string{"CLIENT_ID": "UserPoolClient.ClientId",
			"CLIENT_SECRET": "UserPoolClient.ClientSecret"}}}), true
	case "pool+3clients":
		return cat(pool, []Step{
			{Op: "CreateUserPoolClient", Params: obj("UserPoolId", "$POOL_ID", "ClientName", "alpha"),
				Captures: map[string]string{"CLIENT_ID": "UserPoolClient.ClientId"}},
			{Op: "CreateUserPoolClient", Params: obj("UserPoolId", "$POOL_ID", "ClientName", "beta", "GenerateSecret", true),
				Captures: map[string]string{"CLIENT_ID_2": "UserPoolClient.ClientId"}},
			{Op: "CreateUserPoolClient", Params: obj("UserPoolId", "$POOL_ID", "ClientName", "gamma", "RefreshTokenValidity", 10),
				Captures: map[string]string{"CLIENT_ID_3": "UserPoolClient.ClientId"}},
		}), true
	case "pool+users":
		return cat(pool, client, users), true
	case "pool+groups":
		return cat(pool, []Step{
			{Op: "CreateGroup", Params: obj("UserPoolId", "$POOL_ID", "GroupName", "admins",
				"Description", "Administrators", "Precedence", 1)},
			{Op: "CreateGroup", Params: obj("UserPoolId", "$POOL_ID", "GroupName", "editors",
				"Description", "Content editors", "Precedence", 5)},
			{Op: "CreateGroup", Params: obj("UserPoolId", "$POOL_ID", "GroupName", "viewers")},
			// One member per group: moto keeps memberships in unordered sets.
			{Op: "AdminCreateUser", Params: obj("UserPoolId", "$POOL_ID", "Username", "alice", "MessageAction", "SUPPRESS")},
			{Op: "AdminCreateUser", Params: obj("UserPoolId", "$POOL_ID", "Username", "bob", "MessageAction", "SUPPRESS")},
			{Op: "AdminAddUserToGroup", Params: obj("UserPoolId", "$POOL_ID", "Username", "alice", "GroupName", "admins")},
			{Op: "AdminAddUserToGroup", Params: obj("UserPoolId", "$POOL_ID", "Username", "bob", "GroupName", "editors")},
		}), true
	}
	return nil, false
}

// FixtureNames lists the known fixtures, sorted.
func FixtureNames() []string {
	names := []string{"none", "pool", "2pools", "pool+client", "pool+secret-client", "pool+3clients", "pool+users", "pool+groups"}
	sort.Strings(names)
	return names
}

func obj(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// Call sends one cognito-idp JSON request straight to moto and decodes the
// response. A non-2xx answer is an error carrying moto's body.
func (s *Server) Call(op string, params map[string]any) (map[string]any, error) {
	body, err := json.Marshal(params)
	if err != nil {
		return nil, fmt.Errorf("motoserver: encoding %s parameters: %w", op, err)
	}
	req, err := http.NewRequest(http.MethodPost, s.Endpoint()+"/", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("motoserver: %s: %w", op, err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AWSCognitoIdentityProviderService."+op)
	// moto reads the region from the credential scope; the signature is not checked.
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260102/"+Region+
		"/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("motoserver: %s: %w", op, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("motoserver: %s: reading response: %w", op, err)
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("motoserver: %s: %s: %s", op, resp.Status, bytes.TrimSpace(data))
	}
	out := map[string]any{}
	if len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, &out); err != nil {
			return nil, fmt.Errorf("motoserver: %s: response is not a JSON object: %w", op, err)
		}
	}
	return out, nil
}

// ApplyFixture creates the named fixture (after Reset, normally) and returns
// its variables; every variable in FixtureVars is present, empty when unset.
func (s *Server) ApplyFixture(name string) (map[string]string, error) {
	steps, ok := Fixture(name)
	if !ok {
		return nil, fmt.Errorf("motoserver: unknown fixture %q (known: %s)", name, strings.Join(FixtureNames(), ", "))
	}
	vars := map[string]string{}
	for _, v := range fixtureVars {
		vars[v] = ""
	}
	for i, st := range steps {
		params, _ := substDeep(st.Params, vars).(map[string]any)
		resp, err := s.Call(st.Op, params)
		if err != nil {
			return nil, fmt.Errorf("fixture %s, step %d: %w", name, i+1, err)
		}
		for v, path := range st.Captures {
			val, err := dig(resp, path)
			if err != nil {
				return nil, fmt.Errorf("fixture %s, step %d (%s): %w", name, i+1, st.Op, err)
			}
			vars[v] = val
		}
	}
	return vars, nil
}

func substDeep(v any, vars map[string]string) any {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "$") {
			if val, ok := vars[x[1:]]; ok {
				return val
			}
		}
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = substDeep(e, vars)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = substDeep(e, vars)
		}
		return out
	}
	return v
}

func dig(v any, path string) (string, error) {
	for _, part := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return "", fmt.Errorf("response has no %s", path)
		}
		if v, ok = m[part]; !ok {
			return "", fmt.Errorf("response has no %s", path)
		}
	}
	switch x := v.(type) {
	case string:
		return x, nil
	case float64:
		return fmt.Sprint(x), nil
	}
	return "", fmt.Errorf("%s is not a scalar: %v", path, v)
}
