package report_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report"
	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/report/validate"
)

func register(t *testing.T, csv string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "r.csv")
	if err := os.WriteFile(name, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// Before 2025, Xã Tân Đoàn of Lạng Sơn is in Huyện Văn Quan only: a row
// that names it without its district is the same place as one that names
// the district. The same model in both was two models and 20,000,000 with
// exit 0; it is a duplicate, as when both rows name the district.
func TestDistrictNamedForCommune(t *testing.T) {
	head := "province,district,commune,unit,model,field,status,period,count,funds_vnd\n"
	in := register(t, head+
		"Lạng Sơn,Văn Quan,Xã Tân Đoàn,Hội ND,Nuôi bò,Kinh tế,new,2025-Q2,1,10000000\n"+
		"Lạng Sơn,,Xã Tân Đoàn,Hội ND,Nuôi bò,Kinh tế,new,2025-Q2,1,10000000\n")
	_, err := report.Summarize(report.Options{Inputs: []string{in}, Level: aggregate.LevelCommune})
	var problems validate.Problems
	if !errors.As(err, &problems) || len(problems) != 1 || problems[0].Pos.Row != 3 ||
		!strings.Contains(problems[0].Error(), "reported again") {
		t.Fatalf("err = %v, want the duplicate of row 3", err)
	}
	// Two models, one of each kind of row, are one place.
	in = register(t, head+
		"Lạng Sơn,Văn Quan,Xã Tân Đoàn,Hội ND,Nuôi bò,Kinh tế,new,2025-Q2,1,10000000\n"+
		"Lạng Sơn,,Xã Tân Đoàn,Hội PN,Tổ tự quản,Kinh tế,new,2025-Q2,1,5000000\n")
	r, err := report.Summarize(report.Options{Inputs: []string{in}, Level: aggregate.LevelCommune, HideEmpty: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Lines) != 1 || strings.Join(r.Lines[0].Path, "/") != "Lạng Sơn/Huyện Văn Quan/Xã Tân Đoàn" || r.Total.Models != 2 || r.Total.FundsVND != 15_000_000 {
		var paths []string
		for _, l := range r.Lines {
			paths = append(paths, strings.Join(l.Path, "/"))
		}
		t.Errorf("lines %q, total %+v; want one line of Xã Tân Đoàn, Huyện Văn Quan, 2 models, 15,000,000", paths, r.Total)
	}
}

// Two communes of Lạng Sơn were Xã Chi Lăng before 2025 (06034 in Tràng
// Định, 06523 in Chi Lăng); one is in 2025. A row of 2025-Q2 that names
// Xã Chi Lăng without its district is not that 2025 commune: the roll-up
// put its 640,000,000 there, under a warning that said the name was not
// official. It says which units it may be.
func TestAmbiguousOldCommune(t *testing.T) {
	in := register(t, "province,district,commune,unit,model,field,status,period,count,funds_vnd\n"+
		"Lạng Sơn,,Xã Chi Lăng,U,G,Kinh tế,new,2025-Q2,1,640000000\n")
	r, err := report.Summarize(report.Options{Inputs: []string{in}, Level: aggregate.LevelCommune, Boundaries2025: true,
		Period: record.QuarterPeriod(2025, 2), Localities: []string{"Lạng Sơn"}, HideEmpty: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Lines {
		if strings.Contains(strings.Join(l.Path, "/"), "Chi Lăng") && l.Figures.FundsVND != 0 {
			t.Errorf("%s: %d đồng; an ambiguous old commune is no 2025 commune", strings.Join(l.Path, "/"), l.Figures.FundsVND)
		}
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Msg.In(msg.EN), "06034") && !strings.Contains(r.Warnings[0].Msg.In(msg.EN), "Tràng Định") {
		var ws []string
		for _, w := range r.Warnings {
			ws = append(ws, w.Msg.In(msg.EN))
		}
		t.Errorf("warnings %q, want one naming both Xã Chi Lăng", ws)
	}
}
