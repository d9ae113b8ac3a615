package parallel

import (
	"strings"
	"sync/atomic"
	"testing"
)

func TestWaitRaisesAPanic(t *testing.T) {
	var g Group
	var ran atomic.Int32
	for k := range 4 {
		g.Go(func() {
			ran.Add(1)
			if k == 2 {
				var zero int
				_ = 1 / zero
			}
		})
	}
	defer func() {
		p, ok := recover().(*Panic)
		if !ok || !strings.Contains(p.Error(), "divide by zero") || !strings.Contains(string(p.Stack), "parallel_test.go") || ran.Load() != 4 {
			t.Errorf("recovered %#v after %d functions; want the division's panic with its stack, after 4", p, ran.Load())
		}
	}()
	g.Wait()
	t.Error("Wait returned")
}

func TestWaitWithoutPanic(t *testing.T) {
	var g Group
	var n atomic.Int32
	for range 8 {
		g.Go(func() { n.Add(1) })
	}
	g.Wait()
	if n.Load() != 8 {
		t.Errorf("%d functions ran; want 8", n.Load())
	}
}

// A group within a group's function: the panic keeps the inner
// goroutine's stack (review 42 found only the outer one kept).
func TestNestedGroups(t *testing.T) {
	var outer Group
	outer.Go(func() {
		var inner Group
		inner.Go(func() { innerFault() })
		inner.Wait()
	})
	defer func() {
		p, ok := recover().(*Panic)
		if !ok || p.Value != "inner fault" || !strings.Contains(string(p.Stack), "innerFault") {
			t.Errorf("recovered %#v; want the inner panic with its stack", p)
		}
	}()
	outer.Wait()
}

func innerFault() { panic("inner fault") }
