package shorthand

import (
	"testing"

	"github.com/cognito-cli/aws/model"
)

func memberShape(t *testing.T, m *model.Model, op, member string) *model.Shape {
	t.Helper()
	in := m.Shape(m.Operation(op).Input.Shape)
	mem := in.FindMember(member)
	if mem == nil {
		t.Fatalf("%s has no %s", op, member)
	}
	return m.MemberShape(mem)
}

// Expectations from the reference's request bodies and errors recorded by
// internal/params/testdata/record.py (case names in comments).
func TestConvert(t *testing.T) {
	m := model.New()
	cases := []struct {
		op, member, in string
		want, err      string
	}{
		// rot-int
		{"UpdateUserPoolClient", "RefreshTokenRotation", "Feature=ENABLED,RetryGracePeriodSeconds=1_0", "{'Feature': 'ENABLED', 'RetryGracePeriodSeconds': 10}", ""},
		// an-bool-upper
		{"UpdateUserPoolClient", "AnalyticsConfiguration", "ApplicationId=a,UserDataShared=TRUE", "{'ApplicationId': 'a', 'UserDataShared': True}", ""},
		// an-bool-other: left as a string for validation to reject
		{"UpdateUserPoolClient", "AnalyticsConfiguration", "ApplicationId=a,UserDataShared=yes", "{'ApplicationId': 'a', 'UserDataShared': 'yes'}", ""},
		// ars-single: wrapped into a list, its items not converted
		{"UpdateUserPool", "AccountRecoverySetting", "RecoveryMechanisms={Priority=1,Name=verified_email}", "{'RecoveryMechanisms': [{'Priority': '1', 'Name': 'verified_email'}]}", ""},
		// ars-list
		{"UpdateUserPool", "AccountRecoverySetting", "RecoveryMechanisms=[{Priority=1,Name=verified_email},{Priority=2,Name=admin_only}]", "{'RecoveryMechanisms': [{'Priority': 1, 'Name': 'verified_email'}, {'Priority': 2, 'Name': 'admin_only'}]}", ""},
		// pol-nested-ws
		{"UpdateUserPool", "Policies", "PasswordPolicy={ MinimumLength = 10 , RequireNumbers=false }", "{'PasswordPolicy': {'MinimumLength': 10, 'RequireNumbers': False}}", ""},
		// rot-int-bad, rot-int-list, rot-int-map, an-bool-list
		{"UpdateUserPoolClient", "RefreshTokenRotation", "Feature=ENABLED,RetryGracePeriodSeconds=abc", "", "invalid literal for int() with base 10: 'abc'"},
		{"UpdateUserPoolClient", "RefreshTokenRotation", "RetryGracePeriodSeconds=[1,2]", "", "int() argument must be a string, a bytes-like object or a real number, not 'list'"},
		{"UpdateUserPoolClient", "RefreshTokenRotation", "RetryGracePeriodSeconds={a=1}", "", "int() argument must be a string, a bytes-like object or a real number, not 'dict'"},
		{"UpdateUserPoolClient", "AnalyticsConfiguration", "UserDataShared=[a,b]", "", "'list' object has no attribute 'lower'"},
	}
	for _, c := range cases {
		v, err := Parse(c.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", c.in, err)
		}
		got, err := Convert(m, memberShape(t, m, c.op, c.member), v)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("Convert(%q) = %v, %v; want error %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Convert(%q): %v", c.in, err)
			continue
		}
		if r := pyRepr(got); r != c.want {
			t.Errorf("Convert(%q)\n got %s\nwant %s", c.in, r, c.want)
		}
	}
}
