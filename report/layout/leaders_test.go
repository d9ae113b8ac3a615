package layout

import "testing"

func TestLeaders(t *testing.T) {
	for _, tc := range []struct {
		values []int64
		want   int
	}{
		{[]int64{9, 8, 7, 6, 5}, 3},
		{[]int64{9, 8, 7, 7, 5}, 4},       // the fourth leads as much as the third
		{[]int64{9, 8, 7, 7, 7, 7, 1}, 2}, // six names would be too many: only those above the tie
		{[]int64{9, 7, 7, 7, 7, 1}, 5},
		{[]int64{3, 3, 3, 3, 3, 3}, 0}, // all tied: nobody leads
		{[]int64{9, 0, 0, 0}, 1},       // nothing is no lead
		{[]int64{0, 0, 0, 0}, 0},
		{[]int64{5, 4}, 2},
	} {
		if got := leaders(len(tc.values), func(k int) int64 { return tc.values[k] }); got != tc.want {
			t.Errorf("leaders(%v) = %d, want %d", tc.values, got, tc.want)
		}
	}
}
