package charset

// Tones, in the order of the combining marks grave, acute, hook above,
// tilde and dot below.
const (
	toneNone  = iota // ngang
	toneGrave        // huyền
	toneAcute        // sắc
	toneHook         // hỏi
	toneTilde        // ngã
	toneDot          // nặng
)

// A letter is a Vietnamese letter split into its lower-case toneless base,
// its tone and its case.
type letter struct {
	base  rune
	tone  uint8
	upper bool
}

// vietLetters holds the non-ASCII letters of Vietnamese: the 134
// precomposed letters (vowels with tones or their own diacritics, and đ),
// in both cases. TestVietLetters checks it against the Unicode
// decompositions.
var vietLetters = map[rune]letter{
	'à': {'a', 1, false}, 'á': {'a', 2, false}, 'ả': {'a', 3, false}, 'ã': {'a', 4, false}, 'ạ': {'a', 5, false},
	'À': {'a', 1, true}, 'Á': {'a', 2, true}, 'Ả': {'a', 3, true}, 'Ã': {'a', 4, true}, 'Ạ': {'a', 5, true},
	'ă': {'ă', 0, false}, 'ằ': {'ă', 1, false}, 'ắ': {'ă', 2, false}, 'ẳ': {'ă', 3, false}, 'ẵ': {'ă', 4, false}, 'ặ': {'ă', 5, false},
	'Ă': {'ă', 0, true}, 'Ằ': {'ă', 1, true}, 'Ắ': {'ă', 2, true}, 'Ẳ': {'ă', 3, true}, 'Ẵ': {'ă', 4, true}, 'Ặ': {'ă', 5, true},
	'â': {'â', 0, false}, 'ầ': {'â', 1, false}, 'ấ': {'â', 2, false}, 'ẩ': {'â', 3, false}, 'ẫ': {'â', 4, false}, 'ậ': {'â', 5, false},
	'Â': {'â', 0, true}, 'Ầ': {'â', 1, true}, 'Ấ': {'â', 2, true}, 'Ẩ': {'â', 3, true}, 'Ẫ': {'â', 4, true}, 'Ậ': {'â', 5, true},
	'è': {'e', 1, false}, 'é': {'e', 2, false}, 'ẻ': {'e', 3, false}, 'ẽ': {'e', 4, false}, 'ẹ': {'e', 5, false},
	'È': {'e', 1, true}, 'É': {'e', 2, true}, 'Ẻ': {'e', 3, true}, 'Ẽ': {'e', 4, true}, 'Ẹ': {'e', 5, true},
	'ê': {'ê', 0, false}, 'ề': {'ê', 1, false}, 'ế': {'ê', 2, false}, 'ể': {'ê', 3, false}, 'ễ': {'ê', 4, false}, 'ệ': {'ê', 5, false},
	'Ê': {'ê', 0, true}, 'Ề': {'ê', 1, true}, 'Ế': {'ê', 2, true}, 'Ể': {'ê', 3, true}, 'Ễ': {'ê', 4, true}, 'Ệ': {'ê', 5, true},
	'ì': {'i', 1, false}, 'í': {'i', 2, false}, 'ỉ': {'i', 3, false}, 'ĩ': {'i', 4, false}, 'ị': {'i', 5, false},
	'Ì': {'i', 1, true}, 'Í': {'i', 2, true}, 'Ỉ': {'i', 3, true}, 'Ĩ': {'i', 4, true}, 'Ị': {'i', 5, true},
	'ò': {'o', 1, false}, 'ó': {'o', 2, false}, 'ỏ': {'o', 3, false}, 'õ': {'o', 4, false}, 'ọ': {'o', 5, false},
	'Ò': {'o', 1, true}, 'Ó': {'o', 2, true}, 'Ỏ': {'o', 3, true}, 'Õ': {'o', 4, true}, 'Ọ': {'o', 5, true},
	'ô': {'ô', 0, false}, 'ồ': {'ô', 1, false}, 'ố': {'ô', 2, false}, 'ổ': {'ô', 3, false}, 'ỗ': {'ô', 4, false}, 'ộ': {'ô', 5, false},
	'Ô': {'ô', 0, true}, 'Ồ': {'ô', 1, true}, 'Ố': {'ô', 2, true}, 'Ổ': {'ô', 3, true}, 'Ỗ': {'ô', 4, true}, 'Ộ': {'ô', 5, true},
	'ơ': {'ơ', 0, false}, 'ờ': {'ơ', 1, false}, 'ớ': {'ơ', 2, false}, 'ở': {'ơ', 3, false}, 'ỡ': {'ơ', 4, false}, 'ợ': {'ơ', 5, false},
	'Ơ': {'ơ', 0, true}, 'Ờ': {'ơ', 1, true}, 'Ớ': {'ơ', 2, true}, 'Ở': {'ơ', 3, true}, 'Ỡ': {'ơ', 4, true}, 'Ợ': {'ơ', 5, true},
	'ù': {'u', 1, false}, 'ú': {'u', 2, false}, 'ủ': {'u', 3, false}, 'ũ': {'u', 4, false}, 'ụ': {'u', 5, false},
	'Ù': {'u', 1, true}, 'Ú': {'u', 2, true}, 'Ủ': {'u', 3, true}, 'Ũ': {'u', 4, true}, 'Ụ': {'u', 5, true},
	'ư': {'ư', 0, false}, 'ừ': {'ư', 1, false}, 'ứ': {'ư', 2, false}, 'ử': {'ư', 3, false}, 'ữ': {'ư', 4, false}, 'ự': {'ư', 5, false},
	'Ư': {'ư', 0, true}, 'Ừ': {'ư', 1, true}, 'Ứ': {'ư', 2, true}, 'Ử': {'ư', 3, true}, 'Ữ': {'ư', 4, true}, 'Ự': {'ư', 5, true},
	'ỳ': {'y', 1, false}, 'ý': {'y', 2, false}, 'ỷ': {'y', 3, false}, 'ỹ': {'y', 4, false}, 'ỵ': {'y', 5, false},
	'Ỳ': {'y', 1, true}, 'Ý': {'y', 2, true}, 'Ỷ': {'y', 3, true}, 'Ỹ': {'y', 4, true}, 'Ỵ': {'y', 5, true},
	'đ': {'đ', 0, false}, 'Đ': {'đ', 0, true},
}

