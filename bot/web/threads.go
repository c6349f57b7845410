package web

import (
	"context"
	"crypto/rand"
	"sync"

	"github.com/newsbot/newsbot/bot"
)

// thread is one conversation on the web: the bot's memory of it and the
// answers to show on its page. Questions in one thread are answered one
// at a time, so that each sees the turns before it.
type thread struct {
	id        string
	conv      *bot.Conversation
	answering sync.Mutex // held while a question of the thread is answered
	mu        sync.Mutex // guards turns
	turns     []turn     // oldest first, at most maxShownAnswers
}

// turn is one answer of a thread and the question it answered, rewritten
// to stand alone: what a link to the answer asks again.
type turn struct {
	bot.Answer
	Standalone string
}

// thread returns the conversation named id, or a new one with a fresh
// random name when id is empty, unknown or forgotten. Names are never
// taken from the client, so nobody can guess their way into another's
// conversation or fix its name in advance.
func (s *Server) thread(id string) *thread {
	if id != "" {
		if t, ok := s.threads.Get(id); ok {
			return t
		}
	}
	t := &thread{id: rand.Text(), conv: bot.NewConversation(s.opt.MaxTurns)}
	s.threads.Put(t.id, t)
	return t
}

// existing returns the conversation named id, if it is still kept.
func (s *Server) existing(id string) (*thread, bool) {
	if id == "" {
		return nil, false
	}
	return s.threads.Get(id)
}

// ask answers question in t, under filter from now on when it is not
// nil, and records the answer.
func (s *Server) ask(ctx context.Context, t *thread, question string, filter *bot.Filter, onToken func(string)) (turn, error) {
	t.answering.Lock()
	defer t.answering.Unlock()
	if filter != nil {
		t.conv.SetFilter(*filter)
	}
	a, err := s.bot.Ask(ctx, t.conv, question, onToken)
	if err != nil {
		return turn{}, err
	}
	tu := turn{Answer: a, Standalone: a.Question}
	tu.Passages = nil // the page shows the quotes, not the passages: keep memory per turn small
	if h := t.conv.History(); len(h) > 0 {
		tu.Standalone = h[len(h)-1].Standalone
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.turns = append(t.turns, tu)
	if len(t.turns) > maxShownAnswers {
		t.turns = t.turns[len(t.turns)-maxShownAnswers:]
	}
	return tu, nil
}

// shown returns the turns of t to show, oldest first.
func (t *thread) shown() []turn {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]turn(nil), t.turns...)
}
