package format_test

import (
	"fmt"

	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/record"
)

func ExampleMoneyShort() {
	fmt.Println(format.MoneyShort(3_410_000_000, format.VI))
	fmt.Println(format.MoneyShort(380_000_000, format.VI))
	fmt.Println(format.MoneyShort(3_410_000_000, format.EN))
	fmt.Println(format.Money(705_000_000, format.VI))
	// Output:
	// 3,41 tỷ đồng
	// 380 triệu đồng
	// VND 3.41 billion
	// 705.000.000 đồng
}

func ExamplePeriod() {
	p, _ := record.ParsePeriod("quy 3/2025")
	fmt.Println(format.Period(p, format.VI))
	fmt.Println(format.Period(p, format.EN))
	// Output:
	// Quý III/2025
	// Q3 2025
}
