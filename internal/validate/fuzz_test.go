package validate

import (
	"testing"

	"github.com/cognito-cli/aws/internal/document"
	"github.com/cognito-cli/aws/model"
)

// FuzzValidate feeds arbitrary JSON documents to the validator of a few
// operations with nested structures, lists, maps, blobs and documents.
func FuzzValidate(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`{"UserPoolId":"p","ClientId":"","TokenValidityUnits":{"AccessToken":1}}`,
		`{"PoolName":"p","UserPoolTags":{"":null},"Schema":[{"Name":1}]}`,
		`{"Settings":{"a":[1,{"b":null}]},"Assets":[{"Bytes":[]}]}`,
		`{"ImageFile":"x","ReadAttributes":[["\u00e9'\""]]}`,
	} {
		f.Add([]byte(seed))
	}
	m := model.New()
	ops := []string{"UpdateUserPoolClient", "CreateUserPool", "CreateManagedLoginBranding", "SetUICustomization", "AdminCreateUser"}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := document.ParseJSON(data)
		if err != nil {
			return
		}
		params, ok := v.(*document.Map)
		if !ok {
			return
		}
		for _, op := range ops {
			_ = Validate(m, m.Shape(m.Operation(op).Input.Shape), params)
		}
	})
}
