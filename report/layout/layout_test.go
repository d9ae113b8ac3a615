package layout_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/layout"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var compareBoth = compare.Both()

// lsAgency is the provincial commission of the example.
var lsAgency = layout.Agency{
	Parent: "Tỉnh ủy Lạng Sơn", Name: "Ban Tuyên giáo và Dân vận", Number: "7", Place: "Lạng Sơn",
	Signer:     layout.Signer{Authority: layout.Deputy, Position: "Phó Trưởng Ban", Name: "Nguyễn Văn A"},
	Recipients: []string{"Ban Dân vận Trung ương (để báo cáo)", "Thường trực Tỉnh ủy;"},
}

// quarters is the register of report/testdata/quarters.csv: two years of
// quarters in three provinces.
func quarters(t *testing.T, opts report.Options) *report.Result {
	t.Helper()
	opts.Inputs = []string{"../testdata/quarters.csv"}
	opts.Boundaries2025 = true
	r, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDocuments compares laid-out reports, as data, with
// testdata/NAME.golden.json: what each report says, block by block,
// without a PDF in the way. Run with -update to accept a change.
func TestDocuments(t *testing.T) {
	q3 := record.QuarterPeriod(2025, 3)
	for _, tc := range []struct {
		name    string
		opts    report.Options
		quarter bool
	}{
		{"seed", report.Options{}, false},
		{"seed-dak-nong", report.Options{Localities: []string{"Đắk Nông"}}, false},
		{"quarter-party", report.Options{Period: q3, Form: layout.Party, Agency: lsAgency}, true},
		{"quarter-state-en", report.Options{Period: q3, Form: layout.State, Agency: lsAgency, Lang: msg.EN}, true},
		{"quarter-plain-en", report.Options{Period: q3, Lang: msg.EN}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r *report.Result
			if tc.quarter {
				tc.opts.Compare = compareBoth
				r = quarters(t, tc.opts)
			} else {
				var err error
				if r, err = report.Summarize(tc.opts); err != nil {
					t.Fatal(err)
				}
			}
			doc, err := report.Document(r, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", tc.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report/layout -update)", err)
			}
			if !bytes.Equal(got, want) {
				gotName := filepath.Join(t.TempDir(), tc.name+".got.json")
				os.WriteFile(gotName, got, 0o644)
				t.Errorf("%s differs from %s; diff -u %s %s", tc.name, golden, golden, gotName)
			}
		})
	}
}

// The locality table has one row per line, then the total; the chart
// bars add up to the same totals.
func TestSeedDocumentConsistent(t *testing.T) {
	r, err := report.Summarize(report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Document(r, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var localities *layout.Table
	var charts int
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case *layout.Table:
			if b.Columns[1].Header == "Địa bàn" && localities == nil {
				localities = b
			}
		case *layout.Chart:
			charts++
			if charts == 1 {
				sum := 0.0
				for _, s := range b.Series {
					for _, v := range s.Values {
						sum += v
					}
				}
				if sum != float64(r.Total.Models) || sum != 503 {
					t.Errorf("the models chart sums to %v, want %d", sum, r.Total.Models)
				}
			}
		}
	}
	if localities == nil {
		t.Fatal("no locality table")
	}
	models := slices.Index(columnHeaders(localities), "Tổng số")
	if len(localities.Rows) != len(r.Lines) || localities.Total[1] != "Tổng cộng" || models < 0 || localities.Total[models] != "503" {
		t.Errorf("locality table: %d rows for %d lines, total %q", len(localities.Rows), len(r.Lines), localities.Total)
	}
	if charts != 2 {
		t.Errorf("%d charts, want 2", charts)
	}
}

// documentText lays out the report of opts and returns every string it
// prints, a line each.
func documentText(t *testing.T, opts report.Options) string {
	t.Helper()
	r, err := report.Summarize(opts)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Document(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(docStrings(doc), "\n")
}

func columnHeaders(t *layout.Table) []string {
	var out []string
	for _, c := range t.Columns {
		out = append(out, c.Header)
	}
	return out
}

// strings returns every string a document prints.
func docStrings(doc *layout.Document) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() && v.Type().Field(i).Name != "ID" {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.String:
			out = append(out, v.String())
		}
	}
	walk(reflect.ValueOf(doc.Blocks))
	return out
}

