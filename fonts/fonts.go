// Package fonts embeds the TrueType fonts that dvkreport draws with, and
// their licence.
//
// The document face is Liberation Serif, which has the metrics of Times New
// Roman (the face Vietnamese administrative documents are set in) and covers
// every Vietnamese letter; charts use Liberation Sans. Both come from Debian's
// fonts-liberation2 package (version 2.1.5) and are licensed under the SIL Open
// Font License 1.1; see LICENSE in this directory.
//
// The files are TrueType (glyf) outlines, which both fpdf's subsetter and
// go-chart's freetype rasteriser read. The package knows nothing of either.
package fonts

import _ "embed"

// Files of the Liberation Serif family, used for the document text.
var (
	//go:embed LiberationSerif-Regular.ttf
	SerifRegular []byte
	//go:embed LiberationSerif-Bold.ttf
	SerifBold []byte
	//go:embed LiberationSerif-Italic.ttf
	SerifItalic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	SerifBoldItalic []byte
)

// Files of the Liberation Sans family, used for chart labels.
var (
	//go:embed LiberationSans-Regular.ttf
	SansRegular []byte
	//go:embed LiberationSans-Bold.ttf
	SansBold []byte
)

// License is the text of the fonts' licence (SIL OFL 1.1, with the
// copyright notices of the Liberation fonts).
//
//go:embed LICENSE
var License string
