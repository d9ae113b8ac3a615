package validate

import (
	"errors"
	"fmt"
	"github.com/dvkreport/dvkreport/report/msg"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/load"
	"github.com/dvkreport/dvkreport/report/record"
)

func tables(t *testing.T, name, csv string) []*load.Table {
	t.Helper()
	tb, err := load.Bytes(name, []byte(csv), load.FormatCSV, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestTablesGood(t *testing.T) {
	csv := "Tỉnh;Huyện;Xã;Tên mô hình;Lĩnh vực;Tình trạng;Kỳ báo cáo;Số mô hình;Kinh phí huy động;Số hộ;Số người hưởng lợi;Nguồn;nha_xay_moi;Ghi chú\n" +
		"Lạng Sơn;;Xã Bắc Sơn;Tổ tiết kiệm;Kinh tế;Duy trì;Quý III/2025;1;3.410.000.000;8.500;12;bc 01;3;tốt\n" +
		"Lai Châu;;;;;;2025-Q3;;380 triệu;;;;;\n"
	ds, problems := Tables(tables(t, "a.csv", csv))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(ds.Records) != 2 {
		t.Fatalf("got %d records, want 2", len(ds.Records))
	}
	r := ds.Records[0]
	want := record.Record{Province: "Lạng Sơn", Commune: "Xã Bắc Sơn", Model: "Tổ tiết kiệm", Field: record.Economy,
		Status: record.Sustained, Period: record.QuarterPeriod(2025, 3), Count: 1, FundsVND: 3410000000,
		Households: 8500, Beneficiaries: 12, Extra: []int64{3}, Source: "bc 01", Row: 2}
	if r.Province != want.Province || r.Commune != want.Commune || r.Field != want.Field || r.Status != want.Status ||
		r.Period != want.Period || r.Count != want.Count || r.FundsVND != want.FundsVND || r.Households != want.Households ||
		r.Beneficiaries != want.Beneficiaries || len(r.Extra) != 1 || r.Extra[0] != 3 || r.Source != want.Source || r.Pos() != (record.Pos{File: "a.csv", Row: 2}) {
		t.Errorf("record = %+v\nwant %+v", r, want)
	}
	// The second row takes the defaults: count 1, status not stated (never
	// guessed new), unclassified.
	r = ds.Records[1]
	if r.Count != 1 || r.Status != record.NotStated || r.Field != record.Unclassified || r.FundsVND != 380000000 {
		t.Errorf("defaults: %+v", r)
	}
	// "Ghi chú" holds text, so it is no indicator; "nha_xay_moi" is.
	if len(ds.Extras) != 1 || ds.Extras[0] != "nha_xay_moi" {
		t.Errorf("extras = %q", ds.Extras)
	}
}

// TestTablesProblems has one row for each kind of error; every bad cell
// must be named by its row and column.
func TestTablesProblems(t *testing.T) {
	csv := "province,district,commune,model,field,status,period,count,funds_vnd,households,participants\n" + // row 1
		"Lạng Sơn,,,a,Kinh tế,,2025-Q3,1,1.234,5,7\n" + //                 2: ambiguous money
		"Lạng Sơn,,,b,Kinh tế,,2025-Q3,1,-500000,5,7\n" + //              3: negative money
		"Lạng Sơn,,,c,Nông nghiệp,,2025-Q3,1,0,5,7\n" + //                4: unknown field
		"Lạng Sơn,,,d,Kinh tế,đã dừng,2025-Q3,1,0,5,7\n" + //             5: unknown status
		"Lạng Sơn,,,e,Kinh tế,,Q5/2025,1,0,5,7\n" + //                    6: impossible period
		",,,f,Kinh tế,,2025-Q3,1,0,5,7\n" + //                            7: missing province
		"Lạng Sơn,,,g,Kinh tế,,2025-Q3,mười,0,5,7\n" + //                8: text in a number column
		"Lạng Sơn,,,h,Kinh tế,,,1,0,5,7\n" + //                           9: missing period
		"Lạng Sơn,,,i,Kinh tế,,2025-Q3,1,0,5,-7\n" + //                  10: negative indicator
		"Lạng Sơn,,,j,Kinh tế,,2025-Q3,1,0,5,7\n" //                     11: good
	ds, problems := Tables(tables(t, "bad.csv", csv))
	want := []struct {
		pos, column, msg string
	}{
		{"bad.csv:2:9", "funds_vnd", "ambiguous"},
		{"bad.csv:3:9", "funds_vnd", "negative"},
		{"bad.csv:4:5", "field", "unknown field"},
		{"bad.csv:5:6", "status", "unknown status"},
		{"bad.csv:6:7", "period", "no quarter 5"},
		{"bad.csv:7:1", "province", "missing"},
		{"bad.csv:8:8", "count", "not a number"},
		{"bad.csv:9:7", "period", "missing"},
		{"bad.csv:10:11", "participants", "negative"},
	}
	if len(problems) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(problems), len(want), problems)
	}
	for i, w := range want {
		p := problems[i]
		if p.Pos.String() != w.pos || p.Column != w.column || !strings.Contains(p.Msg.String(), w.msg) {
			t.Errorf("problem %d = %v; want %s: %s: …%s…", i, p, w.pos, w.column, w.msg)
		}
	}
	if len(ds.Records) != 1 || ds.Records[0].Model != "j" {
		t.Errorf("good rows = %+v, want only j", ds.Records)
	}
	// Problems unwraps to the individual errors.
	var ie *record.InputError
	if !errors.As(error(problems), &ie) || ie != problems[0] {
		t.Errorf("errors.As did not find the first problem")
	}
}