// labels returns the texts of a language's report.toml that the other
// language writes differently, at least four letters long: the words a
// report in the other language must not have.
func labels(t *testing.T, lang, other string) []string {
	a, err := templates.Load(lang, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := templates.Load(other, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(x, y reflect.Value)
	walk = func(x, y reflect.Value) {
		switch x.Kind() {
		case reflect.Struct:
			for i := range x.NumField() {
				walk(x.Field(i), y.Field(i))
			}
		case reflect.Slice:
			for i := range min(x.Len(), y.Len()) {
				walk(x.Index(i), y.Index(i))
			}
		case reflect.Map:
			for _, k := range x.MapKeys() {
				if yv := y.MapIndex(k); yv.IsValid() {
					walk(x.MapIndex(k), yv)
				}
			}
		case reflect.String:
			s := x.String()
			if s != y.String() && len([]rune(s)) >= 4 && !strings.Contains(s, "{") {
				out = append(out, s)
			}
		}
	}
	walk(reflect.ValueOf(a.Texts), reflect.ValueOf(b.Texts))
	return out
}

// Issue 13: a report in one language has no label of the other; names of
// places, units and models are the data's.
func TestOneLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, other msg.Lang
		form        layout.Form
	}{
		{msg.EN, msg.VI, layout.Plain}, {msg.EN, msg.VI, layout.Party}, {msg.EN, msg.VI, layout.State},
		{msg.VI, msg.EN, layout.Plain}, {msg.VI, msg.EN, layout.Party}, {msg.VI, msg.EN, layout.State},
	} {
		// The agency's names are the office's, in its language; the
		// signer's position is written in the report's.
		a := lsAgency
		if tc.lang == msg.EN {
			a.Signer.Position = "Deputy Head"
		}
		opts := report.Options{Period: record.QuarterPeriod(2025, 3), Lang: tc.lang, Form: tc.form, Agency: a,
			Compare: compareBoth, Models: true}
		r := quarters(t, opts)
		doc, err := report.Document(r, opts)
		if err != nil {
			t.Fatal(err)
		}
		texts := strings.Join(docStrings(doc), "\n")
		for _, l := range labels(t, tc.other.String(), tc.lang.String()) {
			if strings.Contains(texts, l) {
				t.Errorf("%s %s report has the %s label %q", tc.lang, tc.form, tc.other, l)
			}
		}
	}
}

