package format_test

import (
	"fmt"

	"github.com/dvkreport/dvkreport/report/format"
	"github.com/dvkreport/dvkreport/report/record"
	"github.com/dvkreport/dvkreport/templates"
)

func ExampleFormatter_MoneyShort() {
	vi, _ := templates.Load("vi", "")
	en, _ := templates.Load("en", "")
	fmt.Println(format.New(format.VI, &vi.Texts).MoneyShort(3_410_000_000))
	fmt.Println(format.New(format.VI, &vi.Texts).MoneyShort(380_000_000))
	fmt.Println(format.New(format.EN, &en.Texts).MoneyShort(3_410_000_000))
	fmt.Println(format.New(format.VI, &vi.Texts).Money(705_000_000))
	// Output:
	// 3,41 tỷ đồng
	// 380 triệu đồng
	// 3.41 billion VND
	// 705.000.000 đồng
}

func ExampleFormatter_Period() {
	vi, _ := templates.Load("vi", "")
	en, _ := templates.Load("en", "")
	p, _ := record.ParsePeriod("quy 3/2025")
	fmt.Println(format.New(format.VI, &vi.Texts).Period(p))
	fmt.Println(format.New(format.EN, &en.Texts).Period(p))
	// Output:
	// Quý III/2025
	// Q3 2025
}
