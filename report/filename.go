package report

import (
	"strings"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/batch"
	"github.com/dvkreport/dvkreport/report/gazetteer"
	"github.com/dvkreport/dvkreport/report/record"
)

// FileName is the default name of a summary's report: ASCII only, from its
// scope and period, such as dvk-lang-son-2025-q3.pdf.
func FileName(s *aggregate.Summary) string {
	var parts []string
	for _, p := range s.Scope {
		parts = append(parts, batch.Slug(gazetteer.Key(p[len(p)-1])))
	}
	if len(parts) == 0 {
		parts = []string{"toan-quoc"}
	}
	if len(parts) > 3 {
		parts = append(parts[:3], "va-khac")
	}
	return "dvk-" + strings.Join(parts, "-") + "-" + PeriodSlug(s.Period) + ".pdf"
}

// PeriodSlug writes a period for a file name: 2025-q3, 2021-2025.
func PeriodSlug(p record.Period) string {
	return strings.ToLower(strings.ReplaceAll(p.String(), "..", "-"))
}
