package charset

// This file holds the lookup tables. They are literals and are never
// modified; tables_test.go checks them against iconv's vectors in testdata
// and against golang.org/x/text/unicode/norm.

// tcvn3Table maps each byte of TCVN 5712:1993 to a rune, exactly as glibc's
// iconv -f TCVN5712-1 decodes it (testdata/tcvn3-bytes.txt). 0x01-0x17
// (but not the controls TAB, LF, CR and friends) and 0x80-0x9F hold
// capitals with tone marks; 0xB0-0xB4 are the combining grave, hook above,
// tilde, acute and dot below.
var tcvn3Table = [256]rune{
	0x0000, 0x00DA, 0x1EE4, 0x0003, 0x1EEA, 0x1EEC, 0x1EEE, 0x0007, // 0x00
	0x0008, 0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x000E, 0x000F, // 0x08
	0x0010, 0x1EE8, 0x1EF0, 0x1EF2, 0x1EF6, 0x1EF8, 0x00DD, 0x1EF4, // 0x10
	0x0018, 0x0019, 0x001A, 0x001B, 0x001C, 0x001D, 0x001E, 0x001F, // 0x18
	0x0020, 0x0021, 0x0022, 0x0023, 0x0024, 0x0025, 0x0026, 0x0027, // 0x20
	0x0028, 0x0029, 0x002A, 0x002B, 0x002C, 0x002D, 0x002E, 0x002F, // 0x28
	0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, // 0x30
	0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F, // 0x38
	0x0040, 0x0041, 0x0042, 0x0043, 0x0044, 0x0045, 0x0046, 0x0047, // 0x40
	0x0048, 0x0049, 0x004A, 0x004B, 0x004C, 0x004D, 0x004E, 0x004F, // 0x48
	0x0050, 0x0051, 0x0052, 0x0053, 0x0054, 0x0055, 0x0056, 0x0057, // 0x50
	0x0058, 0x0059, 0x005A, 0x005B, 0x005C, 0x005D, 0x005E, 0x005F, // 0x58
	0x0060, 0x0061, 0x0062, 0x0063, 0x0064, 0x0065, 0x0066, 0x0067, // 0x60
	0x0068, 0x0069, 0x006A, 0x006B, 0x006C, 0x006D, 0x006E, 0x006F, // 0x68
	0x0070, 0x0071, 0x0072, 0x0073, 0x0074, 0x0075, 0x0076, 0x0077, // 0x70
	0x0078, 0x0079, 0x007A, 0x007B, 0x007C, 0x007D, 0x007E, 0x007F, // 0x78
	0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, // 0x80
	0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128, // 0x88
	0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, // 0x90
	0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168, // 0x98
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // 0xA0
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // 0xA8
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, // 0xB0
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // 0xB8
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // 0xC0
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // 0xC8
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // 0xD0
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // 0xD8
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // 0xE0
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // 0xE8
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // 0xF0
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // 0xF8
}

