// Package dialog keeps conversations with briefbot: within one, a follow-up
// ("what did he say?", "and Russia?", "why?", "tell me more") is rewritten into a
// self-contained question from the turns before it, and a question of several
// parts ("what did China and Russia say?", "who is the Russian ambassador and
// what did he say?") is asked part by part and answered as one.
//
// Context is kept in memory, per conversation key (a Discord thread or DM, a
// console session), bounded to the last few turns and forgotten after a while
// without questions. Conversations is safe for concurrent use; the turns of
// one conversation are answered one at a time, in order.
package dialog

import (
	"context"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/answer"
)

// Asker answers one self-contained question; *library.Library and
// *answer.Engine satisfy it.
type Asker interface {
	Ask(ctx context.Context, question string) (knowledge.Answer, error)
}

// Options bound the conversations kept.
type Options struct {
	// MaxTurns is how many turns of a conversation are remembered
	// (DefaultMaxTurns when 0).
	MaxTurns int
	// TTL is how long a conversation is remembered after its last question
	// (DefaultTTL when 0).
	TTL time.Duration
	// Now tells the time (time.Now when nil); tests set it.
	Now func() time.Time
	// MaxConversations is how many conversations are remembered at once
	// (DefaultMaxConversations when 0); past it the least recent is forgotten.
	MaxConversations int
}

// Defaults for Options.
const (
	DefaultMaxTurns         = 6
	DefaultTTL              = 30 * time.Minute
	DefaultMaxConversations = 10000
)

// Conversations answers questions within conversations.
type Conversations struct {
	asker Asker
	opt   Options

	mu    sync.Mutex
	convs map[string]*conversation
	asked int // questions since the last sweep of expired conversations
}

// conversation is what one conversation remembers.
type conversation struct {
	mu    sync.Mutex // held while a turn is answered: turns go in order
	turns []turn     // oldest first, at most Options.MaxTurns
	// shown are the sentences already quoted ("doc#n"), so that "tell me more"
	// quotes new ones.
	shown map[string]bool
	last  time.Time // guarded by Conversations.mu
}

// turn is one question of a conversation, as asked of the Asker, and its answer.
type turn struct {
	question string
	answer   knowledge.Answer
}

// New returns conversations answered by a.
func New(a Asker, opts Options) *Conversations {
	if opts.MaxTurns <= 0 {
		opts.MaxTurns = DefaultMaxTurns
	}
	if opts.TTL <= 0 {
		opts.TTL = DefaultTTL
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxConversations <= 0 {
		opts.MaxConversations = DefaultMaxConversations
	}
	return &Conversations{asker: a, opt: opts, convs: map[string]*conversation{}}
}

// Ask answers question as the next turn of the conversation key. An empty key
// is a conversation of one question: nothing before it, nothing kept. The
// answer's Question is the question as asked; errors are the Asker's.
func (c *Conversations) Ask(ctx context.Context, key, question string) (knowledge.Answer, error) {
	conv := c.conversation(key)
	conv.mu.Lock()
	defer conv.mu.Unlock()
	a, err := c.answer(ctx, conv, clip(question))
	if err != nil {
		return a, fmt.Errorf("dialog: %w", err)
	}
	a.Question = question
	return a, nil
}

// Forget drops what the conversation key remembers.
func (c *Conversations) Forget(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.convs, key)
}

// Len is how many conversations are remembered.
func (c *Conversations) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.convs)
}

// sweepEvery is how many questions pass between sweeps of expired conversations.
const sweepEvery = 64

// conversation returns the conversation key, a new one when it is unknown or
// expired, and marks it used now.
func (c *Conversations) conversation(key string) *conversation {
	if key == "" {
		return &conversation{shown: map[string]bool{}}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.opt.Now()
	c.asked++
	if c.asked >= sweepEvery {
		c.asked = 0
		for k, v := range c.convs {
			if now.Sub(v.last) > c.opt.TTL {
				delete(c.convs, k)
			}
		}
	}
	conv, ok := c.convs[key]
	if !ok || now.Sub(conv.last) > c.opt.TTL {
		if !ok && len(c.convs) >= c.opt.MaxConversations {
			c.evictOldest()
		}
		conv = &conversation{shown: map[string]bool{}}
		c.convs[key] = conv
	}
	conv.last = now
	return conv
}

// evictOldest forgets the least recently used conversation (c.mu held).
func (c *Conversations) evictOldest() {
	var oldest string
	var at time.Time
	for k, v := range c.convs {
		if oldest == "" || v.last.Before(at) {
			oldest, at = k, v.last
		}
	}
	delete(c.convs, oldest)
}

// remember adds a turn, keeping the last MaxTurns (conv.mu held).
func (c *Conversations) remember(conv *conversation, question string, a knowledge.Answer) {
	conv.turns = append(conv.turns, turn{question: question, answer: a})
	if n := len(conv.turns) - c.opt.MaxTurns; n > 0 {
		conv.turns = append(conv.turns[:0], conv.turns[n:]...)
	}
	if len(conv.shown) > maxShown {
		clear(conv.shown)
	}
	for _, ct := range a.Citations {
		conv.shown[citeKey(ct)] = true
	}
}

// clip cuts a question to answer.MaxQuestion bytes of valid UTF-8: the
// engine reads no more, and the rewriting need not either.
func clip(q string) string {
	if len(q) <= answer.MaxQuestion {
		return q
	}
	q = q[:answer.MaxQuestion]
	for len(q) > 0 && !utf8.ValidString(q) {
		q = q[:len(q)-1]
	}
	return q
}

// maxShown bounds the sentences a conversation remembers quoting.
const maxShown = 500

func citeKey(c knowledge.Citation) string { return fmt.Sprintf("%s#%d", c.Document, c.Sentence) }