func TestTablesHeaderProblems(t *testing.T) {
	_, problems := Tables(tables(t, "h.csv", "tỉnh,model,kỳ\nLạng Sơn,a,2025\n"))
	if len(problems) != 1 || problems[0].Pos.String() != "h.csv:1" || !strings.Contains(problems[0].Msg.String(), "no field column") {
		t.Errorf("problems = %v, want a missing field column at h.csv:1", problems)
	}
	_, problems = Tables(tables(t, "d.csv", "province,tỉnh,field,period\nA,B,,2025\n"))
	if len(problems) != 1 || problems[0].Pos.String() != "d.csv:1:2" || !strings.Contains(problems[0].Msg.String(), "second province") {
		t.Errorf("problems = %v, want a second province column at d.csv:1:2", problems)
	}
}

// A file whose other numbers show the Vietnamese convention settles 1.234.
func TestTablesStyleFromOtherCells(t *testing.T) {
	csv := "province,field,period,funds_vnd,households\n" +
		"A,,2025,3.410.000.000,1.234\n"
	ds, problems := Tables(tables(t, "s.csv", csv))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := ds.Records[0].Households; got != 1234 {
		t.Errorf("households = %d, want 1234", got)
	}
}

func TestTablesMergesExtras(t *testing.T) {
	a := tables(t, "a.csv", "province,field,period,houses_built\nA,,2025,3\n")
	b := tables(t, "b.csv", "province,field,period,participants,houses_built\nB,,2025,10,4\n")
	ds, problems := Tables(append(a, b...))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if strings.Join(ds.Extras, ",") != "houses_built,participants" {
		t.Fatalf("extras = %q", ds.Extras)
	}
	if got := ds.Records[1].Extra; len(got) != 2 || got[0] != 4 || got[1] != 10 {
		t.Errorf("b's extras = %v, want [4 10]", got)
	}
}

func TestIsHeader(t *testing.T) {
	if !IsHeader([]string{"TT", "Tỉnh/Thành phố", "Xã/Phường", "Lĩnh vực", "Kỳ báo cáo", "Số mô hình"}) {
		t.Error("a Vietnamese header was not recognised")
	}
	if IsHeader([]string{"BÁO CÁO KẾT QUẢ DÂN VẬN KHÉO"}) || IsHeader([]string{"province", "field"}) {
		t.Error("a title row, or a header without period, was taken for the header")
	}
}

