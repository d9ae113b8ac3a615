// Command dvkreport turns registers of the "Dân vận khéo" (Skilled Mass
// Mobilization) emulation movement into printable PDF reports.
//
// Usage:
//
//	dvkreport generate [--input FILE]... [--locality NAME]... [--level L] [--period P] [-o OUT.pdf]
//	dvkreport summary  [--input FILE]... [--locality NAME]... [--level L] [--period P] [--format table|csv|json]
//	dvkreport validate FILE...
//
// With no --input, the embedded seed dataset is used. Run "dvkreport help
// COMMAND" for each command's flags. Exit status is 0 on success, 1 when the
// data is bad, 2 when the command line is.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
