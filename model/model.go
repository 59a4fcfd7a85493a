// Package model is the Amazon Cognito user pools API model that botocore
// ships, vendored under botocore/ and compiled into zz_generated.go by
// `go generate` (see internal/gen). Shapes and operations are stored as
// small JSON texts and decoded on first use, so an invocation pays only
// for the part of the model its operation touches.
package model

//go:generate go run ./internal/gen

import "sort"

// Shape is one botocore shape. Structure members keep the model's order,
// which JSON output follows.
type Shape struct {
	Name          string    `json:"-"`
	Type          string    `json:"type"`
	Members       []*Member `json:"members,omitempty"`
	Required      []string  `json:"required,omitempty"`
	Member        *Ref      `json:"member,omitempty"`
	Key           *Ref      `json:"key,omitempty"`
	Value         *Ref      `json:"value,omitempty"`
	Enum          []string  `json:"enum,omitempty"`
	Min           *float64  `json:"min,omitempty"`
	Max           *float64  `json:"max,omitempty"`
	Pattern       string    `json:"pattern,omitempty"`
	Documentation string    `json:"documentation,omitempty"`
	Sensitive     bool      `json:"sensitive,omitempty"`
	Exception     bool      `json:"exception,omitempty"`
	Fault         bool      `json:"fault,omitempty"`
	Document      bool      `json:"document,omitempty"`
	Deprecated    bool      `json:"deprecated,omitempty"`
}

// Member is a named reference from a structure to a shape.
type Member struct {
	Name              string `json:"name"`
	Shape             string `json:"shape"`
	Documentation     string `json:"documentation,omitempty"`
	Deprecated        bool   `json:"deprecated,omitempty"`
	DeprecatedMessage string `json:"deprecatedMessage,omitempty"`
	Box               bool   `json:"box,omitempty"`
}

// Ref is the target of a list member, map key or map value.
type Ref struct {
	Shape         string `json:"shape"`
	Documentation string `json:"documentation,omitempty"`
}

// Operation is one API call.
type Operation struct {
	Name          string   `json:"name"`
	Input         *Ref     `json:"input,omitempty"`
	Output        *Ref     `json:"output,omitempty"`
	Errors        []*Ref   `json:"errors,omitempty"`
	Documentation string   `json:"documentation,omitempty"`
	AuthType      string   `json:"authtype,omitempty"`
	Auth          []string `json:"auth,omitempty"`
	Deprecated    bool     `json:"deprecated,omitempty"`
}

// Paginator is an entry of paginators-1.json.
type Paginator struct {
	InputToken  string
	OutputToken string
	LimitKey    string
	ResultKey   string
}

// Model gives access to the vendored service model. The shapes and
// operations it returns are shared, read-only data: callers must not
// modify them. It is safe for concurrent use.
type Model struct{}

// New returns a model over the compiled-in tables.
func New() *Model { return &Model{} }

// Metadata of the service, from service-2.json.
const (
	ServiceName  = "cognito-idp"
	APIVersion   = apiVersion
	TargetPrefix = targetPrefix
	JSONVersion  = jsonVersion
	EndpointName = endpointPrefix
)

// Shape returns the named shape, or nil when the model has none.
func (m *Model) Shape(name string) *Shape {
	i := sort.Search(len(shapeTable), func(i int) bool { return shapeTable[i].name >= name })
	if i < len(shapeTable) && shapeTable[i].name == name {
		return shapeTable[i].shape
	}
	return nil
}

// Operation returns the operation with the model name (UpdateUserPoolClient).
func (m *Model) Operation(name string) *Operation {
	i := sort.Search(len(operationTable), func(i int) bool { return operationTable[i].name >= name })
	if i < len(operationTable) && operationTable[i].name == name {
		return operationTable[i].op
	}
	return nil
}

// OperationNames lists every operation's model name, sorted.
func OperationNames() []string {
	names := make([]string, len(operationTable))
	for i, e := range operationTable {
		names[i] = e.name
	}
	return names
}

// CLINames lists every operation's command name (update-user-pool-client),
// sorted; the generator computed them, so start-up does not.
func CLINames() []string {
	names := make([]string, len(cliTable))
	for i, e := range cliTable {
		names[i] = e.cli
	}
	return names
}

// OperationByCLIName finds the model name for a CLI command name
// (update-user-pool-client → UpdateUserPoolClient).
func OperationByCLIName(cli string) (string, bool) {
	i := sort.Search(len(cliTable), func(i int) bool { return cliTable[i].cli >= cli })
	if i < len(cliTable) && cliTable[i].cli == cli {
		return cliTable[i].name, true
	}
	return "", false
}

// PaginatorFor returns the paginator of an operation, if it has one.
func PaginatorFor(op string) (Paginator, bool) {
	i := sort.Search(len(paginatorTable), func(i int) bool { return paginatorTable[i].name >= op })
	if i < len(paginatorTable) && paginatorTable[i].name == op {
		return paginatorTable[i].p, true
	}
	return Paginator{}, false
}

// MemberShape resolves a member's target.
func (m *Model) MemberShape(mem *Member) *Shape { return m.Shape(mem.Shape) }

// FindMember returns the member of a structure by name.
func (s *Shape) FindMember(name string) *Member {
	for _, mem := range s.Members {
		if mem.Name == name {
			return mem
		}
	}
	return nil
}

// IsRequired reports whether a structure requires the member.
func (s *Shape) IsRequired(name string) bool {
	for _, r := range s.Required {
		if r == name {
			return true
		}
	}
	return false
}

// Entries of the generated tables, each sorted by its first field.
type (
	shapeEntry struct {
		name  string
		shape *Shape
	}
	operationEntry struct {
		name string
		op   *Operation
	}
	cliEntry       struct{ cli, name string }
	paginatorEntry struct {
		name string
		p    Paginator
	}
)
