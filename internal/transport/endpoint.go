package transport

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// Region is the region the client signs for and resolves endpoints in.
func (c *Client) Region() string { return c.svc.Options().Region }

// ResolveEndpoint returns the URL a call would be sent to, resolved by the
// SDK's endpoint rules from the client's region, --endpoint-url and the
// FIPS/dual-stack settings, without sending anything (--cli-dry-run).
func (c *Client) ResolveEndpoint(ctx context.Context) (string, error) {
	o := c.svc.Options()
	params := cip.EndpointParameters{
		Region:       aws.String(o.Region),
		Endpoint:     o.BaseEndpoint,
		UseFIPS:      aws.Bool(o.EndpointOptions.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled),
		UseDualStack: aws.Bool(o.EndpointOptions.UseDualStackEndpoint == aws.DualStackEndpointStateEnabled),
	}
	resolver := o.EndpointResolverV2
	if resolver == nil {
		resolver = cip.NewDefaultEndpointResolverV2()
	}
	ep, err := resolver.ResolveEndpoint(ctx, params)
	if err != nil {
		return "", fmt.Errorf("resolving the endpoint for region %q: %w", o.Region, err)
	}
	return ep.URI.String(), nil
}
