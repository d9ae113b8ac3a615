//go:build ignore

// gen writes the gazetteer's tables, ztable_*.go, from the CSV files of
// data/ (see internal/tablegen). Run it with go generate in this directory.
package main

import (
	"bytes"
	"go/format"
	"log"
	"os"
	"path/filepath"

	"github.com/dvkreport/dvkreport/report/gazetteer/internal/tablegen"
)

func main() {
	log.SetFlags(0)
	files, err := tablegen.Generate(os.DirFS("."))
	if err != nil {
		log.Fatal(err)
	}
	old, err := filepath.Glob(tablegen.Pattern)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range old {
		if _, ok := files[name]; !ok {
			if err := os.Remove(name); err != nil {
				log.Fatal(err)
			}
		}
	}
	for name, src := range files {
		if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
			log.Fatalf("%s: not as gofmt writes it (%v)", name, err)
		}
		if err := os.WriteFile(name, src, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
