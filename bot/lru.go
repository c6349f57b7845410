package bot

import (
	"container/list"
	"sync"
)

// LRU is a small, safe-for-concurrent-use map that forgets its least
// recently used entries beyond its size, so that a front end's memory
// stays bounded however many users, channels and conversations it sees.
type LRU[V any] struct {
	mu    sync.Mutex
	max   int
	order *list.List // of *lruEntry[V], most recent first
	items map[string]*list.Element
}

type lruEntry[V any] struct {
	key string
	val V
}

// NewLRU returns an empty LRU that keeps at most max entries.
func NewLRU[V any](max int) *LRU[V] {
	return &LRU[V]{max: max, order: list.New(), items: map[string]*list.Element{}}
}

// Get returns the value of key and marks it recently used.
func (c *LRU[V]) Get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruEntry[V]).val, true
	}
	var zero V
	return zero, false
}

// Put stores v under key.
func (c *LRU[V]) Put(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.putLocked(key, v)
}

// GetOrPut returns the value of key, storing mk() first if there is none.
func (c *LRU[V]) GetOrPut(key string, mk func() V) V {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*lruEntry[V]).val
	}
	v := mk()
	c.putLocked(key, v)
	return v
}

func (c *LRU[V]) putLocked(key string, v V) {
	if e, ok := c.items[key]; ok {
		e.Value.(*lruEntry[V]).val = v
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&lruEntry[V]{key: key, val: v})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*lruEntry[V]).key)
	}
}

// Len returns the number of entries.
func (c *LRU[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
