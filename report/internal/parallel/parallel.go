// Package parallel runs functions on goroutines of their own and brings a
// panic of any of them back to the goroutine that waits for them.
//
// A panic on a goroutine that nothing recovers ends the process with the
// runtime's exit status 2, which dvkreport's users read as "bad usage",
// with a raw stack and none of the command's crash report: a fuzzing
// campaign found a number of 64 decimal places do so from a goroutine of
// package validate's conversion. Waiting on a Group re-raises such a panic
// on the waiting goroutine, where the command's handler recovers it.
package parallel

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// Group is a collection of goroutines, like sync.WaitGroup's Go and Wait.
// Its zero value is ready to use; it must not be copied after first use.
type Group struct {
	wg    sync.WaitGroup
	once  sync.Once
	panic *Panic
}

// Panic is the value a Group's Wait panics with: what a function of the
// group panicked with, and the stack of its goroutine at that moment.
type Panic struct {
	Value any
	Stack []byte
}

func (p *Panic) Error() string { return fmt.Sprint(p.Value) }

// GoroutineStack returns the stack of the goroutine that panicked, for a
// crash report that can only name an interface (the command's).
func (p *Panic) GoroutineStack() []byte { return p.Stack }

// Go runs f on a goroutine of its own.
func (g *Group) Go(f func()) {
	g.wg.Go(func() { g.Catch(f) })
}

// Catch calls f, and returns normally if it panics, keeping the first
// panic for Wait: a worker that takes jobs from a channel catches each,
// and goes on taking them, so that whatever feeds it is never left
// blocked.
func (g *Group) Catch(f func()) {
	defer func() {
		if r := recover(); r != nil {
			p, ok := r.(*Panic) // raised again by a group within: its stack says where
			if !ok {
				p = &Panic{Value: r, Stack: debug.Stack()}
			}
			g.once.Do(func() { g.panic = p })
		}
	}()
	f()
}

// Wait waits for every function the group runs to return. If one
// panicked, Wait then panics with a *Panic that holds the first panic.
func (g *Group) Wait() {
	g.wg.Wait()
	if g.panic != nil {
		panic(g.panic)
	}
}
