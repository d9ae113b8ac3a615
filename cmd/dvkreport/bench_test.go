//go:build linux

package main

import (
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/dvkreport/dvkreport/report/synth"
)

// BenchmarkGenerate runs the built command on the 100,000-row national
// register, as a user would, and reports its peak resident memory as the
// kernel counts it. Targets: under 100 MB; the time includes starting the
// process.
func BenchmarkGenerate(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "dvkreport")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	register := filepath.Join(dir, "national.csv")
	if err := synth.WriteFile(register, 100_000, 1); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, level string }{{"commune", "commune"}, {"province", "province"}} {
		b.Run(c.name, func(b *testing.B) {
			var peak int64
			for b.Loop() {
				cmd := exec.Command(bin, "generate", "-i", register, "--level", c.level, "-o", filepath.Join(dir, "out.pdf"))
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, out)
				}
				peak = max(peak, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) // KiB on Linux
			}
			b.ReportMetric(float64(peak)/1024, "peak-RSS-MiB")
		})
	}
}
