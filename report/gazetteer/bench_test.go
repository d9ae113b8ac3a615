package gazetteer

import (
	"testing"
)

// BenchmarkFirstLookup measures a first use on a fresh gazetteer (New):
// whatever the era, the conversion table or the alphabetical order costs on
// first use, then the lookup itself. It uses only the exported API, so that
// its figures compare across implementations.
func BenchmarkFirstLookup(b *testing.B) {
	b.Run("province/2025", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New().Province(Era2025, "Lạng Sơn"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("commune/pre-2025", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New().Resolve(EraPre2025, Place{Province: "Lạng Sơn", District: "Bắc Sơn", Commune: "Thị trấn Bắc Sơn"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("commune/2022", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New().Resolve(Era2022, Place{Province: "Thừa Thiên Huế", District: "Phú Vang", Commune: "Phú Thuận"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rollup/pre-2025", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New().RollUpPlace(Place{Province: "Bến Tre"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("rollup/commune", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := New().RollUpPlace(Place{Province: "Lạng Sơn", District: "Bắc Sơn", Commune: "Thị trấn Bắc Sơn"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("list/2025", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if len(New().Provinces(Era2025)) != 34 {
				b.Fatal("want 34 provinces")
			}
		}
	})
	b.Run("list/pre-2025", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if len(New().Provinces(EraPre2025)) != 63 {
				b.Fatal("want 63 provinces")
			}
		}
	})
	b.Run("everything", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g := New()
			if err := g.Check(); err != nil {
				b.Fatal(err)
			}
			for _, era := range Eras {
				if len(g.Provinces(era)) == 0 {
					b.Fatal("no provinces")
				}
			}
		}
	})
}

// BenchmarkResolve measures lookups once the data is loaded.
func BenchmarkResolve(b *testing.B) {
	g := gz(b)
	benches := []struct {
		name  string
		era   Era
		place Place
	}{
		{"province/exact", Era2025, Place{Province: "Tỉnh Lạng Sơn"}},
		{"province/folded", Era2025, Place{Province: "thanh pho ho chi minh"}},
		{"province/code", Era2025, Place{Province: "20"}},
		{"commune/2025", Era2025, Place{Province: "Lạng Sơn", Commune: "Xã Bắc Sơn"}},
		{"commune/2025/folded", Era2025, Place{Province: "lang son", Commune: "bac son"}},
		{"commune/pre-2025", EraPre2025, Place{Province: "Thành phố Hồ Chí Minh", District: "Quận 3", Commune: "Phường 1"}},
		{"commune/code", Era2025, Place{Commune: "06970"}},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := g.Resolve(bb.era, bb.place); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("commune/ambiguous", func(b *testing.B) {
		b.ReportAllocs()
		p := Place{Province: "Hồ Chí Minh", Commune: "Phường 1"}
		for b.Loop() {
			if _, err := g.Resolve(EraPre2025, p); err == nil {
				b.Fatal("want an error")
			}
		}
	})
}

func BenchmarkKey(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Key("Thành phố Hồ Chí Minh")
	}
}

func BenchmarkNearest(b *testing.B) {
	g := gz(b)
	b.Run("in-province", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g.Nearest(Era2025, Place{Province: "Lạng Sơn", Commune: "Bac Sonn"})
		}
	})
	b.Run("country/pre-2025", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			g.Nearest(EraPre2025, Place{Commune: "Bac Sonn"})
		}
	})
}

func BenchmarkSearch(b *testing.B) {
	g := gz(b)
	b.ReportAllocs()
	for b.Loop() {
		g.Search(EraPre2025, "bac son")
	}
}

func BenchmarkRollUp(b *testing.B) {
	g := gz(b)
	u, err := g.ByCode(EraPre2025, "18796")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.RollUp(u); err != nil {
			b.Fatal(err)
		}
	}
}
