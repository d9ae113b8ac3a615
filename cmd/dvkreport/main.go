// Command dvkreport turns registers of the "Dân vận khéo" (Skilled Mass
// Mobilization) emulation movement into printable PDF reports.
//
// Usage:
//
//	dvkreport generate   [FILTERS] [-o OUT.pdf] [--raster-charts]
//	dvkreport summary    [FILTERS] [--format table|csv|json]
//	dvkreport charts     [FILTERS] [--format png|svg] --out DIR
//	dvkreport validate   [--strict-names] [--encoding CHARSET] [--lang vi|en] FILE...
//	dvkreport localities [--search NAME] [--province NAME] [--as-of 2025|2024] [--format table|csv|json]
//
// With no --input, the embedded seed dataset is used. Run "dvkreport help
// COMMAND" for each command's flags, in Vietnamese, or in English with
// --lang en. Exit status is 0 on success, 1 when the data is bad, 2 when
// the command line is, 3 on an internal error.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/dvkreport/dvkreport/report/msg"
	"github.com/dvkreport/dvkreport/report/output"
)

func main() {
	// A signal ends the command at once, but first removes the temporary
	// file of a write in progress, so that nothing is left behind.
	temps := &output.Temps{}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	lang := scanLang(os.Args)
	go func() {
		s := <-sig
		temps.RemoveAll()
		name := "SIGTERM"
		if s == os.Interrupt {
			name = "Ctrl-C"
		}
		// In the command's language, and saying what is left: a
		// twenty-fourth review found "dvkreport: interrupt", in English,
		// under Vietnamese messages.
		fmt.Fprintln(os.Stderr, "dvkreport: "+msg.New("cli.interrupted", name).In(lang))
		code := 128 + int(syscall.SIGINT)
		if s == syscall.SIGTERM {
			code = 128 + int(syscall.SIGTERM)
		}
		os.Exit(code)
	}()
	memory := func(p memoryPolicy) {
		if p.limit > 0 {
			debug.SetMemoryLimit(p.limit)
		}
		if p.off {
			debug.SetGCPercent(-1)
		}
		if p.percent > 0 {
			debug.SetGCPercent(p.percent)
		}
		if p.hugePages > 0 {
			preferHugePages(p.hugePages)
		}
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr, env{temps: temps, getenv: os.Getenv, memory: memory}))
}