// The forms' head and closing: the Party's heading, the number with its
// hyphen and slash, the date line, the signature as the authority wants.
func TestForms(t *testing.T) {
	r := quarters(t, report.Options{Period: record.QuarterPeriod(2025, 3)})
	for _, tc := range []struct {
		form      layout.Form
		signer    layout.Signer
		number    string
		head      []string
		authority []string
	}{
		{layout.Party, layout.Signer{Authority: layout.Head, Name: "Lê Văn B"}, "Số 07-BC/BTGDVTU",
			[]string{"TỈNH ỦY LẠNG SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM"}, []string{"TRƯỞNG BAN"}},
		{layout.Party, layout.Signer{Authority: layout.Deputy, Position: "Phó Trưởng Ban"}, "Số 07-BC/BTGDVTU",
			nil, []string{"K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"}},
		{layout.Party, layout.Signer{Authority: layout.Collective, Position: "Phó Bí thư"}, "Số 07-BC/BTGDVTU",
			nil, []string{"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"}},
		{layout.State, layout.Signer{Authority: layout.Deputy, Position: "Phó Trưởng Ban"}, "Số: 07/BC-BTGDV",
			[]string{"TỈNH ỦY LẠNG SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"},
			[]string{"KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"}},
		{layout.State, layout.Signer{Authority: layout.ByOrder, HeadTitle: "Chủ tịch", Position: "Chánh Văn phòng"}, "Số: 07/BC-BTGDV",
			nil, []string{"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"}},
	} {
		a := lsAgency
		a.Signer = tc.signer
		doc, err := report.Document(r, report.Options{Form: tc.form, Agency: a})
		if err != nil {
			t.Fatal(err)
		}
		lh := doc.Blocks[0].(*layout.Letterhead)
		var head []string
		for _, l := range append(slices.Clone(lh.Left), lh.Right...) {
			head = append(head, l.Text)
		}
		if tc.head != nil && !slices.Equal(head, tc.head) {
			t.Errorf("%s head %q, want %q", tc.form, head, tc.head)
		}
		if lh.Number.Text != tc.number || lh.Date.Text != "Lạng Sơn, ngày 30 tháng 9 năm 2025" || !lh.Date.Italic {
			t.Errorf("%s number %q, date %q", tc.form, lh.Number.Text, lh.Date.Text)
		}
		c, ok := doc.Blocks[len(doc.Blocks)-1].(*layout.Closing)
		if !ok {
			t.Fatalf("%s: the last block is %T", tc.form, doc.Blocks[len(doc.Blocks)-1])
		}
		var auth []string
		for _, l := range c.Authority {
			auth = append(auth, l.Text)
		}
		if !slices.Equal(auth, tc.authority) || c.Name.Text != tc.signer.Name {
			t.Errorf("%s %s: signature %q %q, want %q", tc.form, tc.signer.Authority, auth, c.Name.Text, tc.authority)
		}
		var left []string
		for _, l := range c.Left {
			left = append(left, l.Text)
		}
		archive := "- Lưu VP."
		if tc.form == layout.State {
			archive = "- Lưu: VT."
		}
		want := []string{"Nơi nhận:", "- Ban Dân vận Trung ương (để báo cáo);", "- Thường trực Tỉnh ủy;", archive}
		if !slices.Equal(left, want) {
			t.Errorf("%s recipients %q, want %q", tc.form, left, want)
		}
		if doc.Page.NumberFirst || doc.Page.Number != "{page}" {
			t.Errorf("%s page numbers %+v", tc.form, doc.Page)
		}
	}
	// Without a number, room to write it; a date given is the date.
	a := lsAgency
	a.Number, a.Symbol = "", "BTGDV"
	doc, err := report.Document(r, report.Options{Form: layout.Party, Agency: a, Date: time.Date(2025, 10, 5, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	lh := doc.Blocks[0].(*layout.Letterhead)
	if lh.Number.Text != "Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/BTGDV" || lh.Date.Text != "Lạng Sơn, ngày 05 tháng 10 năm 2025" {
		t.Errorf("number %q, date %q", lh.Number.Text, lh.Date.Text)
	}
	// An official form needs the issuing body.
	if _, err := report.Document(r, report.Options{Form: layout.State}); err == nil {
		t.Error("a State form without an agency was laid out")
	}
	// A plain report has no letterhead or closing, and numbers every page.
	doc, err = report.Document(r, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		switch b.(type) {
		case *layout.Letterhead, *layout.Closing:
			t.Errorf("a plain report has a %T", b)
		}
	}
	if !doc.Page.NumberFirst || doc.Page.Number != "Trang {page}/{pages}" {
		t.Errorf("plain page numbers %+v", doc.Page)
	}
}

// Issue 13: a sentence edited with a field the report does not have is an
// error naming the file and the line, not a report with a hole.
func TestBrokenSentence(t *testing.T) {
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "report.tmpl")
	os.WriteFile(tmpl, []byte("{{/* a comment */}}\n\n{{define \"summary\"}}Trong {{.Periodwords}}.{{end}}\n"), 0o644)
	r := quarters(t, report.Options{Period: record.QuarterPeriod(2025, 3)})
	_, err := report.Document(r, report.Options{Templates: tmpl})
	var te *templates.Error
	if !errors.As(err, &te) || te.File != tmpl || te.Line != 3 {
		t.Fatalf("error %v, want a templates.Error at %s:3", err, tmpl)
	}
	// A label edited in report.toml is printed as edited.
	toml := filepath.Join(dir, "report.toml")
	os.WriteFile(toml, []byte("[sections]\nkey_figures = \"TÌNH HÌNH CHUNG\"\n"), 0o644)
	doc, err := report.Document(r, report.Options{Templates: toml})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(docStrings(doc), "I. TÌNH HÌNH CHUNG") {
		t.Error("the edited heading is not in the report")
	}
}

// The symbol of a document number is made of the bodies' initials when
// the settings give none.
func TestSymbol(t *testing.T) {
	r := quarters(t, report.Options{Period: record.QuarterPeriod(2025, 3)})
	for _, tc := range []struct {
		form         layout.Form
		parent, name string
		want         string
	}{
		{layout.Party, "TỈNH ỦY LẠNG SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Số 07-BC/BTGDVTU"},
		{layout.Party, "ĐẢNG ỦY XÃ VINH HÀ", "KHỐI DÂN VẬN", "Số 07-BC/KDVĐU"},
		{layout.Party, "", "BAN DÂN VẬN", "Số 07-BC/BDV"},
		{layout.State, "UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ", "Số: 07/BC-SNV"},
	} {
		a := lsAgency
		a.Parent, a.Name = tc.parent, tc.name
		doc, err := report.Document(r, report.Options{Form: tc.form, Agency: a})
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.Blocks[0].(*layout.Letterhead).Number.Text; got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.parent, tc.name, got, tc.want)
		}
	}
}

