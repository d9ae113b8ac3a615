// Package gazetteer is the official gazetteer of Vietnam's administrative
// units, embedded in the binary, with the name matching and the roll-up to
// the 2025 boundaries that dvkreport needs.
//
// # Eras
//
// Three official lists are embedded (see data/PROVENANCE.md):
//
//   - Era2025, in force from 1 July 2025: 34 provinces and 3,321 communes,
//     two tiers;
//   - EraPre2025, the state of 1 March to 30 June 2025: 63 provinces,
//     696 districts and 10,035 communes, three tiers;
//   - Era2022, the state of 1 October 2022, for older registers: 63
//     provinces, 705 districts and 10,599 communes.
//
// A Unit carries both the official full name ("Tỉnh Lạng Sơn", for display)
// and the short name ("Lạng Sơn"), its GSO/NSO code with leading zeros, its
// type and its parents. Default returns the shared Gazetteer. The lists,
// their indexes and the conversion table are tables built into the binary
// (see Data): nothing is parsed or indexed at run time, and a lookup takes
// about a microsecond, the first one included.
//
// # Name matching
//
// Every locality name is compared through one normaliser, Key. It applies
// NFC, lower case, one tone placement for word-final oa, oe and uy ("Hoà"
// and "Hòa", "Thuý" and "Thúy", "Khoẻ" and "Khỏe" are the same), removes
// apostrophes (' ’ ʼ) and folds punctuation and spaces, and removes a
// leading unit-type prefix: Tỉnh, Thành phố, TP, TP., Thị xã, Quận, Huyện,
// Xã, Phường, Thị trấn, Đặc khu. A prefix is never the whole name: "Phường 1"
// and "1" both match the ward named "1". FoldKey is Key without diacritics
// (đ becomes d), so "lang son" finds Lạng Sơn.
//
// Lookups try, in order, and stop at the first that matches a unit within
// the given province (and district): the exact key; the exact key with the
// prefix kept (for "Phường Phường Đúc", a ward named "Phường Đúc"); the
// folded keys; and last the folded key without a prefix written without
// diacritics ("Thanh pho Ho Chi Minh", "Xa Bac Son"). Such a prefix is tried
// last because without diacritics it can be the first word of a name: Quan
// Sơn, Tịnh Biên, Xa Dung. When several units match, a prefix in the query
// keeps those of its type ("Thị xã Kỳ Anh", not "Huyện Kỳ Anh"); if still
// several remain, the lookup fails with ErrAmbiguous and lists them all.
// A lookup never picks one of several candidates.
//
// Codes are accepted wherever a name is: 2 digits for a province ("20";
// "1" is read as "01"), 3 for a district, 5 for a commune ("06970").
//
// # Lookups
//
//   - Gazetteer.Province and Gazetteer.Resolve find one unit from a Place
//     (province, district, commune names or codes); ByCode finds one by
//     code.
//   - Errors are *LookupError values wrapping ErrNotFound, ErrMisplaced (the
//     name exists, but in another province: a commune placed in the wrong
//     province), ErrAmbiguous, ErrNoDistricts or ErrUnknownEra; test them
//     with errors.Is and read the candidates with errors.As.
//   - Gazetteer.Nearest suggests up to three nearest names ("did you mean
//     Xã Bắc Sơn?"), within the province when it is known.
//   - Gazetteer.CommuneProvinces and Gazetteer.Named find a name anywhere
//     in the country; Gazetteer.Search finds names containing some words.
//   - Gazetteer.Provinces, Gazetteer.Districts and Gazetteer.Communes list
//     units.
//   - Gazetteer.RollUp and Gazetteer.RollUpPlace map a pre-2025 unit to the
//     2025 boundaries using the official conversion table: an old province
//     to its new province, an old commune to the new commune it went to
//     wholly, or, when it was split, to all the candidate new communes
//     (Rollup.Split); nothing is divided or guessed.
//
// # Order
//
// Every list returned (lists, search results, candidates of an error,
// roll-up targets) is in Vietnamese alphabetical order of the short name,
// using golang.org/x/text/collate with language.Vietnamese (Đ after D) and
// numbers compared by value ("Phường 2" before "Phường 10"), ties broken by
// code. Search and Nearest first order by relevance and distance, as they
// document.
//
// # Data
//
// The CSV files in data/ are copied unchanged from the project's gazetteer
// sources; data/PROVENANCE.md records where they come from, their checks and
// corrections, and data/NOTICE.md the licences of the sources.
//
// The package does not read them at run time. go generate (gen.go) runs
// internal/tablegen, which parses and checks them (data/README.md says
// how), computes the keys of the names with the normaliser the lookups use
// (internal/namekey), the alphabetical order with collate and the indexes,
// and writes it all to the files ztable_*.go: one string constant holding
// every name once, and slices of structs of integers pointing into it,
// without pointers. They are committed. The compiler lays them out in the
// binary's data, so that they cost no start-up time and no heap, and the
// garbage collector does not scan them. TestTables makes them again and
// fails if they differ from the committed files: after a change to data/,
// to the generator or to the normaliser, run
//
//	go generate ./report/gazetteer
package gazetteer
