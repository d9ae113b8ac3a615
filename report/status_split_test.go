package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/compare"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
)

// A unit's models reported as two group rows of one quarter, 5 new and 3
// sustained, are 5 new models of their field in the summary's sentence,
// as in its figures, and the models table says how many are each, not
// "Chưa rõ" (a twenty-second review: the sentence named Văn hóa - Xã
// hội, with its 1 new model, over Kinh tế's 5). Two fields with the most
// new models name neither.
func TestNewModelsOfMixedGroups(t *testing.T) {
	dir := t.TempDir()
	write := func(name, rows string) string {
		path := filepath.Join(dir, name)
		data := "province,commune,unit,model,field,status,period,count,funds_vnd\n" + rows
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	doc := func(path string) string {
		t.Helper()
		opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2026, 3), Localities: []string{"Lạng Sơn"}, HideEmpty: true, Models: true}
		return documentJSON(t, opts)
	}
	mixed := write("mixed.csv",
		"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,,Kinh tế,Mới,2026-Q3,5,10000000\n"+
			"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,,Kinh tế,Duy trì,2026-Q3,3,10000000\n"+
			"Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,Mô hình VH,Văn hóa - Xã hội,Mới,2026-Q3,1,0\n")
	got := doc(mixed)
	for _, want := range []string{"xây dựng mới 6, duy trì 3", "Lĩnh vực có nhiều mô hình xây dựng mới nhất là Kinh tế (5 mô hình).", `"Mới 5, Duy trì 3"`} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Chưa rõ") {
		t.Errorf("a group of new and sustained models is said not stated:\n%s", got)
	}
	// 9 new models of no field could all be of Văn hóa - Xã hội: no
	// field is the one with the most (a twenty-third review).
	unclassified := write("uncl.csv",
		"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,,,Mới,2026-Q3,9,0\n"+
			"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,,Kinh tế,Mới,2026-Q3,4,0\n"+
			"Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,B,Văn hóa - Xã hội,Mới,2026-Q3,1,0\n")
	if got := doc(unclassified); strings.Contains(got, "Lĩnh vực có nhiều mô hình xây dựng mới nhất") {
		t.Errorf("4 of Kinh tế beside 9 of no field, one named the field with the most:\n%s", got)
	}
	tie := write("tie.csv",
		"Lạng Sơn,Xã Bắc Sơn,Hội Nông dân,A,Kinh tế,Mới,2026-Q3,1,0\n"+
			"Lạng Sơn,Xã Bắc Sơn,Hội Phụ nữ,B,Văn hóa - Xã hội,Mới,2026-Q3,1,0\n")
	if got := doc(tie); strings.Contains(got, "Lĩnh vực có nhiều mô hình xây dựng mới nhất") {
		t.Errorf("two fields of 1 new model each, one named the field with the most:\n%s", got)
	}
}

// Funds fallen to nothing are said, with their fall (a twenty-second
// review: a commune's 2,5 tỷ in the quarter before and 0 now went
// unsaid in the summary's paragraph and the mail).
func TestFundsFallenToNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.csv")
	// A year before, no funds either: not said to be "the same" (a
	// twenty-third review found "bằng so với cùng kỳ" beside the fall).
	data := "province,commune,model,field,status,period,funds_vnd\n" +
		"Lạng Sơn,Xã Bắc Sơn,B,Kinh tế,Mới,2025-Q3,0\n" +
		"Lạng Sơn,Xã Bắc Sơn,A,Kinh tế,Mới,2026-Q2,2500000000\n" +
		"Lạng Sơn,Xã Bắc Sơn,A,Kinh tế,Duy trì,2026-Q3,0\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[msg.Lang]string{
		msg.VI: "Không có kinh phí huy động, giảm 100,0% so với quý II năm 2026.",
		msg.EN: "No funds were mobilised, down 100.0% on the second quarter of 2026.",
	} {
		opts := report.Options{Inputs: []string{path}, Period: record.QuarterPeriod(2026, 3), Localities: []string{"Lạng Sơn"},
			HideEmpty: true, Compare: compare.Both(), Lang: lang}
		b := documentJSON(t, opts)
		if !strings.Contains(b, want) {
			t.Errorf("%s: the report lacks %q:\n%s", lang, want, b)
		}
	}
}
