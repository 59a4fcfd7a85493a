// Package model is the Amazon Cognito user pools API model that botocore
// ships, vendored under botocore/ and compiled into zz_generated.go by
// `go generate` (see internal/gen). Shapes and operations are stored as
// small JSON texts and decoded on first use, so an invocation pays only
// for the part of the model its operation touches.
package model

//go:generate go run ./internal/gen

import (
	"encoding/json"
	"fmt"
	"sort"
)

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

// Model gives access to the vendored service model. It caches what it has
// decoded; it is not safe for concurrent use.
type Model struct {
	shapes map[string]*Shape
	ops    map[string]*Operation
}

// New returns a model over the compiled-in tables.
func New() *Model {
	return &Model{shapes: map[string]*Shape{}, ops: map[string]*Operation{}}
}

// Metadata of the service, from service-2.json.
const (
	ServiceName  = "cognito-idp"
	APIVersion   = apiVersion
	TargetPrefix = targetPrefix
	JSONVersion  = jsonVersion
	EndpointName = endpointPrefix
)

func lookup(table []entry, name string) (string, bool) {
	i := sort.Search(len(table), func(i int) bool { return table[i].name >= name })
	if i < len(table) && table[i].name == name {
		return table[i].json, true
	}
	return "", false
}

// Shape returns the named shape, or nil when the model has none.
func (m *Model) Shape(name string) *Shape {
	if s, ok := m.shapes[name]; ok {
		return s
	}
	raw, ok := lookup(shapeTable, name)
	if !ok {
		return nil
	}
	s := &Shape{}
	if err := json.Unmarshal([]byte(raw), s); err != nil {
		panic(fmt.Sprintf("model: shape %s: %v", name, err)) // generated data is broken
	}
	s.Name = name
	m.shapes[name] = s
	return s
}

// Operation returns the operation with the model name (UpdateUserPoolClient).
func (m *Model) Operation(name string) *Operation {
	if o, ok := m.ops[name]; ok {
		return o
	}
	raw, ok := lookup(operationTable, name)
	if !ok {
		return nil
	}
	o := &Operation{}
	if err := json.Unmarshal([]byte(raw), o); err != nil {
		panic(fmt.Sprintf("model: operation %s: %v", name, err))
	}
	m.ops[name] = o
	return o
}

// OperationNames lists every operation's model name, sorted.
func OperationNames() []string {
	names := make([]string, len(operationTable))
	for i, e := range operationTable {
		names[i] = e.name
	}
	return names
}

// OperationByCLIName finds the model name for a CLI command name
// (update-user-pool-client → UpdateUserPoolClient).
func OperationByCLIName(cli string) (string, bool) {
	for _, e := range operationTable {
		if XformName(e.name, '-') == cli {
			return e.name, true
		}
	}
	return "", false
}

// PaginatorFor returns the paginator of an operation, if it has one.
func PaginatorFor(op string) (Paginator, bool) {
	p, ok := paginators[op]
	return p, ok
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

type entry struct{ name, json string }
