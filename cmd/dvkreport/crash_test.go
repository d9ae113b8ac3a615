package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dvkreport/dvkreport/report/msg"
)

// goroutinePanic stands for report/internal/parallel.Panic, which this
// package cannot import: a panic of another goroutine, raised again.
type goroutinePanic struct{}

func (goroutinePanic) Error() string { return "runtime error: integer divide by zero" }
func (goroutinePanic) GoroutineStack() []byte {
	return []byte("goroutine 7 [running]:\nvalidate.parseNumber(...)\n")
}

// A panic raised again from a worker goroutine is an internal error (exit
// 3) whose crash report holds the worker's stack: a fuzzing campaign found
// one end the process with the runtime's exit 2, "bad usage", and a raw
// stack.
func TestCrashOfAGoroutine(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	var stderr bytes.Buffer
	u := &ui{out: &bytes.Buffer{}, err: &stderr, lang: msg.EN}
	if code := u.crash(goroutinePanic{}, []byte("main stack"), []string{"dvkreport", "summary"}); code != exitInternal {
		t.Errorf("exit %d; want %d", code, exitInternal)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "dvkreport-crash-*.txt"))
	if len(files) != 1 {
		t.Fatalf("crash reports %v; want one", files)
	}
	b, _ := os.ReadFile(files[0])
	if !strings.Contains(string(b), "validate.parseNumber") || !strings.Contains(string(b), "main stack") {
		t.Errorf("crash report:\n%s\nwant the goroutine's stack and the main one", b)
	}
	if !strings.Contains(stderr.String(), "divide by zero") {
		t.Errorf("said %q", stderr.String())
	}
}

// mail's pool raises a job's panic again on the calling goroutine, after
// the other jobs, with the job's stack.
func TestParallelRaisesAPanic(t *testing.T) {
	done := make([]bool, 6)
	defer func() {
		p, ok := recover().(interface{ GoroutineStack() []byte })
		if !ok || !strings.Contains(string(p.GoroutineStack()), "crash_test.go") || !done[0] || !done[5] {
			t.Errorf("recovered %v, jobs done %v; want the job's panic with its stack, the others done", p, done)
		}
	}()
	parallel(6, 2, func(i int) {
		if i == 3 {
			panic("job 3")
		}
		done[i] = true
	})
	t.Error("parallel returned")
}
