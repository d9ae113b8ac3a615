package fonts_test

import (
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"

	"github.com/dvkreport/dvkreport/fonts"
)

// Every embedded font parses with freetype (charts) and fpdf (documents),
// and has a glyph for every Vietnamese letter. fpdf's TrueType parser
// panics on damaged data, so this test is what stands between a bad file
// and a crash.
func TestFonts(t *testing.T) {
	files := map[string][]byte{
		"SerifRegular": fonts.SerifRegular, "SerifBold": fonts.SerifBold, "SerifItalic": fonts.SerifItalic,
		"SerifBoldItalic": fonts.SerifBoldItalic, "SansRegular": fonts.SansRegular, "SansBold": fonts.SansBold,
	}
	letters := "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
	letters += strings.ToUpper(letters)
	for name, data := range files {
		f, err := truetype.Parse(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, r := range letters {
			if f.Index(r) == 0 {
				t.Errorf("%s has no glyph for %q", name, r)
			}
		}
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("f", "", data)
		p.AddPage()
		p.SetFont("f", "", 12)
		p.Cell(0, 10, letters)
		if err := p.Error(); err != nil {
			t.Errorf("%s in fpdf: %v", name, err)
		}
	}
	if !strings.Contains(fonts.License, "SIL Open Font License") {
		t.Error("the licence text is not the OFL")
	}
}