func TestDuplicates(t *testing.T) {
	a := tables(t, "a.csv", "province,commune,model,field,period\nLạng Sơn,Xã Bắc Sơn,Tổ tiết kiệm,Kinh tế,2025-Q3\nLạng Sơn,,Nhóm,Kinh tế,2025-Q3\n")
	b := tables(t, "b.csv", "province,commune,model,field,period\nLẠNG SƠN,xã bắc sơn,Tổ  tiết kiệm,kinh te,Q3/2025\nLạng Sơn,Xã Bắc Sơn,Tổ tiết kiệm,Kinh tế,2025-Q2\n")
	ds, problems := Tables(append(a, b...))
	if len(problems) != 1 || problems[0].Pos.String() != "b.csv:2" || !strings.Contains(problems[0].Msg.String(), "first at a.csv:2") {
		t.Errorf("problems %v, want b.csv:2 as a duplicate of a.csv:2", problems)
	}
	if len(ds.Records) != 3 {
		t.Errorf("%d records kept, want 3", len(ds.Records))
	}
}

// Every problem of the table test reads in Vietnamese with no English left.
func TestVietnameseMessages(t *testing.T) {
	csv := "province,district,commune,model,field,status,period,count,funds_vnd,households,participants\n" +
		"Lạng Sơn,,,a,Kinh tế,,2025-Q3,1,1.234,5,7\n" +
		"Lạng Sơn,,,b,Kinh tế,,2025-Q3,1,-500000,5,7\n" +
		"Lạng Sơn,,,c,Nông nghiệp,,2025-Q3,1,0,5,7\n" +
		"Lạng Sơn,,,d,Kinh tế,đã dừng,2025-Q3,1,0,5,7\n" +
		"Lạng Sơn,,,e,Kinh tế,,Q5/2025,1,0,5,7\n" +
		",,,f,Kinh tế,,2025-Q3,1,0,5,7\n" +
		"Lạng Sơn,,,g,Kinh tế,,2025-Q3,mười,0,5,7\n" +
		"Lạng Sơn,,,h,Kinh tế,,,1,0,5,7\n" +
		"Lạng Sơn,,,j,Kinh tế,,2025-Q3,1,0,5,7\n" +
		"Lạng Sơn,,,j,Kinh tế,,2025-Q3,1,0,5,7\n" +
		"Lạng Sơn,,,k,Kinh tế,,2025-13-01,1,2,5 triệu,7\n"
	_, problems := Tables(tables(t, "bad.csv", csv))
	if len(problems) != 11 {
		t.Fatalf("%d problems: %v", len(problems), problems)
	}
	english := regexp.MustCompile(`\b(is|the|not|unknown|missing|want|reported|ambiguous|negative|there)\b`)
	for _, p := range problems {
		vi := p.In(msg.VI)
		text := strings.TrimPrefix(strings.TrimPrefix(vi, p.Pos.String()+": "), p.Column+": ")
		if english.MatchString(text) {
			t.Errorf("not translated: %s", vi)
		}
		if !strings.HasPrefix(vi, p.Pos.String()) {
			t.Errorf("the position is lost: %s", vi)
		}
	}
}

func TestExcelDate(t *testing.T) {
	for s, want := range map[string]string{"45853": "2025-Q3", "45853.75": "2025-Q3", "45658": "2025-Q1"} {
		p, ok := excelDate(s, true)
		if !ok || p.String() != want {
			t.Errorf("excelDate(%q) = %v, %v; want %s", s, p, ok, want)
		}
	}
	for _, s := range []string{"2025", "12", "99999", "abc"} {
		if _, ok := excelDate(s, true); ok {
			t.Errorf("excelDate(%q) read a date", s)
		}
	}
	if _, ok := excelDate("45853", false); ok {
		t.Error("a CSV number was read as a date")
	}
}

// Records whose identity hashes meet are compared in full: a collision
// is no duplicate, and a duplicate behind a collision is still found.
func TestDuplicatesCollision(t *testing.T) {
	rec := func(model string, row int) record.Record {
		return record.Record{Province: "Lạng Sơn", Model: model, Period: record.QuarterPeriod(2025, 3), Row: row, Table: &record.Table{File: "a.csv"}}
	}
	b := &builder{
		res: &Result{},
		ds:  record.Dataset{Records: []record.Record{rec("A", 2), rec("B", 3), rec("b", 4), rec("", 5)}},
		ids: []uint64{7, 7, 7, 0},
	}
	problems := b.duplicates()
	if len(problems) != 1 || problems[0].Pos.Row != 4 || !strings.Contains(problems[0].Msg.String(), "first at a.csv:3") {
		t.Errorf("problems %v, want a.csv:4 as a duplicate of a.csv:3", problems)
	}
	if len(b.ds.Records) != 3 {
		t.Errorf("%d records kept, want 3", len(b.ds.Records))
	}
}

