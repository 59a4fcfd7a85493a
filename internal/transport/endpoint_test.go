package transport

import (
	"context"
	"testing"
)

func TestResolveEndpoint(t *testing.T) {
	t.Setenv("AWS_CONFIG_FILE", "/nonexistent")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
	cases := []struct{ region, endpoint, want string }{
		{"us-east-1", "", "https://cognito-idp.us-east-1.amazonaws.com"},
		{"eu-west-3", "", "https://cognito-idp.eu-west-3.amazonaws.com"},
		{"us-east-1", "http://127.0.0.1:5000", "http://127.0.0.1:5000"},
	}
	for _, c := range cases {
		cl, err := New(context.Background(), Options{Region: c.region, EndpointURL: c.endpoint, ConnectTimeout: -1, ReadTimeout: -1})
		if err != nil {
			t.Fatal(err)
		}
		got, err := cl.ResolveEndpoint(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.region, c.endpoint, got, c.want)
		}
		if cl.Region() != c.region {
			t.Errorf("Region() = %q, want %q", cl.Region(), c.region)
		}
	}
}
