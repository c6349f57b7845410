// Command newsbot answers questions about a folder of news coverage with
// citations to the source file and line, in a terminal or in Discord.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	ctx, cancel := context.WithCancel(ctx)
	// Ctrl-C stops the program, or only the answer being written (interrupts).
	intr := &interrupts{root: cancel}
	sigint := make(chan os.Signal, 1)
	signal.Notify(sigint, os.Interrupt)
	go func() {
		for range sigint {
			intr.fire()
		}
	}()
	err := run(withInterrupts(ctx, intr), os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	cancel()
	stop()
	if err != nil {
		fmt.Fprintln(plainWriter{os.Stderr}, "newsbot:", err)
		os.Exit(exitCode(err))
	}
}
