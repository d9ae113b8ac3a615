// Package seeds embeds dvkreport's default dataset: the figures of five
// press articles on the "Dân vận khéo" movement (Lạng Sơn, Đắk Song district
// of Đắk Nông, Mỏ Cày Bắc district of Bến Tre, Lai Châu), written as a
// register in the input contract's CSV form. SOURCES.md says where every
// figure comes from and how each was read.
//
// The dataset goes through the same loading and validation as a user's file.
package seeds

import (
	"embed"
	"io/fs"
)

//go:embed register.csv SOURCES.md
var files embed.FS

// Register is the name of the seed register in [FS].
const Register = "register.csv"

// FS returns the embedded files: the register and SOURCES.md.
func FS() fs.FS { return files }