// A table big enough to be converted in pieces gives its records and
// problems in file order, and finds a duplicate across pieces.
func TestBigTable(t *testing.T) {
	n := 3 * parallelRows
	var b strings.Builder
	b.WriteString("province,commune,model,field,period,funds_vnd\n")
	bad := map[int]bool{2: true, n / 2: true, n/2 + 1: true, n + 1: true} // file rows
	for row := 2; row <= n+1; row++ {
		funds := fmt.Sprint(row * 1000)
		if bad[row] {
			funds = "nhiều"
		}
		model := fmt.Sprintf("Mô hình %d", row)
		if row == n {
			model = "mô hình  3" // the model of row 3, again
		}
		fmt.Fprintf(&b, "Lạng Sơn,Xã Bắc Sơn,%s,Kinh tế,2025-Q3,%s\n", model, funds)
	}
	ds, problems := Tables(tables(t, "big.csv", b.String()))
	var rows []int
	for _, p := range problems {
		rows = append(rows, p.Pos.Row)
	}
	if want := []int{2, n / 2, n/2 + 1, n + 1, n}; !slices.Equal(rows, want) {
		t.Errorf("problems at rows %v, want %v", rows, want)
	}
	if len(ds.Records) != n-5 {
		t.Fatalf("%d records, want %d", len(ds.Records), n-5)
	}
	for i, r := range ds.Records[1:] {
		if prev := ds.Records[i]; r.Row <= prev.Row || r.FundsVND != int64(r.Row)*1000 {
			t.Fatalf("record of row %d (funds %d) after row %d", r.Row, r.FundsVND, prev.Row)
		}
	}
}

// readPairs reads a two-column test list, header skipped.
func readPairs(t *testing.T, name string) [][2]string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		i := strings.LastIndexByte(line, ',')
		out = append(out, [2]string{line[:i], line[i+1:]})
	}
	return out
}

// Issue 11: the header aliases and rules against real-world headers, each
// with its meaning ("" for an extra indicator or text).
func TestHeaderSpellings(t *testing.T) {
	pairs := readPairs(t, "testdata/headers.csv")
	if len(pairs) < 50 {
		t.Errorf("only %d headers", len(pairs))
	}
	for _, p := range pairs {
		if got := columnKeys[matchHeader(p[0])]; got != p[1] {
			t.Errorf("%q reads as %q, want %q", p[0], got, p[1])
		}
	}
	for h, want := range map[string]column{"Lĩnh vưc": colField, "Kinh phi huy dong": colFunds, "Tên mô hnh": colModel} {
		if c := matchHeader(h); c != colNone && c != want {
			t.Errorf("%q reads as %v", h, c)
		} else if c == colNone && nearHeader(h) != want {
			t.Errorf("%q: no suggestion of %v", h, want)
		}
	}
	if headerScale("Kinh phí huy động (triệu đồng)") != 1e6 || headerScale("Kinh phí (đồng)") != 1 || headerScale("Kinh phí (tỷ đồng)") != 1e9 ||
		headerScale("Kinh phí (nghìn đồng)") != 1e3 || headerScale("Kinh phí") != 0 || headerScale("Kinh phí (tr.đ)") != 1e6 {
		t.Error("units of money in headers")
	}
}

// Issue 11: the fields as registers write them.
func TestFieldSpellings(t *testing.T) {
	pairs := readPairs(t, "testdata/fields.csv")
	for _, p := range pairs {
		f, err := record.ParseField(p[0])
		if err != nil || f.Key() != p[1] {
			t.Errorf("%q reads as %v, %v; want %s", p[0], f, err, p[1])
		}
	}
	if len(pairs)+len(readPairs(t, "testdata/headers.csv")) < 50 {
		t.Error("fewer than 50 spellings in all")
	}
	_, err := record.ParseField("Kinh tết")
	if err == nil || !strings.Contains(err.Error(), "did you mean Kinh tế") {
		t.Errorf("Kinh tết: %v", err)
	}
	if _, err := record.ParseField("Nông nghiệp"); err == nil || strings.Contains(err.Error(), "did you mean") || strings.Count(err.Error(), "Kinh tế") > 0 {
		t.Errorf("Nông nghiệp: %v: one line, no list of fields", err)
	}
}

