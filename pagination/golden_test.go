package pagination

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A case is a fixture-backed sequence of commands. In arguments, $POOL is
// the fixture's user pool and $TOKEN the last NextToken/PaginationToken the
// previous command printed; in test mode $TOKEN comes from the recorded
// reference output, so every resume starts from a token the reference made.
type pageCase struct {
	id    string
	steps [][]string
}

func c(id string, steps ...string) pageCase {
	pc := pageCase{id: id}
	for _, s := range steps {
		pc.steps = append(pc.steps, strings.Fields(s))
	}
	return pc
}

// queryArg lets a case carry a --query with spaces: "@Q1" expands to it.
var queries = map[string]string{
	"@NAMES":  "Users[].Username",
	"@SORTED": "sort(Groups[].GroupName)",
	"@HASH":   "{Names: Users[].Username, NextToken: NextToken}",
	"@CLIENT": "UserPoolClients[].ClientName",
}

var cases = []pageCase{
	// list-users: 7 users.
	c("lu-all", "cognito-idp list-users --user-pool-id $POOL"),
	c("lu-page-size", "cognito-idp list-users --user-pool-id $POOL --page-size 3"),
	c("lu-page-size-text", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --output text"),
	c("lu-max-mid-page",
		"cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 4",
		"cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 4 --starting-token $TOKEN"),
	c("lu-max-boundary",
		"cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 3",
		"cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 3 --starting-token $TOKEN --output text",
		"cognito-idp list-users --user-pool-id $POOL --page-size 3 --starting-token $TOKEN"),
	c("lu-max-one-page",
		"cognito-idp list-users --user-pool-id $POOL --max-items 2 --output text",
		"cognito-idp list-users --user-pool-id $POOL --max-items 2 --starting-token $TOKEN --output text",
		"cognito-idp list-users --user-pool-id $POOL --starting-token $TOKEN --query @NAMES"),
	c("lu-resume-other-page-size",
		"cognito-idp list-users --user-pool-id $POOL --page-size 2 --max-items 3 --query @HASH",
		"cognito-idp list-users --user-pool-id $POOL --page-size 4 --starting-token $TOKEN --query @HASH"),
	c("lu-max-items-exact", "cognito-idp list-users --user-pool-id $POOL --max-items 7 --page-size 7"),
	c("lu-max-items-more", "cognito-idp list-users --user-pool-id $POOL --max-items 50 --page-size 2 --output text"),
	c("lu-max-items-zero", "cognito-idp list-users --user-pool-id $POOL --max-items 0 --query @NAMES"),
	c("lu-max-items-negative", "cognito-idp list-users --user-pool-id $POOL --max-items -1 --page-size 3 --query @NAMES"),
	c("lu-no-paginate", "cognito-idp list-users --user-pool-id $POOL --no-paginate --limit 3 --query @NAMES"),
	c("lu-no-paginate-full", "cognito-idp list-users --user-pool-id $POOL --no-paginate --limit 2"),
	c("lu-no-paginate-text", "cognito-idp list-users --user-pool-id $POOL --no-paginate --limit 3 --output text"),
	c("lu-limit-off",
		"cognito-idp list-users --user-pool-id $POOL --limit 3 --query [Users[].Username,PaginationToken]",
		"cognito-idp list-users --user-pool-id $POOL --limit 3 --pagination-token $TOKEN --query [Users[].Username,PaginationToken]"),
	c("lu-limit-off-text", "cognito-idp list-users --user-pool-id $POOL --limit 2 --output text"),
	c("lu-service-token-as-starting-token",
		"cognito-idp list-users --user-pool-id $POOL --limit 3 --query [Users[].Username,PaginationToken]",
		"cognito-idp list-users --user-pool-id $POOL --starting-token $TOKEN"),
	c("lu-limit-with-max-items", "cognito-idp list-users --user-pool-id $POOL --limit 2 --max-items 1"),
	c("lu-no-paginate-with-options", "cognito-idp list-users --user-pool-id $POOL --no-paginate --page-size 2 --max-items 1 --starting-token abc"),
	c("lu-token-with-limit", "cognito-idp list-users --user-pool-id $POOL --pagination-token abc --max-items 1"),
	c("lu-bad-token-opaque", "cognito-idp list-users --user-pool-id $POOL --starting-token abc"),
	c("lu-bad-token-parts", "cognito-idp list-users --user-pool-id $POOL --starting-token a___b___c"),
	c("lu-bad-token-unknown-key", "cognito-idp list-users --user-pool-id $POOL --starting-token eyJ4IjogMX0="),
	c("lu-bad-token-null", "cognito-idp list-users --user-pool-id $POOL --starting-token bnVsbA=="),
	c("lu-bad-token-string", "cognito-idp list-users --user-pool-id $POOL --starting-token InRvazEi"),
	c("lu-bad-token-missing-key", "cognito-idp list-users --user-pool-id $POOL --max-items 1 --starting-token eyJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDF9"),
	// Every output format, with and without --query, truncated mid-page.
	c("lu-fmt-json-query", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --query @NAMES"),
	c("lu-fmt-text", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output text"),
	c("lu-fmt-text-query", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output text --query @NAMES"),
	c("lu-fmt-text-query-hash", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output text --query @HASH"),
	c("lu-fmt-table", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output table"),
	c("lu-fmt-table-query", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output table --query @NAMES"),
	c("lu-fmt-yaml", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output yaml"),
	c("lu-fmt-yaml-query", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output yaml --query @NAMES"),
	c("lu-fmt-yaml-stream", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output yaml-stream"),
	c("lu-fmt-yaml-stream-query", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --max-items 5 --output yaml-stream --query @NAMES"),
	c("lu-fmt-yaml-stream-all", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --output yaml-stream --query @NAMES"),
	c("lu-fmt-table-all", "cognito-idp list-users --user-pool-id $POOL --page-size 3 --output table --query @NAMES"),

	// list-user-pool-clients: 5 clients.
	c("lupc-pages", "cognito-idp list-user-pool-clients --user-pool-id $POOL --page-size 2"),
	c("lupc-resume",
		"cognito-idp list-user-pool-clients --user-pool-id $POOL --page-size 2 --max-items 3 --output text",
		"cognito-idp list-user-pool-clients --user-pool-id $POOL --page-size 2 --max-items 3 --starting-token $TOKEN"),
	c("lupc-max-results", "cognito-idp list-user-pool-clients --user-pool-id $POOL --max-results 2 --output text"),
	c("lupc-query-text", "cognito-idp list-user-pool-clients --user-pool-id $POOL --page-size 2 --max-items 4 --output text --query @CLIENT"),

	// list-groups: 5 groups.
	c("lg-pages", "cognito-idp list-groups --user-pool-id $POOL --page-size 2"),
	c("lg-resume",
		"cognito-idp list-groups --user-pool-id $POOL --page-size 2 --max-items 2",
		"cognito-idp list-groups --user-pool-id $POOL --page-size 2 --max-items 2 --starting-token $TOKEN --output text",
		"cognito-idp list-groups --user-pool-id $POOL --page-size 2 --max-items 2 --starting-token $TOKEN"),
	c("lg-no-paginate", "cognito-idp list-groups --user-pool-id $POOL --limit 2 --no-paginate --output text"),

	// list-users-in-group: 5 members of g1.
	c("luig-pages", "cognito-idp list-users-in-group --user-pool-id $POOL --group-name g1 --page-size 2 --query @NAMES"),
	c("luig-resume",
		"cognito-idp list-users-in-group --user-pool-id $POOL --group-name g1 --page-size 2 --max-items 3 --query @HASH",
		"cognito-idp list-users-in-group --user-pool-id $POOL --group-name g1 --page-size 2 --starting-token $TOKEN --output text"),

	// admin-list-groups-for-user: moto keeps a user's groups in a set whose
	// order differs between runs, so only order-free results are compared.
	c("algfu-pages", "cognito-idp admin-list-groups-for-user --user-pool-id $POOL --username u01 --page-size 1 --query @SORTED"),
	c("algfu-no-paginate", "cognito-idp admin-list-groups-for-user --user-pool-id $POOL --username u01 --limit 10 --query @SORTED"),
	c("algfu-count", "cognito-idp admin-list-groups-for-user --user-pool-id $POOL --username u01 --page-size 3 --max-items 2 --query length(Groups)"),

	// list-user-pools: MaxResults is required, so it never auto-paginates.
	c("lup-max-results", "cognito-idp list-user-pools --max-results 2 --query [UserPools[].Name,NextToken]",
		"cognito-idp list-user-pools --max-results 2 --next-token $TOKEN --query UserPools[].Name"),
	c("lup-max-items", "cognito-idp list-user-pools --max-results 1 --max-items 1"),

	// list-identity-providers and list-resource-servers: 4 of each.
	c("lip-pages", "cognito-idp list-identity-providers --user-pool-id $POOL --page-size 1"),
	c("lip-resume",
		"cognito-idp list-identity-providers --user-pool-id $POOL --page-size 3 --max-items 2 --output text",
		"cognito-idp list-identity-providers --user-pool-id $POOL --page-size 3 --starting-token $TOKEN"),
	c("lrs-pages", "cognito-idp list-resource-servers --user-pool-id $POOL --page-size 3 --output text"),
	c("lrs-resume",
		"cognito-idp list-resource-servers --user-pool-id $POOL --page-size 3 --max-items 3",
		"cognito-idp list-resource-servers --user-pool-id $POOL --page-size 3 --max-items 3 --starting-token $TOKEN"),
	c("lrs-max-results", "cognito-idp list-resource-servers --user-pool-id $POOL --max-results 3"),
}

// goldenStep is one recorded command.
type goldenStep struct {
	Args []string `json:"args"`
	result
	// ReferenceStderr is what the installed reference printed when it
	// differs from Stderr (its older error layer, translated as
	// ../shared/conformance/REFERENCE.md describes).
	ReferenceStderr string `json:"reference_stderr,omitempty"`
}

type golden struct {
	ID        string       `json:"id"`
	Reference string       `json:"reference"`
	Steps     []goldenStep `json:"steps"`
}

func goldenPath(id string) string { return filepath.Join("testdata", "golden", id+".json") }

var tokenRE = regexp.MustCompile(`(?m)(?:"(?:NextToken|PaginationToken)": "|^NEXTTOKEN\t|^NextToken: |^    ")([A-Za-z0-9+/=]{8,})"?,?$`)

// lastToken is the last pagination token printed on stdout.
func lastToken(stdout string) string {
	m := tokenRE.FindAllStringSubmatch(stdout, -1)
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1][1]
}

func expand(args []string, vars map[string]string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if q, ok := queries[a]; ok {
			a = q
		}
		for k, v := range vars {
			a = strings.ReplaceAll(a, "$"+k, v)
		}
		out[i] = a
	}
	return out
}

// readOnly reports whether every command of a case only reads moto's state
// (the list operations and their admin- forms), so that it may share one
// fixture with other such cases, concurrently.
func (pc pageCase) readOnly() bool {
	for _, args := range pc.steps {
		if len(args) < 2 || !(strings.HasPrefix(args[1], "list-") || strings.HasPrefix(args[1], "admin-list-")) {
			return false
		}
	}
	return true
}

// TestGolden runs every case against moto holding the paging fixture, made
// after a reset and reseed, and compares stdout, stderr and the exit status
// with the reference's. Creating the fixture is most of a case's cost and
// reading does not change it (page tokens are stateless), so read-only
// cases share one fixture and run in parallel; any other case resets and
// builds its own first, before the shared fixture is made.
func TestGolden(t *testing.T) {
	srv := server(t)
	var shared []pageCase
	for _, pc := range cases {
		if pc.readOnly() {
			shared = append(shared, pc)
			continue
		}
		t.Run(pc.id, func(t *testing.T) {
			vars, err := applyFixture(srv)
			if err != nil {
				t.Fatal(err)
			}
			runGoldenCase(t, srv.Endpoint(), pc, vars)
		})
	}
	vars, err := applyFixture(srv)
	if err != nil {
		t.Fatal(err)
	}
	for _, pc := range shared {
		t.Run(pc.id, func(t *testing.T) {
			t.Parallel()
			runGoldenCase(t, srv.Endpoint(), pc, maps.Clone(vars))
		})
	}
}

// runGoldenCase runs one case's commands against the fixture described by
// vars and checks (or, with -record, writes) its golden file.
func runGoldenCase(t *testing.T, endpoint string, pc pageCase, vars map[string]string) {
	var want golden
	if !*recordFlag {
		data, err := os.ReadFile(goldenPath(pc.id))
		if err != nil {
			t.Fatalf("no golden file (record with testdata/record.sh): %v", err)
		}
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if len(want.Steps) != len(pc.steps) {
			t.Fatalf("golden has %d steps, case %d: re-record", len(want.Steps), len(pc.steps))
		}
	}
	rec := golden{ID: pc.id, Reference: referenceVersion(t)}
	prev := ""
	for i, args := range pc.steps {
		vars["TOKEN"] = lastToken(prev)
		argv := expand(args, vars)
		got := run(t, endpoint, argv...)
		if *recordFlag {
			step := goldenStep{Args: args, result: got}
			if tr := translate(got.Exit, got.Stderr); tr != got.Stderr {
				step.Stderr, step.ReferenceStderr = tr, got.Stderr
			}
			rec.Steps = append(rec.Steps, step)
			prev = got.Stdout
			continue
		}
		w := want.Steps[i]
		if strings.Join(w.Args, " ") != strings.Join(args, " ") {
			t.Fatalf("step %d: golden was recorded for %q: re-record", i+1, w.Args)
		}
		if got.Stdout != w.Stdout || got.Stderr != w.Stderr || got.Exit != w.Exit {
			t.Errorf("step %d: aws %s\nexit %d, want %d\n--- stdout\n%s--- want\n%s--- stderr\n%s--- want\n%s",
				i+1, strings.Join(argv, " "), got.Exit, w.Exit, got.Stdout, w.Stdout, got.Stderr, w.Stderr)
		}
		prev = w.Stdout // resume from the reference's token
	}
	if *recordFlag {
		data, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenPath(pc.id), append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGoldenTokensResume checks that the recorded cases really exercise
// resumption: every step with $TOKEN had a token to use.
func TestGoldenTokensResume(t *testing.T) {
	for _, pc := range cases {
		data, err := os.ReadFile(goldenPath(pc.id))
		if err != nil {
			t.Fatalf("%s: %v", pc.id, err)
		}
		var g golden
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(pc.steps); i++ {
			if strings.Contains(strings.Join(pc.steps[i], " "), "$TOKEN") && lastToken(g.Steps[i-1].Stdout) == "" {
				t.Errorf("%s step %d resumes but step %d printed no token", pc.id, i+1, i)
			}
		}
	}
}

func referenceVersion(t *testing.T) string {
	if !*recordFlag {
		return ""
	}
	r := run(t, "http://127.0.0.1:9", "--version")
	return strings.TrimSpace(r.Stdout)
}

// translate turns the installed reference's (2.9.19) error text into the
// contract's (2.36.7) by REFERENCE.md's table.
func translate(exit int, stderr string) string {
	if !strings.HasPrefix(stderr, "\n") || strings.Contains(stderr, "usage:") {
		return stderr
	}
	body := stderr[1:]
	switch exit {
	case 254:
		return "\naws: [ERROR]: " + body
	case 252:
		return "\naws: [ERROR]: An error occurred (ParamValidation): " + body
	case 255:
		return "\naws: [ERROR]: " + body
	}
	return stderr
}

// applyFixture resets moto and creates the paging fixture: a pool with 7
// users, 5 groups (g1 holds u01..u05; u01 is in g1..g4), 5 app clients,
// 4 identity providers and 4 resource servers, and two more pools.
func applyFixture(srv interface {
	Reset() error
	Call(string, map[string]any) (map[string]any, error)
}) (map[string]string, error) {
	if err := srv.Reset(); err != nil {
		return nil, err
	}
	resp, err := srv.Call("CreateUserPool", map[string]any{"PoolName": "paging-pool"})
	if err != nil {
		return nil, err
	}
	pool, _ := resp["UserPool"].(map[string]any)["Id"].(string)
	calls := []struct {
		op string
		p  map[string]any
	}{}
	add := func(op string, kv ...any) {
		p := map[string]any{"UserPoolId": pool}
		for i := 0; i+1 < len(kv); i += 2 {
			p[kv[i].(string)] = kv[i+1]
		}
		calls = append(calls, struct {
			op string
			p  map[string]any
		}{op, p})
	}
	for i := 1; i <= 7; i++ {
		u := fmt.Sprintf("u%02d", i)
		add("AdminCreateUser", "Username", u, "MessageAction", "SUPPRESS",
			"UserAttributes", []any{map[string]any{"Name": "email", "Value": u + "@example.com"}})
	}
	for i := 1; i <= 5; i++ {
		add("CreateGroup", "GroupName", fmt.Sprintf("g%d", i), "Description", fmt.Sprintf("group %d", i), "Precedence", i)
	}
	for i := 1; i <= 5; i++ {
		add("AdminAddUserToGroup", "GroupName", "g1", "Username", fmt.Sprintf("u%02d", i))
	}
	for i := 2; i <= 4; i++ {
		add("AdminAddUserToGroup", "GroupName", fmt.Sprintf("g%d", i), "Username", "u01")
	}
	for i := 1; i <= 5; i++ {
		add("CreateUserPoolClient", "ClientName", fmt.Sprintf("client-%d", i))
	}
	for i := 1; i <= 4; i++ {
		add("CreateIdentityProvider", "ProviderName", fmt.Sprintf("idp%d", i), "ProviderType", "OIDC",
			"ProviderDetails", map[string]any{"client_id": "cid", "authorize_scopes": "openid",
				"oidc_issuer": "https://issuer.example.com", "attributes_request_method": "GET"})
	}
	for i := 1; i <= 4; i++ {
		add("CreateResourceServer", "Identifier", fmt.Sprintf("https://api%d.example.com", i), "Name", fmt.Sprintf("api%d", i),
			"Scopes", []any{map[string]any{"ScopeName": "read", "ScopeDescription": "read access"}})
	}
	for _, cl := range calls {
		if _, err := srv.Call(cl.op, cl.p); err != nil {
			return nil, err
		}
	}
	for _, n := range []string{"second-pool", "third-pool"} {
		if _, err := srv.Call("CreateUserPool", map[string]any{"PoolName": n}); err != nil {
			return nil, err
		}
	}
	return map[string]string{"POOL": pool}, nil
}

// TestOutputOff: `--output off` (2.36.7 only, so not recordable with the
// installed reference) prints nothing for a paginated call, truncated or
// not, and exits 0 (REFERENCE.md); errors still reach stderr (the message
// is the one recorded in golden/lu-bad-token-parts.json).
func TestOutputOff(t *testing.T) {
	if *recordFlag {
		t.Skip("the installed reference has no --output off")
	}
	srv := server(t)
	vars, err := applyFixture(srv)
	if err != nil {
		t.Fatal(err)
	}
	for _, extra := range [][]string{{}, {"--page-size", "2", "--max-items", "3"}, {"--no-paginate"}} {
		args := append([]string{"cognito-idp", "list-users", "--user-pool-id", vars["POOL"], "--output", "off"}, extra...)
		r := run(t, srv.Endpoint(), args...)
		if r.Stdout != "" || r.Stderr != "" || r.Exit != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want nothing and 0", extra, r.Exit, r.Stdout, r.Stderr)
		}
	}
	r := run(t, srv.Endpoint(), "cognito-idp", "list-users", "--user-pool-id", vars["POOL"], "--output", "off", "--starting-token", "a___b___c")
	if want := "\naws: [ERROR]: Bad starting token: a___b___c\n"; r.Stderr != want || r.Exit != 255 {
		t.Errorf("bad token with --output off: exit %d, stderr %q; want 255, %q", r.Exit, r.Stderr, want)
	}
}

// TestReadOnlyCases: only cases made of list calls may share the fixture.
func TestReadOnlyCases(t *testing.T) {
	for _, tc := range []struct {
		pc   pageCase
		want bool
	}{
		{c("r", "cognito-idp list-users --user-pool-id $POOL", "cognito-idp admin-list-groups-for-user --username u01"), true},
		{c("w", "cognito-idp list-users --user-pool-id $POOL", "cognito-idp admin-create-user --username x"), false},
		{c("d", "cognito-idp delete-group --group-name g1"), false},
		{c("short", "cognito-idp"), false},
	} {
		if got := tc.pc.readOnly(); got != tc.want {
			t.Errorf("%s: readOnly() = %v, want %v", tc.pc.id, got, tc.want)
		}
	}
}
