package names

import (
	"slices"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// Under the roll-up, a split commune's row whose named model goes on after
// the reform in one of the communes it went to, and in no other in that
// quarter, is that commune's, even with its name written without
// diacritics; a model that goes on in two of them in one quarter, or in a
// commune it did not go to, a group of models, or a model that goes on
// only in a period that spans the reform stays its province's.
func TestPlaceSplitCommunes(t *testing.T) {
	row := 0
	model := func(dist, comm, period, unit, name string, count int64) record.Record {
		r := rec(t, "Hà Nội", dist, comm, period)
		row++
		r.Unit, r.Model, r.Field, r.Row, r.Count = unit, name, record.Economy, row, count
		return r
	}
	const old, ba = "Phường Cống Vị", "Quận Ba Đình"
	data := func() *record.Dataset {
		row = 0
		return &record.Dataset{Records: []record.Record{
			model(ba, old, "2025-Q2", "Hội Phụ nữ", "Tủ sách", 1), // 0: placed
			model("", "Phường Ngọc Hà", "2025-Q3", "Hội Phụ nữ", "Tu sach", 1),
			model(ba, old, "2025-Q1", "Đoàn Thanh niên", "Tổ G", 1), // 2: in two of them
			model("", "Phường Ngọc Hà", "2025-Q4", "Đoàn Thanh niên", "Tổ G", 1),
			model("", "Phường Giảng Võ", "2025-Q4", "Đoàn Thanh niên", "Tổ G", 1),
			model(ba, old, "2025-Q2", "Hội Nông dân", "", 3), // 5: a group
			model("", "Phường Ngọc Hà", "2025-Q3", "Hội Nông dân", "", 3),
			model(ba, old, "2025-Q2", "Hội Cựu chiến binh", "Tổ H", 1), // 7: goes on elsewhere
			model("", "Phường Ba Đình", "2025-Q3", "Hội Cựu chiến binh", "Tổ H", 1),
			model(ba, old, "2025-Q2", "Mặt trận", "Tổ K", 1), // 9: a year that spans the reform
			model("", "Phường Ngọc Hà", "2025", "Mặt trận", "Tổ K", 1),
			// 11: in one of them first, in another a year later: the first (a
			// thirty-sixth review found the 2026 row undo the placement).
			model(ba, old, "2025-Q2", "Hội Phụ nữ", "Tổ L", 1),
			model("", "Phường Giảng Võ", "2026-Q1", "Hội Phụ nữ", "Tổ L", 1),
			model("", "Phường Ngọc Hà", "2025-Q3", "Hội Phụ nữ", "Tổ L", 1),
		}}
	}
	ds := data()
	res := Apply(ds, gazetteer.Default(), true)
	to := map[int]string{}
	for _, u := range res.Unassigned {
		to[u.Record] = u.To
	}
	want := map[int]string{0: "Phường Ngọc Hà", 2: "", 5: "", 7: "", 9: "", 11: "Phường Ngọc Hà"}
	for i, w := range want {
		got, listed := to[i]
		if !listed || got != w {
			t.Errorf("row %d: listed %v, placed in %q; want %q", ds.Records[i].Row, listed, got, w)
		}
		r := &ds.Records[i]
		if placed := w != ""; r.Unassigned == placed || placed && (r.Commune != w || r.District != "") {
			t.Errorf("row %d: %q, %q, unassigned %v", r.Row, r.District, r.Commune, r.Unassigned)
		}
	}
	placed := 0
	for _, u := range res.Unassigned {
		if u.To != "" {
			placed++
		}
	}
	if placed != 2 {
		t.Errorf("%d rows placed, want 2: %+v", placed, res.Unassigned)
	}
	if o := ds.Records[0].Origin; o == 0 {
		t.Error("the placed row has no origin: it is not its old commune's")
	}
	// The model that goes on in two of them is said to, with or without
	// the roll-up, and only it.
	for _, rollUp := range []bool{true, false} {
		ds := data()
		res := Apply(ds, gazetteer.Default(), rollUp)
		var said []int
		for k, w := range res.Warnings {
			if w.Msg.Args[0].(msg.Text).Key == "names.split_model_several" {
				said = append(said, res.WarningRecords[k])
				if text := w.Error(); !strings.Contains(text, "Phường Giảng Võ, Phường Ngọc Hà") || !strings.Contains(text, `"Tổ G"`) {
					t.Errorf("roll-up %v: %s", rollUp, text)
				}
			}
		}
		if !slices.Equal(said, []int{2}) {
			t.Errorf("roll-up %v: the models going on in several communes are of rows %v, want [2]", rollUp, said)
		}
	}
}
