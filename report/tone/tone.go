// Package tone places the tone marks of Vietnamese words one way, so that
// names typed with the old placement and the new ("hoà" and "hòa", "thuý"
// and "thúy", "khoẻ" and "khỏe", as keyboards and input methods differ)
// compare equal. Package gazetteer keys locality names with it, and
// package record the names of models and units.
package tone

// Place moves the tone of a word-final oa, oe or uy to its first vowel, in
// place, word being in lower case: "hoà" becomes "hòa", "thuý" becomes "thúy", "khoẻ" becomes "khỏe".
func Place(word []rune) {
	n := len(word)
	if n < 2 || !Misplaced(word[n-2], word[n-1]) {
		return
	}
	b1, _, _ := splitTone(word[n-2])
	b2, t2, _ := splitTone(word[n-1])
	word[n-2], word[n-1] = withTone(b1, t2), b2
}

// Misplaced reports whether the last two letters of a word, in lower case,
// are an oa, oe or uy with the tone on the second: what Place moves.
func Misplaced(first, second rune) bool {
	b1, t1, ok1 := splitTone(first)
	b2, t2, ok2 := splitTone(second)
	return ok1 && ok2 && t1 < 0 && t2 >= 0 && (b1 == 'o' && (b2 == 'a' || b2 == 'e') || b1 == 'u' && b2 == 'y')
}

// splitTone returns the base vowel and tone (0..4: huyền, sắc, hỏi, ngã,
// nặng) of one of the plain vowels a, e, o, u, y, with tone -1 if r carries
// no tone. ok is false for any other rune.
func splitTone(r rune) (base rune, tone int, ok bool) {
	switch r {
	case 'a', 'e', 'o', 'u', 'y':
		return r, -1, true
	case 'à', 'è', 'ò', 'ù', 'ỳ':
		tone = 0
	case 'á', 'é', 'ó', 'ú', 'ý':
		tone = 1
	case 'ả', 'ẻ', 'ỏ', 'ủ', 'ỷ':
		tone = 2
	case 'ã', 'ẽ', 'õ', 'ũ', 'ỹ':
		tone = 3
	case 'ạ', 'ẹ', 'ọ', 'ụ', 'ỵ':
		tone = 4
	default:
		return 0, 0, false
	}
	switch r {
	case 'à', 'á', 'ả', 'ã', 'ạ':
		base = 'a'
	case 'è', 'é', 'ẻ', 'ẽ', 'ẹ':
		base = 'e'
	case 'ò', 'ó', 'ỏ', 'õ', 'ọ':
		base = 'o'
	case 'ù', 'ú', 'ủ', 'ũ', 'ụ':
		base = 'u'
	default:
		base = 'y'
	}
	return base, tone, true
}

// withTone returns vowel base (o or u) carrying tone (0..4).
func withTone(base rune, tone int) rune {
	if base == 'u' {
		return [...]rune{'ù', 'ú', 'ủ', 'ũ', 'ụ'}[tone]
	}
	return [...]rune{'ò', 'ó', 'ỏ', 'õ', 'ọ'}[tone]
}
