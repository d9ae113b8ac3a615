// Command gen writes a synthetic register for benchmarks:
//
//	go run ./report/synth/gen -rows 100000 -o national.csv
//	go run ./report/synth/gen -rows 100000 -o national.xlsx
//	go run ./report/synth/gen -rows 3000 -communes 100 -o sample.csv
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dvkreport/dvkreport/report/synth"
)

func main() {
	rows := flag.Int("rows", 100_000, "number of rows")
	out := flag.String("o", "", "output file (default: standard output)")
	seed := flag.Uint64("seed", 1, "random seed")
	communes := flag.Int("communes", 0, "use only the first `N` communes of the gazetteer (0: all 3,321)")
	first := flag.Int("first", 0, "number the rows from `N`: a part of a bigger register, its models numbered on from the parts before (CSV only)")
	flag.Parse()
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	var err error
	switch {
	case strings.HasSuffix(*out, ".xlsx"):
		err = synth.XLSX(w, *rows, *seed)
	default:
		err = synth.Part(w, *first, *rows, *communes, *seed)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
