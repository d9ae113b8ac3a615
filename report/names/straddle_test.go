package names

import (
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// A model reported before the reform under an old commune and after it
// under the commune that one went to whole straddles it: the commune left
// as it was (Xã Mù Cả), two merged into one (Phường Vĩnh Trại into
// Phường Đông Kinh), a name written without its diacritics on one side, a
// commune split between several (Phường Cống Vị) whose model goes on in
// one of them; another model, a split commune's model that goes on in
// two of them or a group of models, a row the caller leaves out, a period
// that spans the reform, or a row after it that names the old commune do
// not.
func TestStraddling(t *testing.T) {
	model := func(prov, dist, comm, period, name string, row int) record.Record {
		r := rec(t, prov, dist, comm, period)
		r.Unit, r.Model, r.Field, r.Row = "Hội Phụ nữ", name, record.Economy, row
		return r
	}
	group := func(prov, dist, comm, period string, row int) record.Record {
		r := model(prov, dist, comm, period, "", row)
		r.Count = 3
		return r
	}
	ds := record.Dataset{Records: []record.Record{
		model("Lai Châu", "", "Xã Mù Cả", "2025-Q2", "Nuôi gà", 2),
		model("Lai Châu", "", "Xã Mù Cả", "2025-Q3", "Nuôi gà", 3),
		model("Lạng Sơn", "Thành phố Lạng Sơn", "Phường Vĩnh Trại", "2025-Q1", "Đường hoa", 4),
		model("Lạng Sơn", "", "Phường Đông Kinh", "2025-Q4", "đường hoa", 5), // another spelling, the same key
		model("Hà Nội", "Quận Ba Đình", "Phường Cống Vị", "2025-Q2", "Tủ sách", 6),
		model("Hà Nội", "", "Phường Ngọc Hà", "2025-Q3", "Tủ sách", 7),
		model("Hà Nội", "Quận Ba Đình", "Phường Cống Vị", "2025-Q2", "Tổ G", 20),
		model("Hà Nội", "", "Phường Ngọc Hà", "2025-Q3", "Tổ G", 21),
		model("Hà Nội", "", "Phường Giảng Võ", "2025-Q3", "Tổ G", 22),
		group("Hà Nội", "Quận Ba Đình", "Phường Cống Vị", "2025-Q2", 23),
		group("Hà Nội", "", "Phường Ngọc Hà", "2025-Q3", 24),
		model("Lai Châu", "", "Xã Mù Cả", "2025-Q2", "Vườn rau", 8),
		model("Lai Châu", "", "Xã Mù Cả", "2025-Q3", "Nuôi vịt", 9),
		model("Lai Châu", "", "Xã Mù Cả", "2025", "Vườn cây", 10),
		model("Lai Châu", "", "Xã Mù Cả", "2025-Q3", "Vườn cây", 11),
		// A name without its diacritics is the name with them, as
		// aggregate counts it.
		model("Lạng Sơn", "Huyện Bắc Sơn", "Thị trấn Bắc Sơn", "2025-Q2", "Mo hinh C", 12),
		model("Lạng Sơn", "", "Xã Bắc Sơn", "2025-Q3", "Mô hình C", 13),
		// After the reform, the old commune's name, district and all: one
		// place with the row before.
		model("Lạng Sơn", "Huyện Bắc Sơn", "Thị trấn Bắc Sơn", "2025-Q2", "Tổ D", 14),
		model("Lạng Sơn", "Huyện Bắc Sơn", "Thị trấn Bắc Sơn", "2025-Q3", "Tổ D", 15),
		// The old commune's name alone on both sides: one place, its
		// district filled on both (a thirtieth review).
		model("Lạng Sơn", "", "Xã Long Đống", "2025-Q2", "Tổ E", 16),
		model("Lạng Sơn", "", "Xã Long Đống", "2025-Q3", "Tổ E", 17),
		// After the reform, a row read as another old commune that went
		// to the same 2025 commune: that old commune's model, as under
		// the roll-up (a thirty-first review).
		model("Lạng Sơn", "Huyện Bắc Sơn", "Xã Long Đống", "2025-Q2", "Tổ F", 18),
		model("Lạng Sơn", "Huyện Bắc Sơn", "Xã Bắc Sơn", "2025-Q3", "Tổ F", 19),
	}}
	g := gazetteer.Default()
	Apply(&ds, g, false)
	got := map[int]int{} // the row after, by the row before
	for _, s := range Straddling(&ds, g, func(int) bool { return true }) {
		got[s.Before.Row] = s.After.Row
	}
	if len(got) != 4 || got[2] != 3 || got[4] != 5 || got[6] != 7 || got[12] != 13 {
		t.Errorf("straddles (row before → row after) %v, want 2 → 3, 4 → 5, 6 → 7 and 12 → 13", got)
	}
	if r := &ds.Records[20]; r.Row != 17 || r.District != "Huyện Bắc Sơn" {
		t.Errorf("Xã Long Đống of 2025-Q3 is of %q", r.District)
	}
	if s := Straddling(&ds, g, func(i int) bool { return ds.Records[i].Row != 2 && ds.Records[i].Row < 12 }); len(s) != 2 || s[0].After.Row != 5 || s[1].After.Row != 7 {
		t.Errorf("with row 2 left out: %+v", s)
	}
}

// A name of an era further off is never taken for a name that several
// units of a nearer era have, and a row before the reform is read in the
// units of 2022 before those of 2025 (a thirty-second review).
func TestOtherErasNearestFirst(t *testing.T) {
	ds := record.Dataset{Records: []record.Record{
		rec(t, "Hà Nội", "", "Xã Thái Hòa", "2025-Q3"),     // two just before the reform, one in 2022
		rec(t, "Ninh Bình", "", "Xã Gia Thịnh", "2025-Q2"), // of 2022 only: its district filled
		rec(t, "Đồng Nai", "", "Xã Phú Trung", "2025-Q1"),  // of 2022, and another of 2025
		rec(t, "Hồ Chí Minh", "", "Phường 6", "2024-Q4"),   // several just before the reform, one "Phường 6" in 2022
	}}
	g := gazetteer.Default()
	res := Apply(&ds, g, false)
	if r := ds.Records[0]; r.District != "" {
		t.Errorf("Xã Thái Hòa of 2025-Q3 put in %q", r.District)
	}
	if r := ds.Records[1]; r.District != "Huyện Gia Viễn" {
		t.Errorf("Xã Gia Thịnh of 2025-Q2 put in %q", r.District)
	}
	if r := ds.Records[2]; r.District != "Huyện Tân Phú" {
		t.Errorf("Xã Phú Trung of 2025-Q1 put in %q", r.District)
	}
	// The 2022 list writes "Phường 06" in all but a few districts: one
	// name, so "Phường 6" is of several wards there too, and its row
	// needs its district (a thirty-third review found it put in Quận Gò
	// Vấp without a word).
	if r := ds.Records[3]; r.District != "" {
		t.Errorf("Phường 6 of 2024-Q4 put in %q", r.District)
	}
	said := false
	for i, w := range res.Warnings {
		said = said || res.WarningRecords[i] == 3 && strings.Contains(w.Msg.In(msg.EN), "Quận Tân Bình")
	}
	if !said {
		t.Errorf("Phường 6 of 2024-Q4: no warning naming its districts in %v", res.Warnings)
	}
}
