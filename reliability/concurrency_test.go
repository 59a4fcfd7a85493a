package reliability

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/motoserver"
)

// listFiles names every file under dir.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && path != dir {
			names = append(names, path)
		}
		return nil
	})
	sort.Strings(names)
	return names
}

// TestConcurrentInvocations runs 50 invocations, 16 at a time, against one
// moto server with one shared home and temp directory: every one must
// succeed with exactly its own output, and none may leave a temp or lock
// file behind.
func TestConcurrentInvocations(t *testing.T) {
	if *recordFlag {
		t.Skip("nothing to record")
	}
	if err := motoserver.Available(); err != nil {
		t.Skipf("moto is not available: %v", err)
	}
	moto := motoserver.StartT(t)
	pool, err := moto.Call("CreateUserPool", map[string]any{"PoolName": "concurrency"})
	if err != nil {
		t.Fatal(err)
	}
	poolID, _ := pool["UserPool"].(map[string]any)["Id"].(string)
	if poolID == "" {
		t.Fatalf("no pool id in %v", pool)
	}

	env := baseEnv(t)
	home := strings.TrimPrefix(env[1], "HOME=")
	tmp := t.TempDir()
	env = append(env, "TMPDIR="+tmp)
	if err := os.WriteFile(filepath.Join(home, "config"), []byte("[default]\noutput = json\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	homeBefore := listFiles(t, home)

	const total, parallel = 50, 16
	type job struct {
		args []string
		want string
	}
	jobs := make([]job, total)
	for i := range jobs {
		name := fmt.Sprintf("user-%02d", i)
		switch i % 3 {
		case 0, 1: // a write whose output names what it created
			jobs[i] = job{[]string{"admin-create-user", "--user-pool-id", poolID, "--username", name,
				"--user-attributes", "Name=email,Value=" + name + "@example.com",
				"--query", "User.[Username, Attributes[?Name=='email'].Value | [0]]", "--output", "text"},
				name + "\t" + name + "@example.com\n"}
		default: // a read with a larger JSON answer
			jobs[i] = job{[]string{"describe-user-pool", "--user-pool-id", poolID, "--query", "UserPool.{Id: Id, Name: Name}"},
				fmt.Sprintf("{\n    \"Id\": \"%s\",\n    \"Name\": \"concurrency\"\n}\n", poolID)}
		}
	}
	results := make([]result, total)
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			args := append([]string{"cognito-idp"}, jobs[i].args...)
			args = append(args, "--endpoint-url", moto.Endpoint())
			results[i] = run(t, 60*time.Second, env, "", args...)
		}(i)
	}
	wg.Wait()
	t.Logf("%d invocations, %d at a time, in %v", total, parallel, time.Since(start))
	created := 0
	for i, r := range results {
		if r.Exit != 0 || r.Stdout != jobs[i].want || r.Stderr != "" {
			t.Errorf("invocation %d (%s): exit %d\nstdout %q\nwant   %q\nstderr %q",
				i, jobs[i].args[0], r.Exit, r.Stdout, jobs[i].want, r.Stderr)
		}
		if jobs[i].args[0] == "admin-create-user" {
			created++
		}
	}
	// Every write reached the server once.
	r := run(t, 60*time.Second, env, "", "cognito-idp", "list-users", "--user-pool-id", poolID,
		"--query", "length(Users)", "--endpoint-url", moto.Endpoint())
	if r.Exit != 0 || strings.TrimSpace(r.Stdout) != fmt.Sprint(created) {
		t.Errorf("list-users counted %q users (exit %d, %s), want %d", r.Stdout, r.Exit, r.Stderr, created)
	}
	if left := listFiles(t, tmp); len(left) > 0 {
		t.Errorf("files left in TMPDIR: %v", left)
	}
	if after := listFiles(t, home); strings.Join(after, "\n") != strings.Join(homeBefore, "\n") {
		t.Errorf("files in HOME changed:\nbefore %v\nafter  %v", homeBefore, after)
	}
}
