// Command gen writes a synthetic register for benchmarks:
//
//	go run ./report/synth/gen -rows 100000 -o national.csv
//	go run ./report/synth/gen -rows 100000 -o national.xlsx
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
	write := synth.Register
	if strings.HasSuffix(*out, ".xlsx") {
		write = synth.XLSX
	}
	if err := write(w, *rows, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
