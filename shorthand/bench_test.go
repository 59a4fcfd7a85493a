package shorthand

import (
	"testing"

	"github.com/cognito-cli/aws/model"
)

// BenchmarkShorthand parses and converts s5's --token-validity-units and a
// nested value with lists, as the command line hands them over.
func BenchmarkShorthand(b *testing.B) {
	m := model.New()
	cases := []struct{ name, op, member, value string }{
		{"token-validity-units", "UpdateUserPoolClient", "TokenValidityUnits", "AccessToken=minutes,IdToken=minutes,RefreshToken=days"},
		{"analytics-nested", "UpdateUserPoolClient", "AnalyticsConfiguration", "ApplicationId=app,RoleArn=arn:aws:iam::123456789012:role/r,ExternalId=x,UserDataShared=true"},
		{"lambda-config", "UpdateUserPool", "LambdaConfig", "PreSignUp=arn:a,CustomMessage=arn:b,PreTokenGenerationConfig={LambdaVersion=V2_0,LambdaArn=arn:c},CustomSMSSender={LambdaVersion=V1_0,LambdaArn=arn:d}"},
	}
	for _, c := range cases {
		in := m.Shape(m.Operation(c.op).Input.Shape)
		shape := m.MemberShape(in.FindMember(c.member))
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := Parse(c.value)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Convert(m, shape, v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