// A base with nothing is named as what it is: the quarter before, or the
// same quarter a year earlier ("kỳ trước chưa có" was said of both).
func TestChangeFromNothing(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "r.csv")
	os.WriteFile(csv, []byte("province,commune,unit,model,field,status,period,count,funds_vnd\n"+
		"Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,Tổ tự quản,Kinh tế,Duy trì,2025-Q3,1,15000000\n"+
		"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,Vườn mẫu,Kinh tế,Mới,2025-Q3,1,5000000\n"+
		"Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,Tổ tự quản,Kinh tế,Mới,2025-Q2,1,10000000\n"+
		"Cao Bằng,Xã Hòa An,Hội Phụ nữ,Tổ tự quản,Kinh tế,Mới,2024-Q3,1,10000000\n"), 0o644)
	for _, tc := range []struct {
		lang      msg.Lang
		want, not string
	}{
		{msg.VI, "tăng 2 mô hình (cùng kỳ chưa có) so với cùng kỳ năm 2024", "(kỳ trước chưa có) so với cùng kỳ"},
		{msg.VI, "tăng (cùng kỳ chưa có) so với cùng kỳ", "tăng (kỳ trước chưa có) so với cùng kỳ"},
		{msg.EN, "up 2 models from none on", ""},
	} {
		opts := report.Options{Inputs: []string{csv}, Period: record.QuarterPeriod(2025, 3), Localities: []string{"Lạng Sơn"}, Compare: compareBoth, Lang: tc.lang,
			Boundaries2025: true}
		text := documentText(t, opts)
		if !strings.Contains(text, tc.want) || (tc.not != "" && strings.Contains(text, tc.not)) {
			t.Errorf("%s: want %q and not %q in\n%s", tc.lang, tc.want, tc.not, text)
		}
	}
}

// The funds' leaders are named when the models' are not, all tied (a
// twenty-ninth review found both dropped).
func TestFundsLeadersAlone(t *testing.T) {
	dir := t.TempDir()
	csv := "province,commune,model,field,period,funds_vnd\n"
	for i, c := range []string{"Xã Bắc Sơn", "Xã Vũ Lăng", "Xã Hưng Vũ", "Xã Chiến Thắng", "Xã Nhất Hòa", "Xã Tân Tri"} {
		csv += fmt.Sprintf("Lạng Sơn,%s,M%d,Kinh tế,2025-Q3,%d000000\n", c, i, i+1)
	}
	path := filepath.Join(dir, "r.csv")
	os.WriteFile(path, []byte(csv), 0o644)
	text := documentText(t, report.Options{Inputs: []string{path}, Localities: []string{"Lạng Sơn"}, HideEmpty: true})
	if !strings.Contains(text, "Dẫn đầu về kinh phí huy động: Xã Tân Tri (6 triệu đồng), Xã Nhất Hòa (5 triệu đồng), Xã Chiến Thắng (4 triệu đồng).") ||
		strings.Contains(text, "Dẫn đầu về số mô hình") {
		t.Errorf("leaders:\n%s", text)
	}
}
