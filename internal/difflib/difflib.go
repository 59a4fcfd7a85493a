// Package difflib reproduces Python's difflib.get_close_matches, which the
// AWS CLI uses to suggest a command for a misspelt one.
package difflib

import "sort"

// CloseMatches returns up to n choices whose similarity ratio to word is at
// least cutoff, best first; ties go to the larger string, as heapq.nlargest
// over (score, choice) pairs does.
func CloseMatches(word string, choices []string, n int, cutoff float64) []string {
	type scored struct {
		score float64
		s     string
	}
	var res []scored
	for _, c := range choices {
		// Python checks the cheap upper bounds first; they never change
		// the result, only the cost.
		if r := Ratio(c, word); r >= cutoff {
			res = append(res, scored{r, c})
		}
	}
	sort.SliceStable(res, func(i, j int) bool {
		if res[i].score != res[j].score {
			return res[i].score > res[j].score
		}
		return res[i].s > res[j].s
	})
	if len(res) > n {
		res = res[:n]
	}
	out := make([]string, len(res))
	for i, r := range res {
		out[i] = r.s
	}
	return out
}

// Ratio is SequenceMatcher(None, a, b).ratio() with a as seq1 and b as
// seq2 (Python's get_close_matches sets seq2 to the word). Strings shorter
// than 200 characters never trigger the autojunk heuristic.
func Ratio(a, b string) float64 {
	total := len(a) + len(b)
	if total == 0 {
		return 1
	}
	return 2 * float64(matches([]rune(a), []rune(b))) / float64(len([]rune(a))+len([]rune(b)))
}

// matches sums the sizes of the matching blocks, found recursively as
// SequenceMatcher does: the longest match, then the same on each side.
func matches(a, b []rune) int {
	b2j := map[rune][]int{}
	for j, r := range b {
		b2j[r] = append(b2j[r], j)
	}
	if len(b) >= 200 {
		// autojunk: drop elements that are too popular.
		ntest := len(b)/100 + 1
		for r, js := range b2j {
			if len(js) > ntest {
				delete(b2j, r)
			}
		}
	}
	var rec func(alo, ahi, blo, bhi int) int
	rec = func(alo, ahi, blo, bhi int) int {
		i, j, k := longest(a, b, b2j, alo, ahi, blo, bhi)
		if k == 0 {
			return 0
		}
		n := k
		if alo < i && blo < j {
			n += rec(alo, i, blo, j)
		}
		if i+k < ahi && j+k < bhi {
			n += rec(i+k, ahi, j+k, bhi)
		}
		return n
	}
	return rec(0, len(a), 0, len(b))
}

// longest is find_longest_match with no isjunk function (autojunk's
// popular elements are the only ones missing from b2j).
func longest(a, b []rune, b2j map[rune][]int, alo, ahi, blo, bhi int) (int, int, int) {
	besti, bestj, bestsize := alo, blo, 0
	j2len := map[int]int{}
	for i := alo; i < ahi; i++ {
		newj2len := map[int]int{}
		for _, j := range b2j[a[i]] {
			if j < blo {
				continue
			}
			if j >= bhi {
				break
			}
			k := j2len[j-1] + 1
			newj2len[j] = k
			if k > bestsize {
				besti, bestj, bestsize = i-k+1, j-k+1, k
			}
		}
		j2len = newj2len
	}
	// Extend the match over equal elements b2j left out: with autojunk,
	// popular elements are not junk, so Python grows the match across
	// them on both sides.
	for besti > alo && bestj > blo && a[besti-1] == b[bestj-1] {
		besti, bestj, bestsize = besti-1, bestj-1, bestsize+1
	}
	for besti+bestsize < ahi && bestj+bestsize < bhi && a[besti+bestsize] == b[bestj+bestsize] {
		bestsize++
	}
	return besti, bestj, bestsize
}
