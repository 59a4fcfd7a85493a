package preserve

import (
	"reflect"
	"strings"
	"testing"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/model"
	"github.com/cognito-cli/aws/output"
)

func parse(t testing.TB, s string) *document.Map {
	t.Helper()
	v, err := document.ParseJSON([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return v.(*document.Map)
}

// The model documents the reset rule for exactly these three operations
// (checked against service-2.json: "If you don't provide a value for an
// attribute, ... default value").
func TestOperations(t *testing.T) {
	got := Operations(model.New())
	want := []string{"UpdateResourceServer", "UpdateUserPool", "UpdateUserPoolClient"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Operations = %v, want %v", got, want)
	}
}

func TestFor(t *testing.T) {
	m := model.New()
	cases := map[string]Plan{
		"UpdateUserPoolClient": {"UpdateUserPoolClient", "DescribeUserPoolClient", "UserPoolClient"},
		"UpdateUserPool":       {"UpdateUserPool", "DescribeUserPool", "UserPool"},
		"UpdateResourceServer": {"UpdateResourceServer", "DescribeResourceServer", "ResourceServer"},
	}
	for op, want := range cases {
		got, ok := For(m, op)
		if !ok || got != want {
			t.Errorf("For(%s) = %+v, %v; want %+v", op, got, ok, want)
		}
	}
	for _, op := range []string{"UpdateGroup", "UpdateUserPoolDomain", "ListUsers", "DescribeUserPool", "Nope", ""} {
		if p, ok := For(m, op); ok {
			t.Errorf("For(%s) = %+v, want none", op, p)
		}
	}
}

const clientDescribe = `{"UserPoolClient": {
	"UserPoolId": "us-east-1_abc", "ClientName": "web-app", "ClientId": "cid",
	"ClientSecret": "s3cr3t", "LastModifiedDate": 1767323045.678, "CreationDate": 1767323045.678,
	"RefreshTokenValidity": 30, "AccessTokenValidity": 60, "IdTokenValidity": 60,
	"TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
	"ReadAttributes": ["email"], "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
	"SupportedIdentityProviders": ["COGNITO"], "CallbackURLs": ["https://example.com/cb"],
	"AllowedOAuthFlows": ["code"], "AllowedOAuthScopes": ["openid", "email"],
	"AllowedOAuthFlowsUserPoolClient": true, "EnableTokenRevocation": true,
	"RefreshTokenRotation": {"Feature": "DISABLED"}, "SomethingNew": "x"}}`

func TestMergeClient(t *testing.T) {
	m := model.New()
	p, _ := For(m, "UpdateUserPoolClient")
	given := parse(t, `{"UserPoolId": "us-east-1_abc", "ClientId": "cid", "ClientName": "renamed",
		"TokenValidityUnits": {"AccessToken": "hours"}}`)
	got, err := p.Merge(m, parse(t, clientDescribe), given)
	if err != nil {
		t.Fatal(err)
	}
	// Update input order; read-only and unknown members dropped; given
	// members replace whole values.
	want := `{"UserPoolId": "us-east-1_abc", "ClientId": "cid", "ClientName": "renamed", ` +
		`"RefreshTokenValidity": 30, "AccessTokenValidity": 60, "IdTokenValidity": 60, ` +
		`"TokenValidityUnits": {"AccessToken": "hours"}, "ReadAttributes": ["email"], ` +
		`"ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], ` +
		`"SupportedIdentityProviders": ["COGNITO"], "CallbackURLs": ["https://example.com/cb"], ` +
		`"AllowedOAuthFlows": ["code"], "AllowedOAuthScopes": ["openid", "email"], ` +
		`"AllowedOAuthFlowsUserPoolClient": true, "EnableTokenRevocation": true, ` +
		`"RefreshTokenRotation": {"Feature": "DISABLED"}}`
	if s := output.FormatJSON(got, 0); s != want {
		t.Fatalf("merged:\n%s\nwant:\n%s", s, want)
	}
}

func TestMergeUserPool(t *testing.T) {
	m := model.New()
	p, _ := For(m, "UpdateUserPool")
	desc := parse(t, `{"UserPool": {"Id": "us-east-1_abc", "Name": "pool", "Arn": "arn:x",
		"Policies": {"PasswordPolicy": {"MinimumLength": 12, "TemporaryPasswordValidityDays": 7}},
		"SchemaAttributes": [{"Name": "email"}], "AutoVerifiedAttributes": ["email"],
		"AdminCreateUserConfig": {"AllowAdminCreateUserOnly": true, "UnusedAccountValidityDays": 7},
		"UserPoolTags": {"team": "a"}, "MfaConfiguration": "OFF", "EstimatedNumberOfUsers": 3,
		"DeletionProtection": "ACTIVE"}}`)
	got, err := p.Merge(m, desc, parse(t, `{"UserPoolId": "us-east-1_abc", "MfaConfiguration": "OPTIONAL"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"UserPoolId": "us-east-1_abc", "Policies": {"PasswordPolicy": {"MinimumLength": 12, "TemporaryPasswordValidityDays": 7}}, ` +
		`"DeletionProtection": "ACTIVE", "AutoVerifiedAttributes": ["email"], "MfaConfiguration": "OPTIONAL", ` +
		`"UserPoolTags": {"team": "a"}, "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": true}}`
	if s := output.FormatJSON(got, 0); s != want {
		t.Fatalf("merged:\n%s\nwant:\n%s", s, want)
	}
}

func TestMergeKeepsUnknownGivenAndSkipsMistyped(t *testing.T) {
	m := model.New()
	p, _ := For(m, "UpdateUserPoolClient")
	desc := parse(t, `{"UserPoolClient": {"ClientName": 5, "ReadAttributes": ["a", 3], "CallbackURLs": ["x"], "TokenValidityUnits": "minutes"}}`)
	got, err := p.Merge(m, desc, parse(t, `{"ClientId": "c", "Bogus": 1}`))
	if err != nil {
		t.Fatal(err)
	}
	if s, want := output.FormatJSON(got, 0), `{"ClientId": "c", "CallbackURLs": ["x"], "Bogus": 1}`; s != want {
		t.Fatalf("got %s, want %s", s, want)
	}
	if _, err := p.Merge(m, parse(t, `{"UserPoolClient": []}`), document.NewMap(0)); err == nil || !strings.Contains(err.Error(), "not an object") {
		t.Fatalf("want an error for a non-object, got %v", err)
	}
	got, err = p.Merge(m, parse(t, `{}`), parse(t, `{"ClientId": "c"}`))
	if err != nil || output.FormatJSON(got, 0) != `{"ClientId": "c"}` {
		t.Fatalf("empty describe: %v %v", got, err)
	}
}

func TestDescribeInput(t *testing.T) {
	m := model.New()
	p, _ := For(m, "UpdateUserPoolClient")
	got, err := p.DescribeInput(m, parse(t, `{"ClientName": "n", "ClientId": "c", "UserPoolId": "p"}`))
	if err != nil {
		t.Fatal(err)
	}
	if s, want := output.FormatJSON(got, 0), `{"UserPoolId": "p", "ClientId": "c"}`; s != want {
		t.Fatalf("got %s, want %s", s, want)
	}
	if _, err := p.DescribeInput(m, parse(t, `{"UserPoolId": "p"}`)); err == nil || !strings.Contains(err.Error(), "ClientId") {
		t.Fatalf("missing ClientId: %v", err)
	}
}

func FuzzMerge(f *testing.F) {
	f.Add(clientDescribe, `{"ClientId": "c"}`)
	f.Add(`{"UserPoolClient": {"TokenValidityUnits": {"AccessToken": []}}}`, `{}`)
	f.Add(`{"UserPoolClient": null}`, `{"X": null}`)
	m := model.New()
	plans := []Plan{}
	for _, op := range Operations(m) {
		p, _ := For(m, op)
		plans = append(plans, p)
	}
	f.Fuzz(func(t *testing.T, desc, given string) {
		d, err := document.ParseJSON([]byte(desc))
		if err != nil {
			return
		}
		g, err := document.ParseJSON([]byte(given))
		if err != nil {
			return
		}
		dm, ok1 := d.(*document.Map)
		gm, ok2 := g.(*document.Map)
		if !ok1 || !ok2 {
			return
		}
		for _, p := range plans {
			out, err := p.Merge(m, dm, gm)
			if err != nil {
				continue
			}
			for _, k := range gm.Keys() {
				want, _ := gm.Get(k)
				got, _ := out.Get(k)
				if output.FormatJSON(got, 0) != output.FormatJSON(want, 0) {
					t.Fatalf("given %s not kept", k)
				}
			}
			_, _ = p.DescribeInput(m, out)
		}
	})
}
