package discord

import (
	"strings"
	"sync"
	"time"
)

// stream collects streamed answer text and flushes it at most once per
// interval, from its own goroutine so the model's stream never waits on
// Discord.
type stream struct {
	mu    sync.Mutex
	text  strings.Builder
	dirty bool
	quit  chan struct{}
	done  chan struct{}
}

func (d *Bot) startStream(flush func(text string)) *stream {
	st := &stream{quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(st.done)
		t := time.NewTicker(d.opt.StreamInterval)
		defer t.Stop()
		for {
			select {
			case <-st.quit:
				return
			case <-t.C:
				st.mu.Lock()
				text, dirty := st.text.String(), st.dirty
				st.dirty = false
				st.mu.Unlock()
				if dirty && strings.TrimSpace(text) != "" {
					flush(text)
				}
			}
		}
	}()
	return st
}

// add receives streamed text (Bot.Ask's onToken).
func (st *stream) add(s string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.text.WriteString(s)
	st.dirty = true
}

// stop ends flushing; after it returns no flush is running.
func (st *stream) stop() {
	close(st.quit)
	<-st.done
}