// vniTable holds the bytes whose meaning in the VNI-Windows encoding differs
// from Windows-1252; a zero entry means "as in Windows-1252". An entry is
// one letter, or one or two combining marks that follow a base letter: the
// bytes 0xC0-0xDF are the marks drawn for capitals, 0xE0-0xFF the same marks
// for small letters. Sources: the VNI-WIN table of the VnConv library of
// UniKey (Pham Kim Long), checked entry by entry against the independent
// table of the npm package vietnamese-conversion.
var vniTable = [256][2]rune{
	// Circumflex, alone or with a tone: â ấ ầ ẩ ẫ ậ over a, e, o.
	0xC2: {0x0302}, 0xE2: {0x0302},
	0xC1: {0x0302, 0x0301}, 0xE1: {0x0302, 0x0301},
	0xC0: {0x0302, 0x0300}, 0xE0: {0x0302, 0x0300},
	0xC5: {0x0302, 0x0309}, 0xE5: {0x0302, 0x0309},
	0xC3: {0x0302, 0x0303}, 0xE3: {0x0302, 0x0303},
	0xC4: {0x0302, 0x0323}, 0xE4: {0x0302, 0x0323},
	// Breve, alone or with a tone: ă ắ ằ ẳ ẵ ặ over a.
	0xCA: {0x0306}, 0xEA: {0x0306},
	0xC9: {0x0306, 0x0301}, 0xE9: {0x0306, 0x0301},
	0xC8: {0x0306, 0x0300}, 0xE8: {0x0306, 0x0300},
	0xDA: {0x0306, 0x0309}, 0xFA: {0x0306, 0x0309},
	0xDC: {0x0306, 0x0303}, 0xFC: {0x0306, 0x0303},
	0xCB: {0x0306, 0x0323}, 0xEB: {0x0306, 0x0323},
	// Tone marks alone: acute, grave, hook above, tilde, dot below.
	0xD9: {0x0301}, 0xF9: {0x0301},
	0xD8: {0x0300}, 0xF8: {0x0300},
	0xDB: {0x0309}, 0xFB: {0x0309},
	0xD5: {0x0303}, 0xF5: {0x0303},
	0xCF: {0x0323}, 0xEF: {0x0323},
	// Letters of one byte.
	0xD1: {'Đ'}, 0xF1: {'đ'},
	0xD4: {'Ơ'}, 0xF4: {'ơ'},
	0xD6: {'Ư'}, 0xF6: {'ư'},
	0xCD: {'Í'}, 0xED: {'í'},
	0xCC: {'Ì'}, 0xEC: {'ì'},
	0xC6: {'Ỉ'}, 0xE6: {'ỉ'},
	0xD3: {'Ĩ'}, 0xF3: {'ĩ'},
	0xD2: {'Ị'}, 0xF2: {'ị'},
	0xCE: {'Ỵ'}, 0xEE: {'ỵ'},
}

// Indexes of the combining marks in composeTable's rows.
const (
	markGrave = iota
	markAcute
	markTilde
	markHook
	markDot
	markCircumflex
	markBreve
	markHorn
	numMarks
)

// markIndex returns the column of composeTable for the combining mark r,
// or -1.
func markIndex(r rune) int {
	switch r {
	case 0x0300:
		return markGrave
	case 0x0301:
		return markAcute
	case 0x0303:
		return markTilde
	case 0x0309:
		return markHook
	case 0x0323:
		return markDot
	case 0x0302:
		return markCircumflex
	case 0x0306:
		return markBreve
	case 0x031B:
		return markHorn
	}
	return -1
}

