package pagination

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cognito-cli/aws/internal/motoserver"
)

// createUsers makes a fresh pool holding n users, created by concurrent raw
// AdminCreateUser calls, and returns the pool's id.
func createUsers(t testing.TB, srv *motoserver.Server, n int) string {
	t.Helper()
	if err := srv.Reset(); err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Call("CreateUserPool", map[string]any{"PoolName": fmt.Sprintf("mem-%d", n)})
	if err != nil {
		t.Fatal(err)
	}
	pool, _ := resp["UserPool"].(map[string]any)["Id"].(string)
	const workers = 16
	jobs := make(chan int)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				u := fmt.Sprintf("user%06d", i)
				if _, err := srv.Call("AdminCreateUser", map[string]any{"UserPoolId": pool, "Username": u,
					"MessageAction": "SUPPRESS", "UserAttributes": []any{
						map[string]any{"Name": "email", "Value": u + "@example.com"}}}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		select {
		case jobs <- i:
		case err := <-errs:
			close(jobs)
			wg.Wait()
			t.Fatalf("creating users: %v", err)
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		t.Fatalf("creating users: %v", err)
	default:
	}
	return pool
}

// peakRSS runs list-users over the whole pool and returns the process's
// peak resident set (getrusage's ru_maxrss, KiB on Linux) and the size of
// what it printed.
func peakRSS(t testing.TB, endpoint, pool string, args ...string) (kib int64, outBytes int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	argv := append([]string{"--endpoint-url", endpoint, "cognito-idp", "list-users", "--user-pool-id", pool}, args...)
	cmd := exec.CommandContext(ctx, h.binary, argv...)
	cmd.Env = baseEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("list-users: %v\n%s", err, stderr.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no rusage on this platform")
	}
	return ru.Maxrss, stdout.Len()
}

type memPoint struct {
	users  int
	rssKiB int64
	out    int
}

func measure(t testing.TB, srv *motoserver.Server, n int) memPoint {
	pool := createUsers(t, srv, n)
	rss, out := peakRSS(t, srv.Endpoint(), pool)
	if want := n * len(`"Username": "user000000"`); out < want {
		t.Fatalf("%d users printed only %d bytes", n, out)
	}
	return memPoint{n, rss, out}
}

// TestListUsersMemoryBounded checks that a full list-users keeps no more
// than the merged result plus a page: the peak RSS grows with the number
// of users by a bounded amount per user (well under the size of the
// printed JSON per user times a small factor), measured at 200 and 2,000
// users. The 20,000-user comparison is BenchmarkListUsersMemory.
func TestListUsersMemoryBounded(t *testing.T) {
	if *recordFlag {
		t.Skip("nothing to record")
	}
	srv := server(t)
	small := measure(t, srv, 200)
	big := measure(t, srv, 2000)
	perUser := float64(big.rssKiB-small.rssKiB) * 1024 / float64(big.users-small.users)
	outPerUser := float64(big.out) / float64(big.users)
	t.Logf("peak RSS: %d KiB at %d users, %d KiB at %d users; %.0f bytes/user (output %.0f bytes/user)",
		small.rssKiB, small.users, big.rssKiB, big.users, perUser, outPerUser)
	// The decoded result plus the printed text is a few times the output;
	// holding every raw page body as well would add a multiple more.
	if perUser > 6*outPerUser {
		t.Errorf("memory grows by %.0f bytes per user, more than 6x the %.0f bytes printed per user", perUser, outPerUser)
	}
}

// BenchmarkListUsersMemory paginates 2,000 and 20,000 users (`make bench`)
// and reports peak RSS and its growth per user; the per-user growth from
// 2,000 to 20,000 must stay roughly flat (memory bounded by the result, not
// by the number of pages).
func BenchmarkListUsersMemory(b *testing.B) {
	if os.Getenv("PAGINATION_BENCH_USERS") == "skip" {
		b.Skip("PAGINATION_BENCH_USERS=skip")
	}
	srv := server(b)
	var points []memPoint
	for _, n := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("users=%d", n), func(b *testing.B) {
			pool := createUsers(b, srv, n)
			b.ResetTimer()
			var p memPoint
			for i := 0; i < b.N; i++ {
				rss, out := peakRSS(b, srv.Endpoint(), pool)
				p = memPoint{n, rss, out}
			}
			b.ReportMetric(float64(p.rssKiB), "peak-RSS-KiB")
			b.ReportMetric(float64(p.out)/float64(n), "out-bytes/user")
			points = append(points, p)
		})
	}
	if len(points) == 2 {
		a, z := points[0], points[1]
		perUser := float64(z.rssKiB-a.rssKiB) * 1024 / float64(z.users-a.users)
		outPerUser := float64(z.out) / float64(z.users)
		b.Logf("peak RSS %d KiB at %d users, %d KiB at %d users: %.0f bytes/user growth, %.0f bytes/user printed",
			a.rssKiB, a.users, z.rssKiB, z.users, perUser, outPerUser)
		if perUser > 6*outPerUser {
			b.Errorf("memory grows by %.0f bytes per user between %d and %d users", perUser, a.users, z.users)
		}
	}
}
