package response

import (
	"testing"
	"time"

	"github.com/cognito-cli/aws/model"
)

// FuzzDecode feeds arbitrary bodies to the decoder for output shapes with
// timestamps, maps, documents, blobs and deep nesting, in both timestamp
// formats, and to the error decoder. Nothing may panic.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `null`, `[1]`, `{"UserPool": {"CreationDate": 1.5, "UserPoolTags": {"a": "b"}}}`,
		`{"UICustomization": {"LastModifiedDate": "2024-03-01T12:34:56Z"}}`,
		`{"UICustomization": {"LastModifiedDate": 1e300}}`,
		`{"ManagedLoginBranding": {"Settings": {"a": [1]}, "Assets": [{"Bytes": "aGk="}]}}`,
		`{"Users": [null, {"UserCreateDate": "-1_0.5"}]}`,
		`{"__type": "com.x#InvalidParameterException:y", "message": {"a": 1}, "reasonCode": 5}`,
	} {
		f.Add([]byte(seed))
	}
	m := model.New()
	ops := []string{"DescribeUserPool", "GetUICustomization", "DescribeManagedLoginBranding", "ListUsers", "DescribeUserImportJob", "AdminGetUser"}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, op := range ops {
			shape := m.Shape(m.Operation(op).Output.Shape)
			_, _ = DecodeWith(m, shape, body, Options{Location: ny})
			_, _ = DecodeWith(m, shape, body, Options{TimestampFormat: TimestampWire})
		}
		for _, status := range []int{400, 500} {
			_ = DecodeError(m, status, body)
		}
		_, _ = isoTimestamp(string(body), time.UTC)
	})
}
