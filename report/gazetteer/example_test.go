package gazetteer_test

import (
	"errors"
	"fmt"

	"github.com/dvkreport/dvkreport/report/gazetteer"
)

func Example() {
	g := gazetteer.Default()

	// Provinces by name, in any spelling, or by code.
	for _, name := range []string{"Khánh Hoà", "khanh hoa", "TP. Hồ Chí Minh", "20"} {
		p, err := g.Province(gazetteer.Era2025, name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%q → %s %s\n", name, p.Code, p.FullName)
	}

	// A commune by names, and by code.
	c, err := g.Resolve(gazetteer.Era2025, gazetteer.Place{Province: "Lạng Sơn", Commune: "xa bac son"})
	fmt.Println(c.Code, c, err)
	c, err = g.Resolve(gazetteer.Era2025, gazetteer.Place{Commune: "06970"})
	fmt.Println(c.Code, c, err)

	// Ambiguous: the district is needed to tell them apart.
	_, err = g.Resolve(gazetteer.EraPre2025, gazetteer.Place{Province: "Hà Nội", District: "Gia Lâm", Commune: "Yên Viên"})
	var le *gazetteer.LookupError
	if errors.Is(err, gazetteer.ErrAmbiguous) && errors.As(err, &le) {
		for _, u := range le.Candidates {
			fmt.Println("candidate:", u)
		}
	}

	// A commune placed in the wrong province.
	_, err = g.Resolve(gazetteer.Era2025, gazetteer.Place{Province: "Lạng Sơn", Commune: "Xã Ba Chẽ"})
	fmt.Println(errors.Is(err, gazetteer.ErrMisplaced), errors.Is(err, gazetteer.ErrNotFound))
	for _, p := range g.CommuneProvinces(gazetteer.Era2025, "Xã Ba Chẽ") {
		fmt.Println("Xã Ba Chẽ is in", p.FullName)
	}

	// Did you mean...?
	for _, u := range g.Nearest(gazetteer.Era2025, gazetteer.Place{Province: "Lạng Sơn", Commune: "Bac Sonn"}) {
		fmt.Println("did you mean", u.FullName)
	}

	// Roll-up of old units to the 2025 boundaries.
	r, _ := g.RollUpPlace(gazetteer.Place{Province: "Bến Tre"})
	fmt.Println("Bến Tre →", r.Province.FullName)
	r, _ = g.RollUpPlace(gazetteer.Place{Province: "Hà Nội", District: "Ba Đình", Commune: "Cống Vị"})
	fmt.Print("Cống Vị → split: ", r.Split())
	for _, t := range r.Targets {
		fmt.Print(", ", t.Unit.FullName, " (", t.Note, ")")
	}
	fmt.Println()

	// Output:
	// "Khánh Hoà" → 56 Tỉnh Khánh Hòa
	// "khanh hoa" → 56 Tỉnh Khánh Hòa
	// "TP. Hồ Chí Minh" → 79 Thành phố Hồ Chí Minh
	// "20" → 20 Tỉnh Lạng Sơn
	// 06325 Xã Bắc Sơn, Tỉnh Lạng Sơn <nil>
	// 06970 Xã Ba Chẽ, Tỉnh Quảng Ninh <nil>
	// candidate: Thị trấn Yên Viên, Huyện Gia Lâm, Thành phố Hà Nội
	// candidate: Xã Yên Viên, Huyện Gia Lâm, Thành phố Hà Nội
	// true true
	// Xã Ba Chẽ is in Tỉnh Quảng Ninh
	// did you mean Xã Bắc Sơn
	// did you mean Xã Ba Sơn
	// Bến Tre → Tỉnh Vĩnh Long
	// Cống Vị → split: true, Phường Giảng Võ (Nhập một phần), Phường Ngọc Hà (Nhập một phần)
}

func ExampleKey() {
	fmt.Println(gazetteer.Key("Tỉnh Khánh Hoà"))
	fmt.Println(gazetteer.Key("Phường 1"))
	fmt.Println(gazetteer.FoldKey("Thành phố Hồ Chí Minh"))
	fmt.Println(gazetteer.SameName("Ea H’leo", "ea hleo"))
	// Output:
	// khánh hòa
	// 1
	// ho chi minh
	// true
}
