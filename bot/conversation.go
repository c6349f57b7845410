package bot

import "sync"

// Conversation is the memory of one thread of questions: its last few
// turns and the last answer (for /sources). Safe for concurrent use.
type Conversation struct {
	mu     sync.Mutex
	max    int
	turns  []Turn
	last   *Answer
	filter Filter
}

// NewConversation returns an empty conversation that keeps maxTurns turns
// (4 when maxTurns <= 0).
func NewConversation(maxTurns int) *Conversation {
	if maxTurns <= 0 {
		maxTurns = 4
	}
	return &Conversation{max: maxTurns}
}

// History returns a copy of the kept turns, oldest first.
func (c *Conversation) History() []Turn {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Turn(nil), c.turns...)
}

// Last returns the last answer given in the conversation, or nil.
func (c *Conversation) Last() *Answer {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// Add records a turn, dropping the oldest beyond the limit.
func (c *Conversation) Add(t Turn, a *Answer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.turns = append(c.turns, t)
	if len(c.turns) > c.max {
		c.turns = append([]Turn(nil), c.turns[len(c.turns)-c.max:]...)
	}
	c.last = a
}

// Filter returns the filter the conversation's questions are answered
// under.
func (c *Conversation) Filter() Filter {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.filter
}

// SetFilter narrows the coverage the conversation's next questions are
// answered from; the zero Filter lifts it.
func (c *Conversation) SetFilter(f Filter) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.filter = f
}
