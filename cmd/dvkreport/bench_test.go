//go:build linux

package main

import (
	"os"
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

// BenchmarkSplitCommune runs the built command's generate --split-by
// commune over the 100,000-row national register: 3,321 reports and a
// manifest, as a national body makes them at the end of a quarter.
// Target: under 20 s on the 2-core development machine.
func BenchmarkSplitCommune(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "dvkreport")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	register := filepath.Join(dir, "national.csv")
	if err := synth.WriteFile(register, 100_000, 1); err != nil {
		b.Fatal(err)
	}
	var peak int64
	for b.Loop() {
		out := filepath.Join(dir, "out")
		cmd := exec.Command(bin, "generate", "-i", register, "-p", "2026-Q3", "--split-by", "commune", "--out-dir", out, "--force")
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, msg[max(0, len(msg)-2000):])
		}
		peak = max(peak, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "out"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(entries)-1), "reports")
	b.ReportMetric(float64(peak)/1024, "peak-RSS-MiB")
}