// lookupLetter splits r if it is a letter of the Vietnamese alphabet, taken
// broadly: the 26 Latin letters (f, j, w, z occur in names) and vietLetters.
func lookupLetter(r rune) (letter, bool) {
	switch {
	case 'a' <= r && r <= 'z':
		return letter{base: r}, true
	case 'A' <= r && r <= 'Z':
		return letter{base: r + ('a' - 'A'), upper: true}, true
	}
	l, ok := vietLetters[r]
	return l, ok
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

// A rhyme describes a vowel cluster (written without tones): the positions
// in the cluster that may carry the tone mark, as a bit mask (bit 0 = first
// vowel), when the syllable has no final consonant (open) and when it has
// one (closed). A zero mask means that form does not exist. Both the old
// ("hòa", "thủy") and the new ("hoà", "thuỷ") tone placements are allowed.
type rhyme struct{ open, closed uint8 }

var rhymes = map[string]rhyme{
	"a": {1, 1}, "ă": {0, 1}, "â": {0, 1}, "e": {1, 1}, "ê": {1, 1},
	"i": {1, 1}, "o": {1, 1}, "ô": {1, 1}, "ơ": {1, 1}, "u": {1, 1},
	"ư": {1, 1}, "y": {1, 1},

	"ai": {0b01, 0}, "ao": {0b01, 0}, "au": {0b01, 0}, "ay": {0b01, 0},
	"âu": {0b01, 0}, "ây": {0b01, 0}, "eo": {0b01, 0}, "êu": {0b01, 0},
	"ia": {0b01, 0}, "iê": {0, 0b10}, "iu": {0b01, 0}, "oa": {0b11, 0b10},
	"oă": {0, 0b10}, "oe": {0b11, 0b10}, "oi": {0b01, 0}, "ôi": {0b01, 0},
	"ơi": {0b01, 0}, "oo": {0, 0b10}, "ua": {0b01, 0}, "uâ": {0, 0b10},
	"uê": {0b10, 0b10}, "ui": {0b01, 0}, "uô": {0, 0b10}, "uơ": {0b10, 0},
	"uy": {0b11, 0b10}, "ưa": {0b01, 0}, "ưi": {0b01, 0}, "ươ": {0, 0b10},
	"ưu": {0b01, 0}, "yê": {0, 0b10},

	"iêu": {0b010, 0}, "yêu": {0b010, 0}, "oai": {0b010, 0}, "oay": {0b010, 0},
	"oao": {0b010, 0}, "oeo": {0b010, 0}, "uây": {0b010, 0}, "uôi": {0b010, 0},
	"ươi": {0b010, 0}, "ươu": {0b010, 0}, "uya": {0b010, 0}, "uyê": {0, 0b100},
	"uyu": {0b010, 0},
}

// wordVerdict is what scoring makes of one word.
type wordVerdict int

const (
	wordInvalid wordVerdict = iota // not a Vietnamese syllable
	wordValid                      // a well-formed Vietnamese syllable
	wordNeutral                    // letters only, no vowel (an abbreviation such as "NĐ")
)

// judge tells whether word (a run of letters and marks, in NFC) is a
// well-formed Vietnamese syllable. It is deliberately lenient about initial
// consonants (minority place names such as "Krông" or "Drắk") and accepts
// "k" as a final ("Đắk", "Lắk"), but strict about vowel clusters, tone
// placement, finals and letter case, which is what tells the right legacy
// charset from the wrong ones.
func judge(word []rune) wordVerdict {
	var buf [16]letter
	ls := buf[:0]
	for _, r := range word {
		l, ok := lookupLetter(r)
		if !ok {
			return wordInvalid
		}
		ls = append(ls, l)
	}
	// Case: all lower, all upper, or a capital followed by lower case.
	upper := 0
	for _, l := range ls {
		if l.upper {
			upper++
		}
	}
	if upper != 0 && upper != len(ls) && !(upper == 1 && ls[0].upper) {
		return wordInvalid
	}
	// Initial consonants, vowel cluster, final consonants.
	i := 0
	for i < len(ls) && !isVowel(ls[i].base) {
		i++
	}
	if i == len(ls) {
		return wordNeutral
	}
	j := i
	for j < len(ls) && isVowel(ls[j].base) {
		j++
	}
	k := j
	for k < len(ls) && !isVowel(ls[k].base) {
		k++
	}
	if k != len(ls) || i > 3 || k-j > 2 {
		return wordInvalid
	}
	// "gi" and "qu" are initials when more vowels follow; after "qu" comes
	// one of a, ă, â, e, ê, i, y, ô, ơ.
	if i == 1 && j-i >= 2 && ls[1].tone == toneNone {
		switch {
		case ls[0].base == 'g' && ls[1].base == 'i':
			i++
		case ls[0].base == 'q' && ls[1].base == 'u':
			switch ls[2].base {
			case 'a', 'ă', 'â', 'e', 'ê', 'i', 'y', 'ô', 'ơ':
			default:
				return wordInvalid
			}
			i++
		}
	}
	var nb [4]rune
	cluster := nb[:0]
	tone, tonePos := uint8(toneNone), -1
	for p, l := range ls[i:j] {
		cluster = append(cluster, l.base)
		if l.tone != toneNone {
			if tonePos >= 0 {
				return wordInvalid
			}
			tone, tonePos = l.tone, p
		}
	}
	for _, l := range ls[:i] {
		if l.tone != toneNone {
			return wordInvalid
		}
	}
	rh, ok := rhymes[string(cluster)]
	if !ok {
		return wordInvalid
	}
	mask := rh.open
	var final string
	if k > j {
		mask = rh.closed
		fb := [2]rune{ls[j].base}
		if k-j == 2 {
			fb[1] = ls[j+1].base
			final = string(fb[:])
		} else {
			final = string(fb[:1])
		}
	}
	if mask == 0 || (tonePos >= 0 && mask&(1<<tonePos) == 0) {
		return wordInvalid
	}
	c := string(cluster)
	switch final {
	case "":
	case "m", "n":
	case "p", "t":
		if tone != toneAcute && tone != toneDot {
			return wordInvalid
		}
	case "c", "ng":
		switch c {
		case "ê", "i", "y", "uê", "uy":
			return wordInvalid
		}
		if final == "c" && tone != toneAcute && tone != toneDot {
			return wordInvalid
		}
	case "ch", "nh":
		switch c {
		case "a", "ê", "i", "y", "oa", "uê", "uy":
		default:
			return wordInvalid
		}
		if final == "ch" && tone != toneAcute && tone != toneDot {
			return wordInvalid
		}
	case "k": // place names of the Central Highlands: Đắk, Lắk, Búk, Đăk.
		if len(cluster) != 1 || (tone != toneNone && tone != toneAcute && tone != toneDot) {
			return wordInvalid
		}
	default:
		return wordInvalid
	}
	return wordValid
}

// commonSyllables are frequent syllables of Vietnamese registers and
// reports, sorted. When two candidate decodings read equally well (which
// happens on one or two words, e.g. VNI "Sôn" is also valid Windows-1258),
// the one with more of these wins.
var commonSyllables = []string{
	"an", "ban", "binh", "buôn", "báo", "bình", "bản", "bắc", "bến", "bộ",
	"chi", "chiến", "cho", "châu", "chí", "chính", "chỉ", "cày", "các", "cán",
	"cáo", "có", "công", "cơ", "của", "cựu", "duy", "dân", "dục", "dựng",
	"gia", "giao", "giáo", "giúp", "gắn", "hiện", "hiệp", "hoà", "hoá", "huyện",
	"hà", "hình", "hòa", "hóa", "hệ", "học", "hồ", "hộ", "hội", "hữu",
	"khu", "khéo", "không", "kinh", "kết", "lai", "liên", "long", "là", "làng",
	"lãnh", "lạng", "lắk", "lộc", "minh", "mô", "môi", "mặt", "mỏ", "một",
	"mới", "nam", "nghèo", "nguyện", "ngày", "người", "nhân", "những", "ninh", "niên",
	"nuôi", "này", "nông", "năm", "nước", "nội", "nữ", "phong", "phòng", "phú",
	"phước", "phường", "phố", "phụ", "quân", "quý", "quả", "quản", "quốc", "sinh",
	"song", "sơn", "sạch", "sản", "số", "sở", "sự", "thanh", "theo", "thi",
	"thành", "tháng", "thôn", "thạnh", "thị", "thống", "thụ", "thực", "tiên", "tiêu",
	"tiến", "tiền", "tre", "trong", "trung", "trào", "trì", "trường", "trấn", "trận",
	"trị", "trồng", "tân", "tây", "tình", "tế", "tỉnh", "tốt", "tổ", "từ",
	"tự", "vay", "viên", "và", "văn", "vận", "vệ", "vốn", "với", "xuất",
	"xây", "xã", "y", "điển", "đoàn", "đua", "đã", "đình", "đông", "đường",
	"được", "đạo", "đảng", "đắk", "đến", "để", "đồng", "đỡ", "đức", "ấp",
	"ủy",
}
