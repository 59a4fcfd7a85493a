package help

import (
	"github.com/cognito-cli/aws/model"
)

// Option is one command-line option of an operation, in the order the CLI
// lists them: the input members, --cli-input-json/--cli-input-yaml, the
// pagination options, --generate-cli-skeleton.
type Option struct {
	Name string // "--client-name"
	// Negative is the "--no-" form of a boolean member.
	Negative string
	// Type is the model type of the member ("string", "list", ...).
	Type     string
	Required bool
	// Enum lists the valid values of the option, or of its list's members.
	Enum []string
	// Member and Shape are nil for the options the CLI adds.
	Member *model.Member
	Shape  *model.Shape
	// Doc is HTML for members, plain text for the options the CLI adds.
	Doc string
	// TakesValue is false for boolean flags.
	TakesValue bool
}

// Documentation texts of the options the CLI adds to every operation.
const (
	docCLIInputJSON = "Reads arguments from the JSON string provided. The JSON string follows the format provided by --generate-cli-skeleton. If other arguments are provided on the command line, those values will override the JSON-provided values. It is not possible to pass arbitrary binary values using a JSON-provided value as the string will be taken literally. This may not be specified along with --cli-input-yaml."
	docCLIInputYAML = "Reads arguments from the YAML string provided. The YAML string follows the format provided by --generate-cli-skeleton yaml-input. If other arguments are provided on the command line, those values will override the YAML-provided values. This may not be specified along with --cli-input-json."
	docStartToken   = "A token to specify where to start paginating. This is the NextToken from a previously truncated response."
	docPageSize     = "The size of each page to get in the AWS service call. This does not affect the number of items returned in the command's output. Setting a smaller page size results in more calls to the AWS service, retrieving fewer items in each call. This can help prevent the AWS service calls from timing out."
	docMaxItems     = "The total number of items to return in the command's output. If the total number of items available is more than the value specified, a NextToken is provided in the command's output. To resume pagination, provide the NextToken value in the starting-token argument of a subsequent command. Do not use the NextToken response element directly outside of the AWS CLI."
	docSkeleton     = "Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value input, prints a sample input JSON that can be used as an argument for --cli-input-json. Similarly, if provided yaml-input it will print a sample input YAML that can be used with --cli-input-yaml. If provided with the value output, it validates the command inputs and returns a sample output JSON for that command."
)

// SkeletonValues are the values --generate-cli-skeleton accepts.
func SkeletonValues() []string { return []string{"input", "output", "yaml-input"} }

// Options lists the operation's options (opName is the model name,
// "UpdateUserPoolClient"); nil when the model has no such operation.
func Options(m *model.Model, opName string) []Option {
	op := m.Operation(opName)
	if op == nil {
		return nil
	}
	var opts []Option
	if op.Input != nil {
		in := m.Shape(op.Input.Shape)
		for _, mem := range in.Members {
			s := m.Shape(mem.Shape)
			if s == nil {
				continue
			}
			o := Option{
				Name:       "--" + model.XformName(mem.Name, '-'),
				Type:       s.Type,
				Required:   in.IsRequired(mem.Name),
				Member:     mem,
				Shape:      s,
				Doc:        memberDoc(mem, s),
				TakesValue: s.Type != "boolean",
			}
			switch s.Type {
			case "boolean":
				o.Negative = "--no-" + o.Name[2:]
			case "list":
				if ms := m.Shape(s.Member.Shape); ms != nil {
					o.Enum = ms.Enum
				}
			default:
				o.Enum = s.Enum
			}
			opts = append(opts, o)
		}
	}
	opts = append(opts,
		Option{Name: "--cli-input-json", Type: "string", Doc: docCLIInputJSON, TakesValue: true},
		Option{Name: "--cli-input-yaml", Type: "string", Doc: docCLIInputYAML, TakesValue: true})
	if p, ok := model.PaginatorFor(opName); ok {
		opts = append(opts, Option{Name: "--starting-token", Type: "string", Doc: docStartToken, TakesValue: true})
		if p.LimitKey != "" {
			opts = append(opts, Option{Name: "--page-size", Type: "integer", Doc: docPageSize, TakesValue: true})
		}
		opts = append(opts, Option{Name: "--max-items", Type: "integer", Doc: docMaxItems, TakesValue: true})
	}
	opts = append(opts, Option{Name: "--generate-cli-skeleton", Type: "string", Doc: docSkeleton, Enum: SkeletonValues(), TakesValue: true})
	return opts
}

// memberDoc is the member's own documentation, else its shape's.
func memberDoc(mem *model.Member, s *model.Shape) string {
	if mem.Documentation != "" {
		return mem.Documentation
	}
	return s.Documentation
}

// GlobalOption is one of the CLI's global options.
type GlobalOption struct {
	Name       string
	Type       string
	Doc        string
	Choices    []string
	TakesValue bool
}

// GlobalOptions lists the global options in the CLI's order.
func GlobalOptions() []GlobalOption {
	return []GlobalOption{
		{Name: "--debug", Type: "boolean", Doc: "Turn on debug logging."},
		{Name: "--endpoint-url", Type: "string", Doc: "Override command's default URL with the given URL.", TakesValue: true},
		{Name: "--no-verify-ssl", Type: "boolean", Doc: "By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates."},
		{Name: "--no-paginate", Type: "boolean", Doc: "Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will only make one call, for the first page of results."},
		{Name: "--output", Type: "string", Doc: "The formatting style for command output.", Choices: []string{"json", "text", "table", "yaml", "yaml-stream", "off"}, TakesValue: true},
		{Name: "--query", Type: "string", Doc: "A JMESPath query to use in filtering the response data.", TakesValue: true},
		{Name: "--profile", Type: "string", Doc: "Use a specific profile from your credential file.", TakesValue: true},
		{Name: "--region", Type: "string", Doc: "The region to use. Overrides config/env settings.", TakesValue: true},
		{Name: "--version", Type: "string", Doc: "Display the version of this tool."},
		{Name: "--color", Type: "string", Doc: "Turn on/off color output.", Choices: []string{"on", "off", "auto"}, TakesValue: true},
		{Name: "--no-sign-request", Type: "boolean", Doc: "Do not sign requests. Credentials will not be loaded if this argument is provided."},
		{Name: "--ca-bundle", Type: "string", Doc: "The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.", TakesValue: true},
		{Name: "--cli-read-timeout", Type: "int", Doc: "The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.", TakesValue: true},
		{Name: "--cli-connect-timeout", Type: "int", Doc: "The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.", TakesValue: true},
		{Name: "--cli-binary-format", Type: "string", Doc: "The formatting style to be used for binary blobs. The default format is base64. The base64 format expects binary blobs to be provided as a base64 encoded string. The raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary values must be passed literally. When providing contents from a file that map to a binary blob fileb:// will always be treated as binary and use the file contents directly regardless of the cli-binary-format setting. When using file:// the file contents will need to properly formatted for the configured cli-binary-format.", Choices: []string{"base64", "raw-in-base64-out"}, TakesValue: true},
		{Name: "--no-cli-pager", Type: "boolean", Doc: "Disable cli pager for output."},
		{Name: "--cli-auto-prompt", Type: "boolean", Doc: "Automatically prompt for CLI input parameters. Not supported by this build: it reports an error."},
		{Name: "--no-cli-auto-prompt", Type: "boolean", Doc: "Disable automatically prompt for CLI input parameters."},
		{Name: "--cli-error-format", Type: "string", Doc: "The formatting style for error output. By default errors are displayed in enhanced format.", Choices: []string{"legacy", "json", "yaml", "text", "table", "enhanced"}, TakesValue: true},
	}
}
