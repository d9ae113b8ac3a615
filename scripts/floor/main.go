//go:build ignore

// The floor of a run of dvkreport: a program that links the fixed stack
// (fpdf, go-chart, urfave/cli, as go.mod has them) and exits at once,
// timed by scripts/bench-floor beside a program that only prints and the
// command itself. go run ignores the build constraint of a file it is
// given.
package main

import (
	"fmt"
	"os"

	"github.com/go-pdf/fpdf"
	"github.com/urfave/cli/v2"
	chart "github.com/wcharczuk/go-chart/v2"
)

func main() {
	app := &cli.App{Name: "floor", Action: func(*cli.Context) error { return nil }}
	if len(os.Args) > 9 { // never: links the packages without running them
		fmt.Println(fpdf.New("P", "mm", "A4", ""), chart.BarChart{})
	}
	if err := app.Run(os.Args); err != nil {
		os.Exit(1)
	}
}
