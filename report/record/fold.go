package record

// FoldLatin returns the base letter, in lower case, of a Latin letter with
// diacritics (one whose canonical decomposition is an ASCII letter and
// nonspacing marks) of Latin-1, Latin Extended-A and -B or Latin Extended
// Additional, where every Vietnamese letter is; d for đ and Đ; 0 for any
// other rune. Its tables (fold_table.go) are constants made from the
// Unicode tables by a test, so a look-up costs an index and nothing at
// start-up: building them at run time from the decompositions cost a seed
// report 2 ms.
func FoldLatin(r rune) byte {
	switch {
	case r >= 0xC0 && r < 0x250:
		return foldLatin[r-0xC0]
	case r >= 0x1E00 && r < 0x1F00:
		return foldLatinAdditional[r-0x1E00]
	}
	return 0
}