// Issue 11: a CSV file with a header over two rows (a group cell, its
// sub-headers under it), a column-number row, a total row and a
// signature: the sub-headers' figures are read, the rest left out.
func TestTwoRowHeaderCSV(t *testing.T) {
	csv := "BÁO CÁO KẾT QUẢ QUÝ III/2025\n" +
		"STT,Tỉnh,Xã,Tên mô hình,Lĩnh vực,Kỳ báo cáo,Kết quả,,,Ghi chú\n" +
		",,,,,,Kinh phí huy động (triệu đồng),Số hộ,Số người,\n" +
		"(1),(2),(3),(4),(5),(6),(7),(8),(9),(10)\n" +
		"1,Lạng Sơn,Xã Bắc Sơn,Tổ A,Kinh tế,Q3/2025,\"1,5\",5,20,\n" +
		"2,Lạng Sơn,Xã Bắc Sơn,Tổ B,VH - XH,Q3/2025,10,1,4,mới\n" +
		",Tổng cộng,,,,,\"11,5\",6,24,\n" +
		",,,,,,,Người lập biểu,,\n" +
		",,,,,,,Nguyễn Văn A,,\n"
	r := Read(tables(t, "h2.csv", csv), Options{})
	if len(r.Problems) > 0 || len(r.Warnings) > 0 {
		t.Fatalf("problems %v, warnings %v", r.Problems, r.Warnings)
	}
	var funds, households, people int64
	for _, rec := range r.Records {
		funds += rec.FundsVND
		households += rec.Households
		people += rec.Beneficiaries
	}
	if len(r.Records) != 2 || funds != 11_500_000 || households != 6 || people != 24 {
		t.Errorf("%d records, funds %d, households %d, people %d", len(r.Records), funds, households, people)
	}
	sh := r.Sheets[0]
	if sh.HeaderFirst != 2 || sh.HeaderLast != 3 || sh.TotalRow != 7 || !sh.TotalMatches || len(r.Extras) != 0 {
		t.Errorf("sheet %+v, extras %q", sh, r.Extras)
	}
	// The same with a total that is wrong: a warning, and the rows count.
	r = Read(tables(t, "h2.csv", strings.Replace(csv, `"11,5",6,24`, `"12,5",6,24`, 1)), Options{})
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Error(), "the rows above add up to 11,500,000") {
		t.Errorf("warnings %v", r.Warnings)
	}
}

// Room made with Expect is used as it is: files read after it do not move
// the records while they fit, and give the records they give without it.
func TestReaderExpect(t *testing.T) {
	file := func(name, model string) []*load.Table {
		return tables(t, name, "province,commune,model,field,period\n"+
			"Lạng Sơn,Xã Bắc Sơn,"+model+" 1,Kinh tế,2025-Q3\nLạng Sơn,Xã Bắc Sơn,"+model+" 2,Kinh tế,2025-Q3\n")
	}
	plain := NewReader(Options{})
	plain.File(file("a.csv", "A"))
	plain.File(file("b.csv", "B"))
	want := plain.Result().Records

	r := NewReader(Options{})
	r.Expect(10)
	room := cap(r.b.ds.Records)
	r.File(file("a.csv", "A"))
	first := &r.b.ds.Records[0]
	r.File(file("b.csv", "B"))
	if cap(r.b.ds.Records) != room || &r.b.ds.Records[0] != first {
		t.Errorf("room for %d records, then %d, moved %v", room, cap(r.b.ds.Records), &r.b.ds.Records[0] != first)
	}
	got := r.Result().Records
	if len(got) != 4 || !slices.EqualFunc(got, want, func(a, b record.Record) bool { return a.Model == b.Model && a.Row == b.Row }) {
		t.Errorf("records %+v, want %+v", got, want)
	}
}
