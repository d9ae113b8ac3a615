package synth_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/synth"
)

// The parts of a register too big for one file, with seeds of their own
// and numbered on, report no model twice: numbered alike, 10 parts of
// 1,000,000 rows held 115,659 duplicates. The first part is the register
// of Sample.
func TestPartsReportNoModelTwice(t *testing.T) {
	const n, communes = 6000, 50
	seen := map[string]bool{}
	for k, first := range []int{0, n} {
		var b bytes.Buffer
		if err := synth.Part(&b, first, n, communes, uint64(k+1)); err != nil {
			t.Fatal(err)
		}
		if k == 0 {
			var s bytes.Buffer
			if err := synth.Sample(&s, n, communes, 1); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), s.Bytes()) {
				t.Error("the first part is not Sample's register")
			}
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows[1:] {
			key := strings.Join([]string{r[0], r[1], r[2], r[3], r[4], r[6]}, "|") // locality, unit, model, field, period
			if seen[key] {
				t.Fatalf("part %d reports %q again", k+1, key)
			}
			seen[key] = true
		}
	}
}
