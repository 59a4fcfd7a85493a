// Command benchsum copies `go test -bench -benchmem` output from stdin to
// stdout and then summarises it: one line per benchmark, and for those run
// on several list-users sizes (".../users=N") the cost per user at each
// size, which stays flat when the work grows linearly. It exits 1 when the
// input reports a failure. make bench pipes the Go benchmarks through it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// result is one benchmark line.
type result struct {
	name          string
	ns, b, allocs float64
}

var (
	benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)
	sizeName  = regexp.MustCompile(`^(.*)/users=(\d+)$`)
)

func main() {
	failed := false
	var pkg string
	var results []result
	pkgOf := map[string]string{}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		fmt.Println(line)
		if strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "--- FAIL") || strings.HasPrefix(line, "panic:") {
			failed = true
		}
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimPrefix(p, "github.com/cognito-cli/aws/")
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		r := result{name: m[1]}
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				r.ns = v
			case "B/op":
				r.b = v
			case "allocs/op":
				r.allocs = v
			}
		}
		results = append(results, r)
		pkgOf[r.name] = pkg
	}
	summarise(results, pkgOf)
	if failed {
		fmt.Println("benchsum: a benchmark failed")
		os.Exit(1)
	}
}

func summarise(results []result, pkgOf map[string]string) {
	fmt.Println("\n== Go benchmarks: summary")
	fmt.Printf("%-52s %12s %12s %10s\n", "benchmark", "time/op", "mem/op", "allocs/op")
	for _, r := range results {
		fmt.Printf("%-52s %12s %12s %10.0f\n", pkgOf[r.name]+" "+strings.TrimPrefix(r.name, "Benchmark"), dur(r.ns), size(r.b), r.allocs)
	}

	type point struct {
		n int
		r result
	}
	series := map[string][]point{}
	var order []string
	for _, r := range results {
		m := sizeName.FindStringSubmatch(r.name)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		key := pkgOf[r.name] + " " + strings.TrimPrefix(m[1], "Benchmark")
		if _, ok := series[key]; !ok {
			order = append(order, key)
		}
		series[key] = append(series[key], point{n, r})
	}
	if len(order) == 0 {
		return
	}
	fmt.Println("\n== Cost per user (flat = linear; spread is the largest over the smallest per-user time)")
	fmt.Printf("%-44s %8s %12s %12s %10s %8s\n", "benchmark", "users", "time/user", "mem/user", "allocs/user", "spread")
	for _, key := range order {
		pts := series[key]
		sort.Slice(pts, func(i, j int) bool { return pts[i].n < pts[j].n })
		lo, hi := 0.0, 0.0
		for i, p := range pts {
			per := p.r.ns / float64(p.n)
			if i == 0 || per < lo {
				lo = per
			}
			if per > hi {
				hi = per
			}
		}
		for i, p := range pts {
			n := float64(p.n)
			spread := ""
			if i == len(pts)-1 && lo > 0 {
				spread = fmt.Sprintf("%.2fx", hi/lo)
			}
			fmt.Printf("%-44s %8d %12s %12s %10.1f %8s\n", key, p.n, dur(p.r.ns/n), size(p.r.b/n), p.r.allocs/n, spread)
		}
	}
}

func dur(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.2f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func size(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.2f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}
