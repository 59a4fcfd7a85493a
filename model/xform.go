package model

import "github.com/cognito-cli/aws/model/internal/xform"

// XformName turns a CamelCase model name into the CLI's spelling, exactly as
// botocore.xform_name does: UpdateUserPoolClient → update-user-pool-client,
// CallbackURLs → callback-urls, AllowedOAuthFlows → allowed-o-auth-flows.
func XformName(name string, sep byte) string { return xform.Name(name, sep) }
