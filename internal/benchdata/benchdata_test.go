package benchdata

import (
	"encoding/json"
	"testing"
)

func TestBodiesAreJSON(t *testing.T) {
	var v struct {
		Users           []map[string]any
		PaginationToken string
	}
	if err := json.Unmarshal(ListUsers(0, 60, 100), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Users) != 60 || v.PaginationToken != "60" || v.Users[59]["Username"] != "user00059" {
		t.Fatalf("unexpected page: %d users, token %q", len(v.Users), v.PaginationToken)
	}
	v.PaginationToken = ""
	if err := json.Unmarshal(ListUsers(60, 100, 100), &v); err != nil || v.PaginationToken != "" {
		t.Fatalf("last page: %v, token %q", err, v.PaginationToken)
	}
	if !json.Valid([]byte(DescribeUserPoolClient)) {
		t.Fatal("DescribeUserPoolClient is not JSON")
	}
}
