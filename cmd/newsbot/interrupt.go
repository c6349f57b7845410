package main

import (
	"context"
	"sync"
)

// interrupts routes Ctrl-C (SIGINT, which main delivers to fire): to the
// innermost handler pushed, such as the cancelling of an answer being
// written, else to root, which stops the program. So Ctrl-C during an
// answer in the REPL stops that answer, and at the prompt it is the line
// editor's (it clears the line).
type interrupts struct {
	mu    sync.Mutex
	root  func()
	stack []*func()
}

type interruptsKey struct{}

// withInterrupts gives ctx the interrupts that main routes Ctrl-C to.
func withInterrupts(ctx context.Context, in *interrupts) context.Context {
	return context.WithValue(ctx, interruptsKey{}, in)
}

// interruptsOf returns the interrupts of ctx; without any (a test that
// sets none), one that nothing fires.
func interruptsOf(ctx context.Context) *interrupts {
	if in, ok := ctx.Value(interruptsKey{}).(*interrupts); ok {
		return in
	}
	return &interrupts{}
}

// push makes f the handler of Ctrl-C until release is called.
func (in *interrupts) push(f func()) (release func()) {
	in.mu.Lock()
	defer in.mu.Unlock()
	p := &f
	in.stack = append(in.stack, p)
	return func() {
		in.mu.Lock()
		defer in.mu.Unlock()
		for i, q := range in.stack {
			if q == p {
				in.stack = append(in.stack[:i], in.stack[i+1:]...)
				return
			}
		}
	}
}

// fire handles one Ctrl-C.
func (in *interrupts) fire() {
	in.mu.Lock()
	f := in.root
	if n := len(in.stack); n > 0 {
		f = *in.stack[n-1]
	}
	in.mu.Unlock()
	if f != nil {
		f()
	}
}
