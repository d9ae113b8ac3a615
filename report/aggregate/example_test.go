package aggregate_test

import (
	"fmt"

	"github.com/dvkreport/dvkreport/report/aggregate"
	"github.com/dvkreport/dvkreport/report/record"
)

func ExampleSummarize() {
	q3 := record.QuarterPeriod(2025, 3)
	ds := &record.Dataset{Records: []record.Record{
		{Province: "Lạng Sơn", Commune: "Xã Bắc Sơn", Field: record.Economy, Status: record.New, Period: q3, Count: 2, FundsVND: 380_000_000},
		{Province: "Lạng Sơn", Commune: "Xã Đình Lập", Field: record.CultureSociety, Status: record.Sustained, Period: q3, Count: 1},
		{Province: "Đắk Lắk", Field: record.PartyBuilding, Period: q3, Count: 4}, // status not stated
	}}
	s, err := aggregate.Summarize(ds, aggregate.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range s.Lines {
		fmt.Println(l.Name(), l.Models, l.New, l.Sustained, l.NotStated, l.FundsVND)
	}
	fmt.Println("total", s.Total.Models, s.Period)
	// Output:
	// Đắk Lắk 4 0 0 4 0
	// Lạng Sơn 3 2 1 0 380000000
	// total 7 2025-Q3
}