// composeTable[composeBase(b)][markIndex(m)] is the NFC composition of b
// followed by m, or 0 if it is not one rune. The bases are the Vietnamese
// vowels with and without their own diacritics, and the vowels with a dot
// below, which is where canonical (NFD) order puts the dot before the
// circumflex, breve or horn.
var composeTable = [32][8]rune{
	{'À', 'Á', 'Ã', 'Ả', 'Ạ', 'Â', 'Ă', 0},   // A
	{'à', 'á', 'ã', 'ả', 'ạ', 'â', 'ă', 0},   // a
	{'È', 'É', 'Ẽ', 'Ẻ', 'Ẹ', 'Ê', 'Ĕ', 0},   // E
	{'è', 'é', 'ẽ', 'ẻ', 'ẹ', 'ê', 'ĕ', 0},   // e
	{'Ì', 'Í', 'Ĩ', 'Ỉ', 'Ị', 'Î', 'Ĭ', 0},   // I
	{'ì', 'í', 'ĩ', 'ỉ', 'ị', 'î', 'ĭ', 0},   // i
	{'Ò', 'Ó', 'Õ', 'Ỏ', 'Ọ', 'Ô', 'Ŏ', 'Ơ'}, // O
	{'ò', 'ó', 'õ', 'ỏ', 'ọ', 'ô', 'ŏ', 'ơ'}, // o
	{'Ù', 'Ú', 'Ũ', 'Ủ', 'Ụ', 'Û', 'Ŭ', 'Ư'}, // U
	{'ù', 'ú', 'ũ', 'ủ', 'ụ', 'û', 'ŭ', 'ư'}, // u
	{'Ỳ', 'Ý', 'Ỹ', 'Ỷ', 'Ỵ', 'Ŷ', 0, 0},     // Y
	{'ỳ', 'ý', 'ỹ', 'ỷ', 'ỵ', 'ŷ', 0, 0},     // y
	{'Ầ', 'Ấ', 'Ẫ', 'Ẩ', 'Ậ', 0, 0, 0},       // Â
	{'ầ', 'ấ', 'ẫ', 'ẩ', 'ậ', 0, 0, 0},       // â
	{'Ằ', 'Ắ', 'Ẵ', 'Ẳ', 'Ặ', 0, 0, 0},       // Ă
	{'ằ', 'ắ', 'ẵ', 'ẳ', 'ặ', 0, 0, 0},       // ă
	{'Ề', 'Ế', 'Ễ', 'Ể', 'Ệ', 0, 0, 0},       // Ê
	{'ề', 'ế', 'ễ', 'ể', 'ệ', 0, 0, 0},       // ê
	{'Ồ', 'Ố', 'Ỗ', 'Ổ', 'Ộ', 0, 0, 0},       // Ô
	{'ồ', 'ố', 'ỗ', 'ổ', 'ộ', 0, 0, 0},       // ô
	{'Ờ', 'Ớ', 'Ỡ', 'Ở', 'Ợ', 0, 0, 0},       // Ơ
	{'ờ', 'ớ', 'ỡ', 'ở', 'ợ', 0, 0, 0},       // ơ
	{'Ừ', 'Ứ', 'Ữ', 'Ử', 'Ự', 0, 0, 0},       // Ư
	{'ừ', 'ứ', 'ữ', 'ử', 'ự', 0, 0, 0},       // ư
	{0, 0, 0, 0, 0, 'Ậ', 'Ặ', 0},             // Ạ
	{0, 0, 0, 0, 0, 'ậ', 'ặ', 0},             // ạ
	{0, 0, 0, 0, 0, 'Ệ', 0, 0},               // Ẹ
	{0, 0, 0, 0, 0, 'ệ', 0, 0},               // ẹ
	{0, 0, 0, 0, 0, 'Ộ', 0, 'Ợ'},             // Ọ
	{0, 0, 0, 0, 0, 'ộ', 0, 'ợ'},             // ọ
	{0, 0, 0, 0, 0, 0, 0, 'Ự'},               // Ụ
	{0, 0, 0, 0, 0, 0, 0, 'ự'},               // ụ
}

func composeBase(r rune) int {
	switch r {
	case 'A':
		return 0
	case 'a':
		return 1
	case 'E':
		return 2
	case 'e':
		return 3
	case 'I':
		return 4
	case 'i':
		return 5
	case 'O':
		return 6
	case 'o':
		return 7
	case 'U':
		return 8
	case 'u':
		return 9
	case 'Y':
		return 10
	case 'y':
		return 11
	case 'Â':
		return 12
	case 'â':
		return 13
	case 'Ă':
		return 14
	case 'ă':
		return 15
	case 'Ê':
		return 16
	case 'ê':
		return 17
	case 'Ô':
		return 18
	case 'ô':
		return 19
	case 'Ơ':
		return 20
	case 'ơ':
		return 21
	case 'Ư':
		return 22
	case 'ư':
		return 23
	case 'Ạ':
		return 24
	case 'ạ':
		return 25
	case 'Ẹ':
		return 26
	case 'ẹ':
		return 27
	case 'Ọ':
		return 28
	case 'ọ':
		return 29
	case 'Ụ':
		return 30
	case 'ụ':
		return 31
	}
	return -1
}

// isSafe reports whether r is a character after which, and before which,
// NFC never changes anything: a starter (canonical combining class 0) that
// is its own NFC form and never composes with what precedes it. Only runes
// in ranges checked by tables_test.go are claimed; anything else is left to
// the norm package.
func isSafe(r rune) bool {
	switch {
	case r < 0x0300:
		return true
	case 0x1E00 <= r && r <= 0x1EFF: // Latin Extended Additional
		return true
	case 0x2010 <= r && r <= 0x2027, 0x2030 <= r && r <= 0x205E: // punctuation
		return true
	case 0x20A0 <= r && r <= 0x20C0: // currency signs, ₫ and €
		return true
	case r == 0x2116 || r == 0x2122: // № ™
		return true
	}
	return false
}

// isMark reports whether r is a combining diacritical mark (U+0300-U+036F).
func isMark(r rune) bool { return 0x0300 <= r && r <= 0x036F }
