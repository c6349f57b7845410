package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/newsbot/newsbot/bot"
	"github.com/newsbot/newsbot/retrieval"
)

// stateRoot is where newsbot keeps what it knows of the corpora it was
// pointed at, relative to the working directory.
const stateRoot = ".newsbot"

// corpusState is the folder under .newsbot/ that keeps what newsbot knows
// of one corpus: its default index, the warnings already given about its
// files and its last conversation. It is keyed by the corpus's absolute
// path, so that switching --corpus back and forth keeps each one's index.
func corpusState(corpus string) string {
	abs, err := filepath.Abs(corpus)
	if err != nil {
		abs = corpus
	}
	sum := sha256.Sum256([]byte(abs))
	name := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r
		}
		return '_'
	}, filepath.Base(abs))
	name = strings.TrimLeft(name, ".")
	if len(name) > 40 {
		name = name[:40]
	}
	return filepath.Join(stateRoot, "corpora", name+"-"+hex.EncodeToString(sum[:4]))
}

// checkCorpus says, in one line, what is wrong with the configured corpus
// folder, if anything.
func (a *app) checkCorpus() error {
	st, err := os.Stat(a.cfg.Corpus)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("corpus folder %q not found: pass --corpus DIR or set corpus in the config", a.cfg.Corpus)
	case err != nil:
		return fmt.Errorf("corpus folder %q: %w", a.cfg.Corpus, errors.Unwrap(err))
	case !st.IsDir():
		return fmt.Errorf("--corpus %q is a file, not a folder: pass the folder that holds the articles", a.cfg.Corpus)
	}
	return nil
}

// errNoArticles is the error of a question asked of a corpus with nothing
// in it to answer from.
func (a *app) errNoArticles() error {
	return fmt.Errorf("no articles in %s: newsbot reads %s", a.cfg.Corpus, retrieval.SupportedKinds)
}

// skipNotes remembers which skipped-file warnings were already given for
// a corpus, across runs, so that each is said once rather than on every
// sync: a file newsbot does not read stays unread, and saying so again
// each time buries the warnings that matter.
type skipNotes struct {
	path string
	seen map[string]bool // nil until loaded
}

// fresh returns the warnings of a sync not given before. When complete
// (the sync listed the whole corpus), the sync's warnings become the ones
// remembered, so that a file fixed and broken again is warned about again.
func (n *skipNotes) fresh(skipped []error, complete bool) []error {
	if n.seen == nil {
		n.seen = make(map[string]bool)
		if f, err := os.Open(n.path); err == nil {
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				n.seen[sc.Text()] = true
			}
			f.Close()
		}
	}
	var out []error
	now := make(map[string]bool, len(skipped))
	for _, w := range skipped {
		msg := oneLineOf(w.Error())
		now[msg] = true
		if !n.seen[msg] {
			out = append(out, w)
		}
	}
	if complete && (len(now) != len(n.seen) || len(out) > 0) {
		n.seen = now
		lines := make([]string, 0, len(now))
		for msg := range now {
			lines = append(lines, msg)
		}
		slices.Sort(lines)
		if err := os.MkdirAll(filepath.Dir(n.path), 0o755); err == nil {
			os.WriteFile(n.path, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
		}
	}
	return out
}

func oneLineOf(s string) string { return strings.Join(strings.Fields(s), " ") }

// savedConversation is the last conversation of `ask`, kept beside the
// index so that `ask -c` continues it, as `llm -c` does.
type savedConversation struct {
	Turns  []bot.Turn `json:"turns"`
	Source string     `json:"source,omitempty"` // the filter it was asked under
	After  time.Time  `json:"after,omitzero"`
	Before time.Time  `json:"before,omitzero"`
}

func (a *app) conversationPath() string { return filepath.Join(a.state, "conversation.json") }

// loadConversation returns the last conversation of ask, or a new one
// when there is none (or it cannot be read).
func (a *app) loadConversation() *bot.Conversation {
	conv := bot.NewConversation(a.cfg.Conversation.Turns)
	data, err := os.ReadFile(a.conversationPath())
	if err != nil {
		return conv
	}
	var saved savedConversation
	if err := json.Unmarshal(data, &saved); err != nil {
		a.log.Warn("reading the last conversation", "err", err)
		return conv
	}
	for _, t := range saved.Turns {
		conv.Add(t, nil)
	}
	conv.SetFilter(bot.Filter{Source: saved.Source, After: saved.After, Before: saved.Before})
	return conv
}

// saveConversation keeps conv for the next `ask -c`.
func (a *app) saveConversation(conv *bot.Conversation) {
	f := conv.Filter()
	data, err := json.MarshalIndent(savedConversation{Turns: conv.History(), Source: f.Source, After: f.After, Before: f.Before}, "", "  ")
	if err == nil {
		if err = os.MkdirAll(a.state, 0o755); err == nil {
			err = os.WriteFile(a.conversationPath(), append(data, '\n'), 0o644)
		}
	}
	if err != nil {
		a.log.Warn("saving the conversation", "err", err)
	}
}
